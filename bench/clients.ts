import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { YDOC_RECORDS_KEY, YJS_PATH } from '@conjecture/shared';
import { killAllChildren } from './sync/servers.js';

/** A JSON call to the server, failing loudly on any refusal (a benchmark never measures an error path). */
export async function api<T>(
  url: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ json: T; res: Response }> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return { json: (await res.json()) as T, res };
}

/** A stock y-websocket client on a board, with the records as a YKeyValue and a promise of its first sync. */
export function connect(url: string, boardId: string, params: Record<string, string>) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}${YJS_PATH}`, boardId, doc, {
    params,
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  });
  const records = new YKeyValue<Record<string, unknown>>(doc.getArray(YDOC_RECORDS_KEY));
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, provider, records, synced };
}

/** Runs a benchmark's main and exits; an error or Ctrl-C never leaves a server behind. */
export function runBench(main: () => Promise<void>): void {
  process.on('SIGINT', () => {
    killAllChildren();
    process.exit(130);
  });
  main()
    .then(() => process.exit(0))
    .catch((err: unknown) => {
      console.error(err);
      killAllChildren();
      process.exit(1);
    });
}
