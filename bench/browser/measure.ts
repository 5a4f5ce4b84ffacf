/// <reference lib="dom" />
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** After the last shape arrives, long tasks are still counted for this long (page work the load set off). */
const SETTLE_MS = 1_000;
const LOAD_TIMEOUT_MS = Number(process.env.BENCH_LOAD_TIMEOUT_MS ?? 300_000);

export interface LoadResult {
  /** From navigation start to the first frame after every shape is in the editor. */
  completeMs: number;
  /** From navigation start to the first frame with every shape whose corner is in the first view. */
  inViewMs: number;
  /**
   * From navigation start to the first frame showing the board: the first view in the editor, or before it
   * our page's preview (a picture of the first view while the editor loads; marked `conjecture:board-preview`).
   */
  shownMs: number;
  /** The longest main-thread task from navigation start to `SETTLE_MS` after completion. */
  longestTaskMs: number;
  /** How many of those tasks took over `FROZEN_MS` (issue 19's bound for a 5,000-shape board at 1×). */
  frozenTasks: number;
}

/** A task this long makes a page feel frozen: the goal is none in a load at 1×. */
export const FROZEN_MS = 200;

/**
 * Installed before any page script: records long tasks, and polls the page's editor (ours through the debug
 * handle `window.__conjecture`, the baseline's `window.__stockEditor`) until it holds the shapes whose
 * top-left corner lies in its viewport (the first view), then until it holds all `target` shapes, noting
 * each time after the next frame has been rendered.
 */
// No named function expressions inside: tsx's keepNames would wrap them in a helper the page lacks.
function probe({ target, corners }: { target: number; corners: Array<[string, number, number]> }): void {
  type Probe = {
    longTasks: number[];
    inViewMs: number | null;
    completeMs: number | null;
    previewMs: number | null;
  };
  type Box = { x: number; y: number; w: number; h: number };
  const w = window as unknown as {
    __benchProbe: Probe;
    __conjecture?: { editor?: BenchEditor };
    __stockEditor?: BenchEditor;
  };
  type BenchEditor = {
    getCurrentPageShapes(): unknown[];
    getShape(id: string): unknown;
    getViewportPageBounds(): Box;
  };
  const state: Probe = { longTasks: [], inViewMs: null, completeMs: null, previewMs: null };
  w.__benchProbe = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    if (state.previewMs !== null || !list.getEntriesByName('conjecture:board-preview').length) return;
    state.previewMs = -1; // noted once, at the frame that shows it
    requestAnimationFrame(() => setTimeout(() => (state.previewMs = performance.now())));
  }).observe({ type: 'mark', buffered: true });
  let inView: string[] | null = null;
  let viewPending = false;
  const timer = setInterval(() => {
    const editor = w.__conjecture?.editor ?? w.__stockEditor;
    if (!editor) return;
    if (!viewPending && state.inViewMs === null) {
      if (!inView) {
        const v = editor.getViewportPageBounds();
        inView = corners
          .filter(([, x, y]) => x >= v.x && x <= v.x + v.w && y >= v.y && y <= v.y + v.h)
          .map(([id]) => id);
      }
      if (inView.every((id) => editor.getShape(id) !== undefined)) {
        viewPending = true;
        requestAnimationFrame(() => setTimeout(() => (state.inViewMs = performance.now())));
      }
    }
    if (editor.getCurrentPageShapes().length < target) return;
    clearInterval(timer);
    requestAnimationFrame(() => setTimeout(() => (state.completeMs = performance.now())));
  }, 10);
}

export interface LoadOptions {
  url: string;
  shapes: number;
  /** Each shape's id and top-left corner (for the first-view figure). */
  corners: Array<[string, number, number]>;
  cpuRate: number;
  /** Runs before navigation, e.g. to put a session token in localStorage. */
  initScript?: { fn: (arg: string) => void; arg: string };
  /** Writes a CPU profile of the load to this path (keep it out of the repo). */
  profilePath?: string;
  /** Writes a sampled allocation profile of the load (collected objects included) to this path. */
  heapProfilePath?: string;
  /** Writes a Chromium trace of the load (style, layout, paint and script tasks) to this path. */
  tracePath?: string;
  /**
   * Visits to the same page in the same browser profile before the measured one (unthrottled, each until its
   * board is complete and a second after): a returning student, whose HTTP cache, compiled code and the board's
   * local copy are warm. 0: a first visit (cold cache, empty storage).
   */
  warmVisits?: number;
}

/** A new page with the caller's init script and the load probe installed, not yet navigated. */
async function probedPage(context: BrowserContext, options: LoadOptions): Promise<Page> {
  const page = await context.newPage();
  if (options.initScript) await page.addInitScript(options.initScript.fn, options.initScript.arg);
  await page.addInitScript(probe, { target: options.shapes, corners: options.corners });
  return page;
}

/** One visit before the measured one: the page loads its board completely, settles (storage written), closes. */
async function visitUnmeasured(context: BrowserContext, options: LoadOptions): Promise<void> {
  const page = await probedPage(context, options);
  try {
    await page.goto(options.url, { waitUntil: 'commit' });
    await page.waitForFunction(
      () =>
        (window as unknown as { __benchProbe?: { completeMs: number | null } }).__benchProbe?.completeMs !=
        null,
      undefined,
      { timeout: LOAD_TIMEOUT_MS, polling: 100 },
    );
    await page.waitForTimeout(SETTLE_MS);
  } finally {
    await page.close();
  }
}

/** Opens one page in a fresh context (cold cache, empty storage) at the given CPU throttling and measures it. */
export async function measureLoad(browser: Browser, options: LoadOptions): Promise<LoadResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    for (let visit = 0; visit < (options.warmVisits ?? 0); visit++) await visitUnmeasured(context, options);
    const page = await probedPage(context, options);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuRate });
    if (options.profilePath) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    if (options.heapProfilePath) {
      await cdp.send('HeapProfiler.enable');
      // Every 16 kB allocated on average, and what a collection has freed too: the load's allocations.
      await cdp.send('HeapProfiler.startSampling', {
        samplingInterval: 16_384,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      });
    }
    if (options.tracePath)
      await browser.startTracing(page, {
        path: options.tracePath,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'],
      });
    await page.goto(options.url, { waitUntil: 'commit' });
    type Done = { completeMs: number; inViewMs: number; previewMs: number | null };
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const handle = await page
      .waitForFunction(
        () => {
          const p = (
            window as unknown as { __benchProbe?: { completeMs: number | null; inViewMs: number | null } }
          ).__benchProbe;
          return p?.completeMs != null && p.inViewMs != null ? p : null;
        },
        undefined,
        { timeout: LOAD_TIMEOUT_MS, polling: 100 },
      )
      .catch(async (error: unknown) => {
        const seen = await page.evaluate(() => {
          const w = window as unknown as {
            __benchProbe?: object;
            __conjecture?: { editor?: { getCurrentPageShapes(): unknown[] } };
            __stockEditor?: { getCurrentPageShapes(): unknown[] };
          };
          const editor = w.__conjecture?.editor ?? w.__stockEditor;
          return { probe: w.__benchProbe, shapes: editor?.getCurrentPageShapes().length ?? null };
        });
        throw new Error(
          `${options.url} did not load: ${JSON.stringify(seen)}; page errors: ${errors.join(' | ')}`,
          {
            cause: error,
          },
        );
      });
    const { completeMs, inViewMs, previewMs } = (await handle.jsonValue()) as Done;
    await page.waitForTimeout(SETTLE_MS);
    const longTasks = await page.evaluate(
      () => (window as unknown as { __benchProbe: { longTasks: number[] } }).__benchProbe.longTasks,
    );
    if (options.profilePath) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(options.profilePath, JSON.stringify(profile));
    }
    if (options.heapProfilePath) {
      const { profile } = await cdp.send('HeapProfiler.stopSampling');
      fs.writeFileSync(options.heapProfilePath, JSON.stringify(profile));
    }
    return {
      completeMs,
      inViewMs,
      shownMs: previewMs !== null && previewMs > 0 ? Math.min(previewMs, inViewMs) : inViewMs,
      longestTaskMs: Math.max(0, ...longTasks),
      frozenTasks: longTasks.filter((ms) => ms > FROZEN_MS).length,
    };
  } finally {
    // Stopped even when the load failed: a browser traces one page at a time.
    if (options.tracePath) await browser.stopTracing().catch(() => undefined);
    await context.close();
  }
}
