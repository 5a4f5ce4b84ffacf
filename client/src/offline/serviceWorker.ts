/**
 * The app's service worker (built into `/sw.js` by `client/serviceWorkerBuild.ts`, which defines `PRECACHE`
 * and `VERSION`): a student whose Wi-Fi drops and who reloads the page still gets the app, and the board
 * opens from its local copy. It keeps the app's own files only — every built asset (hashed, so kept as long
 * as this version lives) and the app shell — never an API answer or a board: those belong to the server and
 * to the board's IndexedDB copy, and the class's data goes with the class.
 *
 * Pages: from the network first (a new deployment is picked up at once), the stored shell when it fails.
 * Assets: from the store first, from the network (and then stored) when missing.
 */

/** Every built file, as paths from the site's root (`/assets/…`). */
declare const PRECACHE: readonly string[];
/** Changes with the build's files: a new version installs alongside, then replaces the old store. */
declare const VERSION: string;

interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const worker = self as unknown as ServiceWorkerScope;
const STORE = `conjecture-app-${VERSION}`;
const SHELL = '/';
/** Served by the server alone: the API, the board's sync, the class's live events. */
const LIVE = /^\/(api|yjs|socket\.io)(\/|$)/;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(STORE)
      // The page just loaded most of these: from the browser's HTTP cache where it holds them, not again.
      .then((store) =>
        store.addAll([SHELL, ...PRECACHE.map((path) => new Request(path, { cache: 'force-cache' }))]),
      )
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith('conjecture-app-') && n !== STORE).map((n) => caches.delete(n)),
        ),
      )
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin || LIVE.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    // The shell is the same page for every route (the client routes), with the server's headers (its CSP).
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(SHELL, { cacheName: STORE }).then((shell) => shell ?? Response.error()),
      ),
    );
    return;
  }
  if (!url.pathname.startsWith('/assets/')) return;
  event.respondWith(
    caches.open(STORE).then((store) =>
      store.match(request).then(
        (kept) =>
          kept ??
          fetch(request).then((response) => {
            if (response.ok) void store.put(request, response.clone());
            return response;
          }),
      ),
    ),
  );
});
