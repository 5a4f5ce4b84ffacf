/// <reference lib="dom" />
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { PROBE_SHAPE_ID } from './classroom.js';

const LOAD_TIMEOUT_MS = Number(process.env.LOAD_TIMEOUT_MS ?? 300_000);

export interface LiveViewResult {
  /** Navigation start to the first frame after every view shows every shape. */
  loadMs: number;
  /** Main-thread task time per second of the window (CDP `TaskDuration`, wall time: throttling and a busy machine count). */
  cpuPerSecond: number;
  /** The main thread's CPU time per second (CDP `ThreadTime`): what a busy shared machine inflates least. */
  threadCpuPerSecond: number;
  fps: number;
  heapMb: number;
  /** A student's write → the view showing it (epoch ms on both sides: same machine). */
  latencyMs: number[];
}

/**
 * Installed before any page script: counts animation frames, and each frame reads the probe note's text in
 * the probed board's view (SVG thumbnail or tldraw view alike: both mark a shape with `data-shape-id`),
 * noting when each new `probe <n>` first shows; and notes the first frame in which every view shows every
 * shape (through the page's debug hooks).
 */
function probe(arg: string): void {
  const { probeBoard, boardIds, shapes, complete, probeShape } = JSON.parse(arg) as {
    probeBoard: string;
    boardIds: string[];
    shapes: number;
    complete: 'svg' | 'editor' | 'none';
    probeShape: string;
  };
  type Views = {
    __conjectureThumbnails?: Record<string, { shapeIds(): string[] }>;
    __conjectureViews?: Record<string, { editor: { getCurrentPageShapes(): unknown[] } }>;
  };
  const w = window as unknown as Views;
  const shown = (id: string) =>
    complete === 'none'
      ? document.querySelectorAll('.group-panel').length >= boardIds.length
        ? shapes
        : 0
      : complete === 'svg'
        ? (w.__conjectureThumbnails?.[id]?.shapeIds().length ?? 0)
        : (w.__conjectureViews?.[id]?.editor.getCurrentPageShapes().length ?? 0);
  const isComplete = () => boardIds.every((id) => shown(id) >= shapes);
  const state = { frames: 0, seen: {} as Record<string, number>, loadMs: null as number | null };
  (window as unknown as { __liveProbe: typeof state }).__liveProbe = state;
  const frame = () => {
    state.frames += 1;
    if (state.loadMs === null && isComplete()) state.loadMs = performance.now();
    const text =
      document.querySelector(`[data-board-id="${probeBoard}"] [data-shape-id="${probeShape}"]`)
        ?.textContent ?? '';
    const match = /probe (\d+)/.exec(text);
    if (match && !(match[1]! in state.seen)) state.seen[match[1]!] = Date.now();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

export interface LiveViewOptions {
  url: string;
  cpuRate: number;
  boardIds: string[];
  probeBoard: string;
  /** Shapes each board holds (its filled shapes and the probe note). */
  shapes: number;
  /** Which views the page shows: SVG thumbnails, tldraw editors (their debug hooks differ) or none (cards only). */
  complete: 'svg' | 'editor' | 'none';
  cookies?: Array<{ name: string; value: string; url: string }>;
  windowMs: number;
  /** Writes a CPU profile of the measurement window to this path (keep it out of the repo). */
  profilePath?: string;
  /** Epoch ms of each probe write (filled by the editing students while this runs). */
  written: Map<number, number>;
}

/** Opens a live view (dashboard, projector) in a fresh context, waits for it to be complete, then measures. */
export async function measureLiveView(browser: Browser, options: LiveViewOptions): Promise<LiveViewResult> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    if (options.cookies) await context.addCookies(options.cookies);
    const page = await context.newPage();
    // tsx (esbuild, keepNames) wraps the probe's named functions in `__name`, which pages lack.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.addInitScript(
      probe,
      JSON.stringify({
        probeBoard: options.probeBoard,
        boardIds: options.boardIds,
        shapes: options.shapes,
        complete: options.complete,
        probeShape: PROBE_SHAPE_ID,
      }),
    );
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuRate });
    await cdp.send('Performance.enable');
    await page.goto(options.url, { waitUntil: 'commit' });
    const handle = await page
      .waitForFunction(
        () => (window as unknown as { __liveProbe?: { loadMs: number | null } }).__liveProbe?.loadMs ?? null,
        undefined,
        { timeout: LOAD_TIMEOUT_MS, polling: 200 },
      )
      .catch(async (err: unknown) => {
        // Say what the page shows instead, so a stuck view can be told from a failed one.
        const shown = await page.evaluate(() => ({
          url: location.href,
          text: document.body.innerText.slice(0, 400),
          thumbnails: Object.keys(
            (window as { __conjectureThumbnails?: object }).__conjectureThumbnails ?? {},
          ),
          views: Object.values(
            (
              window as {
                __conjectureViews?: Record<string, { editor: { getCurrentPageShapes(): unknown[] } }>;
              }
            ).__conjectureViews ?? {},
          ).map((v) => v.editor.getCurrentPageShapes().length),
        }));
        throw new Error(`${options.url} never showed every shape: ${JSON.stringify(shown)}`, { cause: err });
      });
    const loadMs = (await handle.jsonValue()) as number;
    await page.waitForTimeout(2_000);
    const metrics = async () => {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
      const frames = await page.evaluate(
        () => (window as unknown as { __liveProbe: { frames: number } }).__liveProbe.frames,
      );
      return {
        task: get('TaskDuration'),
        thread: get('ThreadTime'),
        heap: get('JSHeapUsedSize'),
        frames,
        at: Date.now(),
      };
    };
    if (options.profilePath) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const before = await metrics();
    await page.waitForTimeout(options.windowMs);
    const after = await metrics();
    if (options.profilePath) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(options.profilePath, JSON.stringify(profile));
    }
    const seen = await page.evaluate(
      () => (window as unknown as { __liveProbe: { seen: Record<string, number> } }).__liveProbe.seen,
    );
    const elapsed = (after.at - before.at) / 1000;
    const latencyMs: number[] = [];
    for (const [seq, at] of options.written) {
      if (at < before.at || at > after.at - 1_000) continue; // written in the window, with time to arrive
      const shown = seen[String(seq)];
      // A value overwritten before it was drawn never shows: it counts as arriving with the next one.
      const next = shown ?? Object.entries(seen).find(([s]) => Number(s) > seq)?.[1];
      if (next !== undefined) latencyMs.push(next - at);
    }
    return {
      loadMs,
      cpuPerSecond: (after.task - before.task) / elapsed,
      threadCpuPerSecond: (after.thread - before.thread) / elapsed,
      fps: (after.frames - before.frames) / elapsed,
      heapMb: after.heap / 1e6,
      latencyMs,
    };
  } finally {
    await context.close();
  }
}
