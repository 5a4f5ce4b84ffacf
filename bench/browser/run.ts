/// <reference lib="dom" />
/**
 * bench/browser — how long a student's group board takes to open in Chromium, beside stock tldraw.
 *
 * Our built server (SQLite) and built client; one class with a group board per size, filled by a stock client
 * with geo, text and note shapes. Each run opens the student's class page (`/class/<id>?debug`) in a fresh
 * browser context (cold cache, empty IndexedDB) and, interleaved in the same run, the baseline: stock tldraw
 * (a Vite production build of `stock/`) loading the same records with `loadSnapshot`. Measured in the page
 * from navigation start: the first frame with the shapes of the first view (each shape whose top-left corner
 * is in the editor's viewport) in the editor, the first frame showing the board at all ("board shown": ours
 * draws a picture of the first view while its editor loads, `BoardPreview`; stock's is its first view), the
 * first frame after every shape is in the editor, and the longest task (the
 * `longtask` PerformanceObserver) until a second after that. At 1× and 4× CPU throttling (CDP
 * `Emulation.setCPUThrottlingRate`, standing in for a school Chromebook); medians of `--runs`.
 *
 *   pnpm build && pnpm bench:browser [--sizes=200,1000,5000] [--rates=1,4] [--runs=3] [--profile]
 *                                    [--heap-profile] [--trace] [--before=<another checkout, built>] [--rtt=<ms>]
 *                                    [--warm=<visits>]
 *
 * `--before` adds a third page to every run: the other checkout's built client (its `client/dist`), served
 * by this checkout's server with boards filled the same way, so a client change is timed against the build
 * before it in the same run, on the same machine load.
 * `--rtt` puts every page (ours, before and stock alike) behind a proxy that delays each chunk by half that
 * round trip each way (`latencyProxy.ts`), HTTP and WebSockets, as a school's network would; without it the
 * pages talk to servers on this machine with no delay at all.
 * `--warm=n` times a returning student instead of a first visit: each page (ours, before and stock) is visited n
 * times in the same browser profile before the measured load, so its HTTP cache, V8's cached code (Chromium
 * caches a script's compiled code from its second run) and, for ours, the board's IndexedDB copy are warm.
 * `--profile` writes CPU profiles of each cell's first loads (ours and stock) to the system's temp directory (never
 * the repo); `--heap-profile` writes their sampled allocations there (`.heapprofile`, collected objects
 * included), `--trace` a Chromium trace (style, layout and paint beside script: what a CPU profile calls
 * "(program)"). To read function names in both profiles, build the client with `vite build --minify false` and
 * run with `BENCH_STOCK_MINIFY=0` (stock's page then is not minified either). The machine is shared: compare the ratios within a run; the load average is printed per cell.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '@conjecture/server/testkit/chromium';
import { checkOurBuild, spawnServer } from '../sync/servers.js';
import { fillBoards } from './boards.js';
import { FROZEN_MS, measureLoad, type LoadResult } from './measure.js';
import { startStockPage } from './stockPage.js';
import { startLatencyProxy, type LatencyProxy } from './latencyProxy.js';
import { runBench } from '../clients.js';

const CLIENT_DIST = fileURLToPath(new URL('../../client/dist/', import.meta.url));

const list = (name: string, fallback: number[]) => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  const values = hit ? (hit.split('=')[1] as string).split(',').map(Number) : fallback;
  if (values.some((v) => !Number.isFinite(v) || v <= 0)) throw new Error(`--${name} takes positive numbers`);
  return values;
};
const SIZES = list('sizes', [200, 1000, 5000]);
const RATES = list('rates', [1, 4]);
const RUNS = list('runs', [3])[0] as number;
const RTT_MS = Number(process.argv.find((a) => a.startsWith('--rtt='))?.slice('--rtt='.length) ?? 0);
const PROFILE = process.argv.includes('--profile');
const HEAP_PROFILE = process.argv.includes('--heap-profile');
const TRACE = process.argv.includes('--trace');
const BEFORE = process.argv.find((a) => a.startsWith('--before='))?.slice('--before='.length);
const BEFORE_DIST = BEFORE ? path.resolve(BEFORE, 'client/dist') : null;
/** Visits to each page in the same browser profile before the measured one: a returning student. */
const WARM_VISITS = Number(process.argv.find((a) => a.startsWith('--warm='))?.slice('--warm='.length) ?? 0);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const seconds = (ms: number) => (ms / 1000).toFixed(2);
/** `median (min–max)` of a cell's runs, each figure written by `format`. */
const range = (xs: number[], format: (x: number) => string) =>
  `${format(median(xs))} (${format(Math.min(...xs))}–${format(Math.max(...xs))})`;
const spread = (xs: number[]) => range(xs, seconds);
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
/** The tasks over FROZEN_MS in each run, as `median (min–max)`: the longest task alone swings with GC. */
const frozen = (results: LoadResult[]) =>
  range(
    results.map((r) => r.frozenTasks),
    String,
  );

/** With `--profile`, each cell's first load of each page writes a CPU profile to the temp directory. */
const profileOption = (page: 'board' | 'stock', shapes: number, rate: number, run: number) => {
  const file = (extension: string) =>
    path.join(os.tmpdir(), `conjecture-${page}-${shapes}-${rate}x.${extension}`);
  return {
    ...(PROFILE && run === 0 ? { profilePath: file('cpuprofile') } : {}),
    ...(HEAP_PROFILE && run === 0 ? { heapProfilePath: file('heapprofile') } : {}),
    ...(TRACE && run === 0 ? { tracePath: file('trace.json') } : {}),
  };
};

/** Each shape's id and top-left corner, for the first-view figure. */
const cornersOf = (records: ReadonlyArray<Record<string, unknown>>) =>
  records
    .filter((r) => r.typeName === 'shape')
    .map((r): [string, number, number] => [r.id as string, r.x as number, r.y as number]);

function setStudentToken(arg: string): void {
  const { classId, token } = JSON.parse(arg) as { classId: string; token: string };
  window.localStorage.setItem(`conjecture:class:${classId}:studentToken`, token);
}

async function main(): Promise<void> {
  checkOurBuild();
  if (!fs.existsSync(path.join(CLIENT_DIST, 'index.html')))
    throw new Error(`${CLIENT_DIST}index.html is missing: run \`pnpm build\` first`);
  if (BEFORE_DIST && !fs.existsSync(path.join(BEFORE_DIST, 'index.html')))
    throw new Error(`${BEFORE_DIST}/index.html is missing: build the --before checkout first`);
  const server = await spawnServer('ours', { clientDist: CLIENT_DIST });
  const beforeServer = BEFORE_DIST ? await spawnServer('ours', { clientDist: BEFORE_DIST }) : null;
  const stock = await startStockPage();
  const proxies: LatencyProxy[] = [];
  /** The origin a page loads from: the server itself, or with `--rtt` a delaying proxy in front of it. */
  const reachedAt = async (origin: string) => {
    if (!RTT_MS) return origin;
    const proxy = await startLatencyProxy(origin, RTT_MS);
    proxies.push(proxy);
    return proxy.url;
  };
  const ourOrigin = await reachedAt(server.url);
  const beforeOrigin = beforeServer ? await reachedAt(beforeServer.url) : null;
  const stockOrigin = new URL(stock.urlFor('x')).origin;
  const stockReachedAt = await reachedAt(stockOrigin);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const boards = await fillBoards(server.url, SIZES);
    const beforeBoards = beforeServer ? await fillBoards(beforeServer.url, SIZES) : null;
    for (const board of boards) {
      stock.serveRecords(
        `b${board.shapes}`,
        board.records.filter((r) => ['document', 'page', 'shape'].includes(r.typeName as string)),
      );
    }
    console.log(
      `Chromium ${browser.version()}, ${os.cpus().length} CPUs, ${RUNS} runs per cell, ours${BEFORE ? `, before (${BEFORE})` : ''} and stock interleaved${RTT_MS ? `, every page ${RTT_MS} ms round trip from its server` : ''}${WARM_VISITS ? `, each page visited ${WARM_VISITS} time(s) before in the same profile (a returning student)` : ', first visits (cold cache, empty storage)'}`,
    );
    console.log(
      `| shapes | CPU | ours s, median (range) |${BEFORE ? ' before s, median (range) | ours / before |' : ''} stock s, median (range) | ratio | first view s ours / stock | board shown s ours / stock | longest task ms ours /${BEFORE ? ' before /' : ''} stock | tasks over ${FROZEN_MS} ms ours /${BEFORE ? ' before /' : ''} stock | load avg |`,
    );
    console.log(`|---:|---:|---:|${BEFORE ? '---:|---:|' : ''}---:|---:|---:|---:|---:|---:|:---|`);
    for (const [index, board] of boards.entries()) {
      const beforeBoard = beforeBoards?.[index];
      const corners = cornersOf(board.records);
      for (const rate of RATES) {
        const ours: LoadResult[] = [];
        const before: LoadResult[] = [];
        const base: LoadResult[] = [];
        const loadBefore = loadAverage();
        for (let run = 0; run < RUNS; run++) {
          const loadOurs = () =>
            measureLoad(browser, {
              url: `${ourOrigin}/class/${board.classId}?debug`,
              shapes: board.shapes,
              corners,
              cpuRate: rate,
              warmVisits: WARM_VISITS,
              initScript: {
                fn: setStudentToken,
                arg: JSON.stringify({ classId: board.classId, token: board.studentToken }),
              },
              ...profileOption('board', board.shapes, rate, run),
            }).then((r) => ours.push(r));
          const loadStock = () =>
            measureLoad(browser, {
              url: stock.urlFor(`b${board.shapes}`).replace(stockOrigin, stockReachedAt),
              shapes: board.shapes,
              corners,
              cpuRate: rate,
              warmVisits: WARM_VISITS,
              ...profileOption('stock', board.shapes, rate, run),
            }).then((r) => base.push(r));
          const loadBeforeBuild = () =>
            beforeServer && beforeBoard
              ? measureLoad(browser, {
                  url: `${beforeOrigin}/class/${beforeBoard.classId}?debug`,
                  shapes: beforeBoard.shapes,
                  corners: cornersOf(beforeBoard.records),
                  cpuRate: rate,
                  warmVisits: WARM_VISITS,
                  initScript: {
                    fn: setStudentToken,
                    arg: JSON.stringify({ classId: beforeBoard.classId, token: beforeBoard.studentToken }),
                  },
                }).then((r) => before.push(r))
              : Promise.resolve();
          // Rotate which goes first, so none always runs on a warmer (or busier) machine.
          const order = [loadOurs, loadBeforeBuild, loadStock];
          for (let i = 0; i < order.length; i++)
            await (order[(run + i) % order.length] as () => Promise<unknown>)();
        }
        const o = ours.map((r) => r.completeMs);
        const b = before.map((r) => r.completeMs);
        const s = base.map((r) => r.completeMs);
        const beforeCells = BEFORE ? ` ${spread(b)} | ${(median(o) / median(b)).toFixed(2)}× |` : '';
        console.log(
          `| ${board.shapes} | ${rate}× | ${spread(o)} |${beforeCells} ${spread(s)} | ${(median(o) / median(s)).toFixed(2)}× | ${seconds(median(ours.map((r) => r.inViewMs)))} / ${seconds(median(base.map((r) => r.inViewMs)))} | ${seconds(median(ours.map((r) => r.shownMs)))} / ${seconds(median(base.map((r) => r.shownMs)))} | ${median(ours.map((r) => r.longestTaskMs)).toFixed(0)} /${BEFORE ? ` ${median(before.map((r) => r.longestTaskMs)).toFixed(0)} /` : ''} ${median(base.map((r) => r.longestTaskMs)).toFixed(0)} | ${frozen(ours)} /${BEFORE ? ` ${frozen(before)} /` : ''} ${frozen(base)} | ${loadBefore} → ${loadAverage()} |`,
        );
      }
    }
    if (PROFILE || HEAP_PROFILE || TRACE)
      console.log(
        `profiles: ${path.join(os.tmpdir(), 'conjecture-{board,stock}-*.{cpuprofile,heapprofile,trace.json}')}`,
      );
  } finally {
    await browser.close();
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await stock.close();
    await server.stop();
    await beforeServer?.stop();
  }
}

runBench(main);
