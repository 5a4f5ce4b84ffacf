/**
 * bench/folds — what the first "whose is this?" and the first participation report cost after a start: the
 * cold fold of a long board's update log (server/src/boards/boardLog.ts).
 *
 * A lesson of U stored updates (default 20,000) written through a real room (the test harness: every check,
 * in process): three students drawing strokes point by point, typing notes word by word and moving each
 * other's shapes. Then, R interleaved rounds, each on a fresh store so nothing is cached: authorship alone
 * (`recordAuthorship`), participation's acts alone (`boardActs`), both (what a dashboard after a restart
 * asks), and Yjs decoding the log alone (the floor of any fold). `--baseline=<dir>` runs another build's
 * `server/dist` beside ours (this checkout's, unless `--ours=<dir>`), the order alternating per round, and
 * checks both builds give the same answers.
 *
 *   pnpm build && pnpm bench:folds [--updates=20000] [--runs=15] [--baseline=../main/server/dist]
 */
import os from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { noteShape, strokeShape } from '../../server/src/test/records.js';
import { roomHarness, type FakePeer } from '../../server/src/test/roomHarness.js';
import type { BoardStore, StoredUpdate } from '../../server/src/storage/boardStore.js';
import { median } from '../sync/stats.js';

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const count = (name: string, fallback: number) => {
  const value = Number(option(name) ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
};
const UPDATES = count('updates', 20_000);
const RUNS = Math.max(2, count('runs', 15));
const OURS = resolve(option('ours') ?? fileURLToPath(new URL('../../server/dist', import.meta.url)));
const BASELINE = option('baseline');

/** A small deterministic generator, so every run writes the same lesson. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const WORDS = ['3/4', 'is', 'more', 'than', '2/3', 'because', '9/12', '>', '8/12', 'ratio', 'per', 'pen'];

/** Writes the lesson through a room; returns its stored log. */
function writeLesson(): { log: StoredUpdate[]; records: number } {
  const h = roomHarness();
  const rand = random(7);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)] as T;
  const students = ['ana', 'ben', 'cy'].map((id) => ({ id, peer: h.join(id), shapes: [] as string[] }));
  const stored = () => h.store.updatesAfter(h.boardId, 0).length;
  let next = 0;
  // One write per step, everyone's inbox delivered, the clock on: budgets refill as in a lesson.
  const step = (peer: FakePeer, key: string, value: Record<string, unknown>) => {
    peer.records.set(key, value);
    for (const s of students) s.peer.deliver();
    h.tick(50);
  };
  while (stored() < UPDATES) {
    const student = students[next++ % students.length]!;
    const others = students.filter((s) => s !== student).flatMap((s) => s.shapes);
    const roll = rand();
    if (roll < 0.45) {
      const key = `shape:d${next}`;
      const [x0, y0] = [rand() * 800, rand() * 600];
      const points: Array<{ x: number; y: number }> = [];
      for (let i = 0, n = 10 + Math.floor(rand() * 50); i < n; i++) {
        points.push({ x: x0 + i * 3 + rand() * 2, y: y0 + Math.sin(i / 4) * 20 });
        step(student.peer, key, strokeShape(key, points));
      }
      student.shapes.push(key);
    } else if (roll < 0.75) {
      const key = `shape:n${next}`;
      const words: string[] = [];
      for (let i = 0, n = 3 + Math.floor(rand() * 10); i < n; i++) {
        words.push(pick(WORDS));
        step(student.peer, key, noteShape(key, words.join(' '), { x: rand() * 800, y: rand() * 600 }));
      }
      student.shapes.push(key);
    } else if (others.length > 0) {
      const key = pick(others);
      for (let i = 0, n = 1 + Math.floor(rand() * 5); i < n; i++) {
        const value = student.peer.records.get(key);
        if (value) step(student.peer, key, { ...value, x: (value.x as number) + 10 });
      }
    }
  }
  const records = [...students[0]!.peer.records.map.keys()].length;
  const log = h.store.updatesAfter(h.boardId, 0);
  h.rooms.closeAll();
  return { log, records };
}

/** A store holding only the board and its log, new each time: the folds cache per store. */
function storeOf(log: readonly StoredUpdate[]): BoardStore {
  const board = { boardId: 'b', title: 'bench', createdAt: 0 };
  return {
    getBoard: (id: string) => (id === board.boardId ? board : undefined),
    updatesAfter: (_id: string, seq: number) => log.filter((u) => u.seq > seq),
  } as unknown as BoardStore;
}

interface Folds {
  name: string;
  recordAuthorship: (store: BoardStore, boardId: string) => ReadonlyMap<string, unknown>;
  boardActs: (store: BoardStore, boardId: string) => { acts: unknown[] };
}

async function load(name: string, dist: string): Promise<Folds> {
  const module = (path: string) => import(pathToFileURL(`${dist}/${path}`).href);
  const [{ recordAuthorship }, { boardActs }] = await Promise.all([
    module('boards/authorship.js'),
    module('evidence/boardActs.js'),
  ]);
  return { name, recordAuthorship, boardActs };
}

const time = (fn: () => void) => {
  const from = performance.now();
  fn();
  return performance.now() - from;
};

async function main(): Promise<void> {
  const builds = [await load('ours', OURS), ...(BASELINE ? [await load('baseline', resolve(BASELINE))] : [])];
  const written = performance.now();
  const { log, records } = writeLesson();
  const bytes = log.reduce((sum, u) => sum + u.update.byteLength, 0);
  console.log(
    `log: ${log.length} updates, ${(bytes / 1e6).toFixed(1)} MB, ${records} records ` +
      `(written in ${((performance.now() - written) / 1000).toFixed(1)} s)`,
  );
  if (BASELINE) {
    const [ours, baseline] = builds as [Folds, Folds];
    const answers = (f: Folds) => {
      const store = storeOf(log);
      return { authorship: [...f.recordAuthorship(store, 'b')], acts: f.boardActs(store, 'b').acts };
    };
    const same = isDeepStrictEqual(answers(ours), answers(baseline));
    console.log(`same answers as the baseline: ${same ? 'yes' : 'NO'}`);
  }
  const samples = new Map<string, number[]>();
  const add = (key: string, ms: number) => samples.set(key, [...(samples.get(key) ?? []), ms]);
  const load0 = os.loadavg();
  for (let round = 0; round < RUNS; round++) {
    const order = round % 2 === 0 ? builds : [...builds].reverse();
    for (const f of order) {
      add(
        `${f.name} authorship`,
        time(() => f.recordAuthorship(storeOf(log), 'b')),
      );
      add(
        `${f.name} acts`,
        time(() => f.boardActs(storeOf(log), 'b')),
      );
      const store = storeOf(log);
      add(
        `${f.name} both`,
        time(() => {
          f.recordAuthorship(store, 'b');
          f.boardActs(store, 'b');
        }),
      );
    }
    add(
      'decoding alone',
      time(() => log.forEach((u) => Y.decodeUpdate(u.update))),
    );
  }
  const load1 = os.loadavg();
  console.log(
    `${RUNS} rounds; load average ${load0[0]!.toFixed(1)} → ${load1[0]!.toFixed(1)} (${os.cpus().length} cores)`,
  );
  console.log('ms, best / median:');
  for (const [key, ms] of samples)
    console.log(
      `  ${key.padEnd(20)} ${Math.min(...ms)
        .toFixed(0)
        .padStart(5)} / ${median(ms).toFixed(0)}`,
    );
  if (BASELINE)
    for (const what of ['authorship', 'acts', 'both']) {
      const ratio = median(samples.get(`ours ${what}`)!) / median(samples.get(`baseline ${what}`)!);
      console.log(`  ours / baseline, ${what}, medians: ${ratio.toFixed(2)}×`);
    }
}

await main();
