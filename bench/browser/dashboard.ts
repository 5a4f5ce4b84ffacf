/**
 * bench/browser/dashboard — the teacher's dashboard and the projector while a class works, in Chromium.
 *
 * Our built server and client; a class of 8 groups × 4 students, each group board filled with 200 shapes and
 * a probe note; the 32 students (stock y-websocket clients) edit at 2 updates a second each through the
 * server for the whole run. Opened in a fresh context each: the dashboard in both designs — `svg` (each
 * card's thumbnail drawn from its records) and `editor` (`?views=editor`, the earlier read-only tldraw
 * editor per group) — and, as the floor, with no thumbnails at all (`?views=none`); then the projector
 * showing 4 of the boards in both designs: `svg` (each board drawn from its records by the same renderer)
 * and `editor` (`?views=editor`, the earlier read-only tldraw editor per board). Measured: load (every view shows every shape), then over `--window` seconds the
 * main thread's task time per second (CDP `Performance.getMetrics` TaskDuration, wall time) and CPU time per
 * second (ThreadTime), frames per second (requestAnimationFrame), JS heap, and edit → view latency (one
 * student rewrites the probe note's text; the page notes the frame its view first shows it). At 1× and 4×
 * CPU throttling; designs interleaved; one run per cell unless `--runs`.
 *
 *   pnpm build && pnpm bench:dashboard [--rates=1,4] [--runs=1] [--window=15] [--profile] [--designs=svg,none]
 *
 * `--profile` writes a CPU profile of each cell's first window to the system's temp directory (never the repo).
 * `--designs` measures only the designs named (of `editor`, `svg`, `none`; the projector has no `none`).
 */
import os from 'node:os';
import path from 'node:path';
import { api, runBench } from '../clients.js';
import { liveClass, startEditing } from './classroom.js';
import { measureLiveView, type LiveViewResult } from './liveView.js';
import { loadAverage, startBuiltApp } from './builtApp.js';

const GROUPS = 8;
const PER_GROUP = 4;
const SHAPES = 200;
const UPDATES_PER_SECOND = 2;
const PROJECTED = 4;
const DESIGN_NAMES = {
  editor: 'editor per group (before)',
  svg: 'SVG thumbnails (new)',
  none: 'no thumbnails (the rest of the page)',
};

const PROJECTOR_DESIGN_NAMES = { editor: 'editors (before)', svg: 'SVG (new)' };

const list = (name: string, fallback: number[]) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const values = hit ? (hit.split('=')[1] as string).split(',').map(Number) : fallback;
  if (values.some((v) => !Number.isFinite(v) || v <= 0)) throw new Error(`--${name} takes positive numbers`);
  return values;
};
const RATES = list('rates', [1, 4]);
const RUNS = list('runs', [1])[0] as number;
const PROFILE = process.argv.includes('--profile');
const DESIGNS = new Set(
  process.argv
    .find((a) => a.startsWith('--designs='))
    ?.slice('--designs='.length)
    .split(',') ?? ['editor', 'svg', 'none'],
);
/** With `--profile`, each cell's first run writes a CPU profile of its window to the temp directory. */
const profilePath = (what: string, rate: number, run: number) =>
  PROFILE && run === 0
    ? { profilePath: path.join(os.tmpdir(), `conjecture-${what}-${rate}x.cpuprofile`) }
    : {};
const WINDOW_MS = (list('window', [15])[0] as number) * 1000;

const median = (xs: number[]) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

function row(what: string, rate: number, results: LiveViewResult[], load: string): string {
  const latency = results.flatMap((r) => r.latencyMs);
  const ms = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(0));
  return `| ${what} | ${rate}× | ${(median(results.map((r) => r.loadMs)) / 1000).toFixed(1)} s | ${median(results.map((r) => r.cpuPerSecond)).toFixed(2)} | ${median(results.map((r) => r.threadCpuPerSecond)).toFixed(2)} | ${median(results.map((r) => r.fps)).toFixed(0)} | ${median(results.map((r) => r.heapMb)).toFixed(0)} MB | ${ms(percentile(latency, 50))} / ${ms(percentile(latency, 95))} ms (${latency.length}) | ${load} |`;
}

async function main(): Promise<void> {
  const { server, browser } = await startBuiltApp();
  let stopEditing = () => {};
  try {
    const live = await liveClass(server.url, { groups: GROUPS, perGroup: PER_GROUP, shapes: SHAPES });
    const projected = live.boardIds.slice(0, PROJECTED);
    await api(
      `${server.url}/api/classes/${live.classId}/projection`,
      'PUT',
      { boardIds: projected, anonymize: false },
      { cookie: live.teacherCookie },
    );
    const [cookieName, cookieValue] = live.teacherCookie.split('=') as [string, string];
    const cookies = [{ name: cookieName, value: cookieValue, url: server.url }];
    const written = new Map<number, number>();
    stopEditing = startEditing(live, UPDATES_PER_SECOND, written);
    const [projectorPath, projectorKey] = live.projectorLink.split('#');
    console.log(
      `Chromium ${browser.version()}, ${os.cpus().length} CPUs; ${GROUPS} groups × ${SHAPES} shapes, ${live.students.length} students at ${UPDATES_PER_SECOND} updates/s; ${RUNS} run(s) per cell, window ${WINDOW_MS / 1000} s`,
    );
    console.log(
      '| view | CPU | load | main-thread tasks s/s | main-thread CPU s/s | fps | JS heap | edit → view p50 / p95 (n) | load avg before → after |',
    );
    console.log('|:---|---:|---:|---:|---:|---:|---:|---:|:---|');
    const shapes = SHAPES + 1;
    for (const rate of RATES) {
      const cells: Record<string, { results: LiveViewResult[]; load: string }> = {};
      const measure = async (what: string, run: () => Promise<LiveViewResult>) => {
        const cell = (cells[what] ??= { results: [], load: '' });
        const before = loadAverage();
        cell.results.push(await run());
        cell.load = `${before} → ${loadAverage()}`;
      };
      for (let r = 0; r < RUNS; r++) {
        const designs =
          r % 2 === 0 ? (['editor', 'svg', 'none'] as const) : (['none', 'svg', 'editor'] as const);
        for (const design of designs.filter((d) => DESIGNS.has(d)))
          await measure(`dashboard, ${DESIGN_NAMES[design]}`, () =>
            measureLiveView(browser, {
              url: `${server.url}/teach/${live.classId}?debug${design === 'svg' ? '' : `&views=${design}`}`,
              cpuRate: rate,
              boardIds: live.boardIds,
              probeBoard: live.boardIds[0]!,
              shapes,
              complete: design,
              cookies,
              windowMs: WINDOW_MS,
              ...profilePath(`dashboard-${design}`, rate, r),
              written,
            }),
          );
        const projectorDesigns = r % 2 === 0 ? (['editor', 'svg'] as const) : (['svg', 'editor'] as const);
        for (const design of projectorDesigns.filter((d) => DESIGNS.has(d)))
          await measure(`projector, ${PROJECTED} boards, ${PROJECTOR_DESIGN_NAMES[design]}`, () =>
            measureLiveView(browser, {
              url: `${server.url}${projectorPath}?debug${design === 'svg' ? '' : '&views=editor'}#${projectorKey}`,
              cpuRate: rate,
              boardIds: projected,
              probeBoard: live.boardIds[0]!,
              shapes,
              complete: design,
              windowMs: WINDOW_MS,
              ...profilePath(`projector-${design}`, rate, r),
              written,
            }),
          );
      }
      for (const [what, { results, load }] of Object.entries(cells))
        console.log(row(what, rate, results, load));
    }
  } finally {
    stopEditing();
    await browser.close();
    await server.stop();
  }
}

runBench(main);
