import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LoadOptions } from './load.js';

export interface BenchOptions {
  clientCounts: number[];
  rounds: number;
  roomSize: number;
  updatesPerSecond: number;
  awarenessPerSecond: number;
  warmupMs: number;
  measureMs: number;
  drainMs: number;
  quick: boolean;
  /** Where the markdown results go, or null not to write them. */
  resultsFile: string | null;
  /** Our server's storage; `memory` shows what persisting costs. */
  ourStorage: 'sqlite' | 'memory';
  /** After a comparison that misses the target, profile our server under the largest N. */
  profileOnMiss: boolean;
  /** Instead of comparing, profile our server under this many clients. */
  profileClients: number | null;
  /** With `profileClients`: profile the stock server under the same load too. */
  profileStock: boolean;
  /** Another build of our server (its `main.js`) to run in every round beside the current one. */
  beforeMain: string | null;
}

export const USAGE = `pnpm bench:sync [options]

Runs the same load against our server (SQLite, every update persisted) and a stock @y/websocket-server
(in memory), interleaved, and prints p50/p95/p99 delivery latency, server CPU per update and RSS.

  --quick              short run: N=30,100, 2 rounds, 1 s warm-up, 3 s windows (RESULTS.md not written)
  --n=30,100,300       client counts (default 30,100,300)
  --rounds=3           ours/stock pairs per N, alternating which goes first
  --duration=8         measured seconds per run
  --warmup=3           warm-up seconds per run
  --rate=2             record updates per second per client
  --awareness-rate=1   awareness updates per second per client
  --room-size=5        clients per room (board)
  --storage=sqlite     our server's storage: sqlite (default) or memory (to see what persisting costs)
  --no-write           don't write bench/sync/RESULTS.md
  --no-profile         don't profile our server after a missed target (full runs do by default)
  --profile=300        profile our server (node --cpu-prof) under N clients and summarize the profile
  --profile-stock      with --profile: profile the stock server under the same load too
  --before=<main.js>   also run another build of our server in every round (e.g. main's, built into
                       server/dist-before) and print both builds' ratios to stock side by side
  --help`;

const positiveInt = (name: string, raw: string): number => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
};
const nonNegative = (name: string, raw: string): number => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0, got "${raw}"`);
  return n;
};

/** Parses the command line; returns null after printing usage for --help. */
export function parseOptions(argv: string[], defaultResultsFile: string): BenchOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      n: { type: 'string' },
      rounds: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      rate: { type: 'string' },
      'awareness-rate': { type: 'string' },
      'room-size': { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      'no-profile': { type: 'boolean', default: false },
      profile: { type: 'string' },
      'profile-stock': { type: 'boolean', default: false },
      storage: { type: 'string', default: 'sqlite' },
      before: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return null;
  }
  const quick = values.quick ?? false;
  const storage = values.storage;
  if (storage !== 'sqlite' && storage !== 'memory') throw new Error(`--storage must be sqlite or memory`);
  const clientCounts = (values.n ?? (quick ? '30,100' : '30,100,300'))
    .split(',')
    .map((s) => positiveInt('n', s.trim()));
  return {
    clientCounts,
    rounds: positiveInt('rounds', values.rounds ?? (quick ? '2' : '3')),
    roomSize: positiveInt('room-size', values['room-size'] ?? '5'),
    updatesPerSecond: nonNegative('rate', values.rate ?? '2'),
    awarenessPerSecond: nonNegative('awareness-rate', values['awareness-rate'] ?? '1'),
    warmupMs: nonNegative('warmup', values.warmup ?? (quick ? '1' : '3')) * 1000,
    measureMs: positiveInt('duration', values.duration ?? (quick ? '3' : '8')) * 1000,
    drainMs: 1500,
    quick,
    ourStorage: storage,
    profileOnMiss: !quick && !values['no-profile'],
    // RESULTS.md records the configuration only.
    resultsFile: quick || values['no-write'] || storage !== 'sqlite' ? null : defaultResultsFile,
    profileClients: values.profile === undefined ? null : positiveInt('profile', values.profile),
    profileStock: values['profile-stock'] ?? false,
    beforeMain:
      values.before === undefined ? null : path.resolve(process.env.INIT_CWD ?? process.cwd(), values.before),
  };
}

export const loadOptions = (options: BenchOptions, clients: number, seed: number): LoadOptions => ({
  clients,
  roomSize: options.roomSize,
  updatesPerSecond: options.updatesPerSecond,
  awarenessPerSecond: options.awarenessPerSecond,
  warmupMs: options.warmupMs,
  measureMs: options.measureMs,
  drainMs: options.drainMs,
  seed,
});
