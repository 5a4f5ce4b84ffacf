/// <reference lib="dom" />
/**
 * bench/browser/gallery — the teacher's Strategies tab, the lesson's snapshot gallery, in Chromium.
 *
 * Our built server and client; a class of 8 groups × 4 students, each board filled with 200 shapes, and
 * `--per-group` snapshots (default 2) of every group's whole board. The dashboard is opened in a fresh
 * context on the Live lesson tab, every group's live thumbnail drawn; then, throttled, the Strategies tab
 * is clicked and measured in both designs of the gallery's thumbnails, interleaved: `svg` (each snapshot
 * drawn from its records, as the live thumbnails) and `editor` (`?views=editor`, the earlier read-only
 * tldraw editor per snapshot). Measured: the click to
 * the first frame in which every card shows its snapshot's shapes; then over `--window` seconds the main
 * thread's task time and CPU time per second (CDP `Performance.getMetrics`), frames per second, and the JS
 * heap after the window. 1× and 4× CPU throttling; `--runs` per cell (default 1).
 *
 *   pnpm build && pnpm bench:gallery [--rates=1,4] [--runs=1] [--window=10] [--per-group=2]
 */
import os from 'node:os';
import type { Browser } from 'playwright-core';
import { api, runBench } from '../clients.js';
import { median } from '../sync/stats.js';
import { liveClass } from './classroom.js';
import { loadAverage, startBuiltApp } from './builtApp.js';

const GROUPS = 8;
const PER_GROUP_STUDENTS = 4;
const SHAPES = 200;
const LOAD_TIMEOUT_MS = 300_000;
const DESIGNS = { svg: 'SVG from records (now)', editor: 'tldraw editor each (before)' } as const;
type Design = keyof typeof DESIGNS;

const list = (name: string, fallback: number[]) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const values = hit ? (hit.split('=')[1] as string).split(',').map(Number) : fallback;
  if (values.some((v) => !Number.isInteger(v) || v <= 0))
    throw new Error(`--${name} takes positive integers`);
  return values;
};
const RATES = list('rates', [1, 4]);
const RUNS = list('runs', [1])[0] as number;
const WINDOW_MS = (list('window', [10])[0] as number) * 1000;
const SNAPSHOTS_PER_GROUP = list('per-group', [2])[0] as number;

interface GalleryResult {
  drawnMs: number;
  cpuPerSecond: number;
  threadCpuPerSecond: number;
  fps: number;
  heapMb: number;
}

/** Every card shows its snapshot's shapes: as SVG groups, or in its tldraw editor. */
function everyCardDrawn({ cards, design }: { cards: number; design: Design }): boolean {
  if (design === 'svg') {
    const views = Array.from(document.querySelectorAll('.snapshot-gallery .snapshot-thumbnail'));
    return views.length === cards && views.every((v) => v.querySelector('g[data-shape-id]') !== null);
  }
  const editors = Object.values(
    (window as { __conjectureSnapshots?: Record<string, { getCurrentPageShapes(): unknown[] }> })
      .__conjectureSnapshots ?? {},
  );
  return editors.length === cards && editors.every((e) => e.getCurrentPageShapes().length > 0);
}

async function measureGallery(
  browser: Browser,
  url: string,
  cookies: Array<{ name: string; value: string; url: string }>,
  design: Design,
  cards: number,
  cpuRate: number,
): Promise<GalleryResult> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.addInitScript({ content: 'window.__name = (f) => f;' }); // tsx's keepNames helper
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    // The Live lesson tab first: every group's live thumbnail drawn before the throttling and the click.
    await page.waitForFunction(
      ({ groups, shapes }) => {
        const w = window as {
          __conjectureThumbnails?: Record<string, { shapeIds(): string[] }>;
          __conjectureViews?: Record<string, { editor: { getCurrentPageShapes(): unknown[] } }>;
        };
        // SVG thumbnails, or (`?views=editor`) the earlier editors: their debug hooks differ.
        const counts = [
          ...Object.values(w.__conjectureThumbnails ?? {}).map((v) => v.shapeIds().length),
          ...Object.values(w.__conjectureViews ?? {}).map((v) => v.editor.getCurrentPageShapes().length),
        ];
        return counts.length === groups && counts.every((n) => n >= shapes);
      },
      { groups: GROUPS, shapes: SHAPES },
      { timeout: LOAD_TIMEOUT_MS, polling: 200 },
    );
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
    await cdp.send('Performance.enable');
    await page.waitForTimeout(1_000);
    const started = Date.now();
    await page.getByRole('tab', { name: 'Strategies' }).click({ timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction(
      everyCardDrawn,
      { cards, design },
      { timeout: LOAD_TIMEOUT_MS, polling: 'raf' },
    );
    const drawnMs = Date.now() - started;
    await page.waitForTimeout(2_000);
    const metrics = async () => {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
      return {
        task: get('TaskDuration'),
        thread: get('ThreadTime'),
        heap: get('JSHeapUsedSize'),
        at: Date.now(),
      };
    };
    const frames = () =>
      page.evaluate(
        (ms) =>
          new Promise<number>((resolve) => {
            let n = 0;
            const end = performance.now() + ms;
            const tick = (now: number) => (now >= end ? resolve(n) : (n++, requestAnimationFrame(tick)));
            requestAnimationFrame(tick);
          }),
        WINDOW_MS,
      );
    const before = await metrics();
    const counted = await frames();
    const after = await metrics();
    const elapsed = (after.at - before.at) / 1000;
    return {
      drawnMs,
      cpuPerSecond: (after.task - before.task) / elapsed,
      threadCpuPerSecond: (after.thread - before.thread) / elapsed,
      fps: counted / (WINDOW_MS / 1000),
      heapMb: after.heap / 1e6,
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const { server, browser } = await startBuiltApp();
  try {
    const live = await liveClass(server.url, {
      groups: GROUPS,
      perGroup: PER_GROUP_STUDENTS,
      shapes: SHAPES,
    });
    for (const groupId of live.groupIds)
      for (let i = 0; i < SNAPSHOTS_PER_GROUP; i++)
        await api(
          `${server.url}/api/classes/${live.classId}/snapshots`,
          'POST',
          { groupId },
          { cookie: live.teacherCookie },
        );
    const cards = live.groupIds.length * SNAPSHOTS_PER_GROUP;
    const [cookieName, cookieValue] = live.teacherCookie.split('=') as [string, string];
    const cookies = [{ name: cookieName, value: cookieValue, url: server.url }];
    console.log(
      `Chromium ${browser.version()}, ${os.cpus().length} CPUs; ${cards} snapshots of ${SHAPES + 1}-shape boards; ${RUNS} run(s) per cell, window ${WINDOW_MS / 1000} s`,
    );
    console.log(
      '| gallery thumbnails | CPU | tab click → all drawn | main-thread tasks s/s | main-thread CPU s/s | fps | JS heap | load avg before → after |',
    );
    console.log('|:---|---:|---:|---:|---:|---:|---:|:---|');
    for (const rate of RATES) {
      const cells = new Map<Design, { results: GalleryResult[]; load: string }>();
      for (let r = 0; r < RUNS; r++) {
        const order: Design[] = r % 2 === 0 ? ['editor', 'svg'] : ['svg', 'editor'];
        for (const design of order) {
          const cell = cells.get(design) ?? { results: [], load: '' };
          cells.set(design, cell);
          const before = loadAverage();
          const url = `${server.url}/teach/${live.classId}?debug${design === 'editor' ? '&views=editor' : ''}`;
          cell.results.push(await measureGallery(browser, url, cookies, design, cards, rate));
          cell.load = `${before} → ${loadAverage()}`;
        }
      }
      for (const design of ['editor', 'svg'] as const) {
        const { results, load } = cells.get(design)!;
        const m = (f: (r: GalleryResult) => number) => median(results.map(f));
        console.log(
          `| ${DESIGNS[design]} | ${rate}× | ${(m((r) => r.drawnMs) / 1000).toFixed(2)} s | ${m((r) => r.cpuPerSecond).toFixed(2)} | ${m((r) => r.threadCpuPerSecond).toFixed(2)} | ${m((r) => r.fps).toFixed(0)} | ${m((r) => r.heapMb).toFixed(0)} MB | ${load} |`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

runBench(main);
