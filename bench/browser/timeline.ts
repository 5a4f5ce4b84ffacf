/// <reference lib="dom" />
/**
 * bench/browser/timeline — where a board page's time goes before its editor shows the board: a milestone
 * list per load (navigation, the first bundle run, each request with its start and end, the board's and
 * class's sockets opened and their first messages with sizes, the editor created, its toolbar shown, its
 * first shape and its last, tasks of 100 ms or more until a second after that, and any `performance.mark`
 * the page made: a scratch mark in the client shows where its moment falls), for our student class page or
 * (`--stock`) the stock tldraw baseline of `pnpm bench:browser`.
 *
 *   pnpm build && pnpm bench:browser-timeline [--size=200] [--rate=1] [--runs=3] [--stock] [--rtt=<ms>]
 *                                             [--before=<another checkout, built>] [--cpu-profile=<file>]
 *                                             [--trace=<file>]
 *
 * One fresh browser context per run (cold cache, empty IndexedDB), CPU throttled by `--rate`. Read it
 * beside `pnpm bench:browser`, which times whole loads; this only orders what happens. `--rtt` and `--before`
 * as there: a delaying proxy in front of the page's server, another checkout's built client instead of ours.
 * `--cpu-profile` writes the page's CPU profile of each load, from navigation to a second after the last
 * shape, to `<file>` (run N > 1 adds `.N`): open it in DevTools › Performance; keep it out of the repo.
 * `--trace` writes a Chrome trace of the same span (the same naming): it shows what a profile cannot — the
 * browser's own work inside a long task (parsing and compiling scripts, style, layout, paint, GC). V8's
 * compile events are in it too, and they show that tracing itself costs a module's evaluation: V8 collects
 * source positions for it (`V8.CollectSourcePositions`, re-parsing the script on the main thread: 100–250 ms
 * of a first bundle's 150–360 ms traced evaluation), so time evaluations without `--trace`.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '@conjecture/server/testkit/chromium';
import { checkOurBuild, spawnServer } from '../sync/servers.js';
import { fillBoards } from './boards.js';
import { startStockPage } from './stockPage.js';
import { startLatencyProxy } from './latencyProxy.js';
import { runBench } from '../clients.js';

const BEFORE = process.argv.find((a) => a.startsWith('--before='))?.slice('--before='.length);
const CLIENT_DIST = BEFORE
  ? path.resolve(BEFORE, 'client/dist')
  : fileURLToPath(new URL('../../client/dist/', import.meta.url));
const option = (name: string, fallback: number, least: 'positive' | 'zero' = 'positive') => {
  const value = Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  if (!Number.isFinite(value) || value < 0 || (least === 'positive' && value === 0))
    throw new Error(`--${name} takes a ${least === 'positive' ? 'positive' : 'non-negative'} number`);
  return value;
};
const SIZE = option('size', 200);
const RATE = option('rate', 1);
const RUNS = option('runs', 3);
const STOCK = process.argv.includes('--stock');
const RTT_MS = option('rtt', 0, 'zero'); // 0: no proxy
const CPU_PROFILE = process.argv.find((a) => a.startsWith('--cpu-profile='))?.slice('--cpu-profile='.length);
const TRACE = process.argv.find((a) => a.startsWith('--trace='))?.slice('--trace='.length);
/** Run N > 1 of a file option writes `<file>.N`. */
const runFile = (file: string, run: number) => (run === 0 ? file : `${file}.${run + 1}`);

type Milestone = [name: string, startMs: number, endMs: number | null];

/** Installed before any page script: the student's token, and hooks noting sockets and the editor. */
// No named functions or classes inside: tsx's keepNames would wrap them in a helper the page lacks.
function hook(arg: string): void {
  const { classId, token, shapes } = JSON.parse(arg) as { classId: string; token: string; shapes: number };
  window.localStorage.setItem(`conjecture:class:${classId}:studentToken`, token);
  const milestones: Milestone[] = [];
  const w = window as unknown as {
    __milestones: Milestone[];
    __conjecture?: { editor?: { getCurrentPageShapes(): unknown[] } };
    __stockEditor?: { getCurrentPageShapes(): unknown[] };
  };
  w.__milestones = milestones;
  const note = (name: string) => milestones.push([name, performance.now(), null]);
  window.WebSocket = new Proxy(window.WebSocket, {
    construct: (Native, args: [string | URL, (string | string[])?]) => {
      const socket = new Native(...args);
      const name = String(args[0]).includes('/socket.io/') ? 'class socket' : 'board socket';
      note(`${name}: created`);
      socket.addEventListener('open', () => note(`${name}: open`));
      let seen = 0;
      socket.addEventListener('message', (event: MessageEvent) => {
        const data = event.data as ArrayBuffer | string;
        if (seen++ < 3)
          note(`${name}: message ${seen}, ${typeof data === 'string' ? data.length : data.byteLength} B`);
      });
      return socket;
    },
  });
  // Tasks that freeze the page for a noticeable moment, where they start (the list is kept short).
  new PerformanceObserver((list) => {
    for (const task of list.getEntries())
      if (task.duration >= 100)
        milestones.push([
          `long task: ${task.duration.toFixed(0)} ms`,
          task.startTime,
          task.startTime + task.duration,
        ]);
  }).observe({ type: 'longtask', buffered: true });
  const once = (name: string) => {
    if (!milestones.some(([seen]) => seen === name)) note(name);
  };
  const timer = setInterval(() => {
    const editor = w.__conjecture?.editor ?? w.__stockEditor;
    if (!editor) return;
    once('editor: created');
    // tldraw's toolbar: the student can pick a tool
    const toolbar = document.querySelector('.tlui-main-toolbar') !== null;
    if (toolbar) once('editor: toolbar shown');
    const count = editor.getCurrentPageShapes().length;
    if (count > 0) once('editor: first shapes');
    if (count < shapes) return;
    once('editor: all shapes');
    if (toolbar) clearInterval(timer);
  }, 5);
}

async function main(): Promise<void> {
  checkOurBuild();
  const server = await spawnServer('ours', { clientDist: CLIENT_DIST });
  const stock = await startStockPage();
  const stockOrigin = new URL(stock.urlFor('x')).origin;
  const proxy = RTT_MS ? await startLatencyProxy(STOCK ? stockOrigin : server.url, RTT_MS) : null;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const [board] = await fillBoards(server.url, [SIZE]);
    if (!board) throw new Error('no board was filled');
    stock.serveRecords(
      'board',
      board.records.filter((r) => ['document', 'page', 'shape'].includes(r.typeName as string)),
    );
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        await page.addInitScript({ content: 'window.__name = (f) => f;' }); // tsx's keepNames helper
        await page.addInitScript(
          hook,
          JSON.stringify({ classId: board.classId, token: board.studentToken, shapes: SIZE }),
        );
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
        if (CPU_PROFILE) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
          await cdp.send('Profiler.start');
        }
        if (TRACE)
          await browser.startTracing(page, {
            path: runFile(TRACE, run),
            categories: [
              'devtools.timeline',
              'disabled-by-default-devtools.timeline',
              'v8',
              'disabled-by-default-v8.gc',
              'disabled-by-default-v8.compile',
            ],
          });
        const url = STOCK ? stock.urlFor('board') : `${server.url}/class/${board.classId}?debug`;
        const origin = STOCK ? stockOrigin : server.url;
        await page.goto(proxy ? url.replace(origin, proxy.url) : url, { waitUntil: 'commit' });
        await page.waitForFunction(
          () =>
            ['editor: all shapes', 'editor: toolbar shown'].every((wanted) =>
              (window as unknown as { __milestones: Milestone[] }).__milestones.some(
                ([name]) => name === wanted,
              ),
            ),
          undefined,
          { timeout: 300_000, polling: 50 },
        );
        await page.waitForTimeout(1_000); // the tasks that follow completion (as bench:browser counts them)
        if (CPU_PROFILE) {
          const { profile } = await cdp.send('Profiler.stop');
          const file = runFile(CPU_PROFILE, run);
          writeFileSync(file, JSON.stringify(profile));
          console.log(`CPU profile written to ${file}`);
        }
        if (TRACE) {
          await browser.stopTracing();
          console.log(`Trace written to ${runFile(TRACE, run)}`);
        }
        const milestones = await page.evaluate(() => {
          const all: Milestone[] = [];
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          all.push(
            ['HTML received', nav.responseEnd, null],
            ['first bundle run (DOMContentLoaded)', nav.domContentLoadedEventEnd, null],
          );
          for (const e of performance.getEntriesByType('mark')) all.push([e.name, e.startTime, null]);
          for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[])
            all.push([e.name.replace(location.origin, '').replace(/\?.*/, ''), e.startTime, e.responseEnd]);
          return [...all, ...(window as unknown as { __milestones: Milestone[] }).__milestones].sort(
            (a, b) => a[1] - b[1],
          );
        });
        console.log(
          `--- ${STOCK ? 'stock tldraw' : BEFORE ? `class page of ${BEFORE}` : 'our class page'}, ${SIZE} shapes, ${RATE}×${RTT_MS ? `, ${RTT_MS} ms round trip` : ''}, run ${run + 1}, load average ${os.loadavg()[0]?.toFixed(1)}`,
        );
        for (const [name, start, end] of milestones)
          console.log(
            `${start.toFixed(0).padStart(7)} ${end === null ? '       ' : end.toFixed(0).padStart(7)}  ${name}`,
          );
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await proxy?.close();
    await stock.close();
    await server.stop();
  }
}

runBench(main);
