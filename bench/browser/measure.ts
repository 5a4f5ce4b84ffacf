/// <reference lib="dom" />
import fs from 'node:fs';
import type { Browser } from 'playwright-core';

/** After the last shape arrives, long tasks are still counted for this long (page work the load set off). */
const SETTLE_MS = 1_000;
const LOAD_TIMEOUT_MS = 300_000;

export interface LoadResult {
  /** From navigation start to the first frame after every shape is in the editor. */
  completeMs: number;
  /** The longest main-thread task from navigation start to `SETTLE_MS` after completion. */
  longestTaskMs: number;
}

/**
 * Installed before any page script: records long tasks, and polls the page's editor (ours through the debug
 * handle `window.__conjecture`, the baseline's `window.__stockEditor`) until it holds `target` shapes, then
 * notes the time after the next frame has been rendered.
 */
function probe(target: number): void {
  type Probe = { longTasks: number[]; completeMs: number | null };
  const w = window as unknown as {
    __benchProbe: Probe;
    __conjecture?: { editor?: { getCurrentPageShapes(): unknown[] } };
    __stockEditor?: { getCurrentPageShapes(): unknown[] };
  };
  const state: Probe = { longTasks: [], completeMs: null };
  w.__benchProbe = state;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const timer = setInterval(() => {
    const editor = w.__conjecture?.editor ?? w.__stockEditor;
    if (!editor || editor.getCurrentPageShapes().length < target) return;
    clearInterval(timer);
    requestAnimationFrame(() => setTimeout(() => (state.completeMs = performance.now())));
  }, 10);
}

export interface LoadOptions {
  url: string;
  shapes: number;
  cpuRate: number;
  /** Runs before navigation, e.g. to put a session token in localStorage. */
  initScript?: { fn: (arg: string) => void; arg: string };
  /** Writes a CPU profile of the load to this path (keep it out of the repo). */
  profilePath?: string;
}

/** Opens one page in a fresh context (cold cache, empty storage) at the given CPU throttling and measures it. */
export async function measureLoad(browser: Browser, options: LoadOptions): Promise<LoadResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    if (options.initScript) await page.addInitScript(options.initScript.fn, options.initScript.arg);
    await page.addInitScript(probe, options.shapes);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuRate });
    if (options.profilePath) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await page.goto(options.url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () =>
        (window as unknown as { __benchProbe?: { completeMs: number | null } }).__benchProbe?.completeMs ??
        null,
      undefined,
      { timeout: LOAD_TIMEOUT_MS, polling: 100 },
    );
    const completeMs = (await handle.jsonValue()) as number;
    await page.waitForTimeout(SETTLE_MS);
    const longTasks = await page.evaluate(
      () => (window as unknown as { __benchProbe: { longTasks: number[] } }).__benchProbe.longTasks,
    );
    if (options.profilePath) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(options.profilePath, JSON.stringify(profile));
    }
    return { completeMs, longestTaskMs: Math.max(0, ...longTasks) };
  } finally {
    await context.close();
  }
}
