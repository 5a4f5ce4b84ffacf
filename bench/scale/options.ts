import { parseArgs } from 'node:util';
import { TOPOLOGY_KINDS, type TopologyKind } from './topology.js';

export interface ScaleOptions {
  students: number[];
  topologies: TopologyKind[];
  warmupMs: number;
  measureMs: number;
  /** Load kept on after every client is back, before the final check. */
  afterMs: number;
  workers: number;
  updatesPerSecond: number;
  awarenessPerSecond: number;
}

export const USAGE = `pnpm bench:scale [options]

Simulated classes of 30 (groups of 4–5; each student a stock y-websocket client, 2 edits/s and a cursor
1/s; each teacher a socket.io client watching every board of the class and a read-only y-websocket
watcher per board) against each topology in turn — one process on SQLite (the baseline, always run), one
process on PostgreSQL, and 3 processes behind HAProxy on PostgreSQL and Redis once server/dist/testkit/
cluster.js is built — with a kill -9 of one server process mid-run. PostgreSQL and Redis are started here
(Debian's packages, installed with apt when missing) and thrown away after.

  --students=300,1000     simulated students per run (default 300,1000)
  --topologies=sqlite,postgres,cluster
                          which to run (default: all; cluster only if built); sqlite always runs
  --duration=20           measured seconds per run (steady load, before the failover)
  --warmup=5              seconds of load before the measured window
  --after=3               seconds of load after every client is back, before the final check
  --workers=2             generator processes (a class never spans two)
  --rate=2                edits per second per student
  --awareness-rate=1      cursor updates per second per student
  --quick                 60 students, 5 s window, 2 s warm-up
  --help`;

const positive = (name: string, raw: string): number => {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a number > 0, got "${raw}"`);
  return n;
};
const positiveInt = (name: string, raw: string): number => {
  const n = positive(name, raw);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be a whole number, got "${raw}"`);
  return n;
};

export function parseOptions(argv: string[]): ScaleOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      students: { type: 'string' },
      topologies: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      after: { type: 'string' },
      workers: { type: 'string' },
      rate: { type: 'string' },
      'awareness-rate': { type: 'string' },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return null;
  }
  const quick = values.quick ?? false;
  const topologies = (values.topologies ?? TOPOLOGY_KINDS.join(',')).split(',').map((t) => t.trim());
  for (const t of topologies) {
    if (!(TOPOLOGY_KINDS as readonly string[]).includes(t))
      throw new Error(`--topologies: "${t}" is not one of ${TOPOLOGY_KINDS.join(', ')}`);
  }
  // The baseline always runs, first, so every other figure has its ratio.
  const chosen = TOPOLOGY_KINDS.filter((t) => t === 'sqlite' || topologies.includes(t));
  return {
    students: (values.students ?? (quick ? '60' : '300,1000'))
      .split(',')
      .map((s) => positiveInt('students', s.trim())),
    topologies: chosen,
    warmupMs: positive('warmup', values.warmup ?? (quick ? '2' : '5')) * 1000,
    measureMs: positive('duration', values.duration ?? (quick ? '5' : '20')) * 1000,
    afterMs: positive('after', values.after ?? '3') * 1000,
    workers: positiveInt('workers', values.workers ?? '2'),
    updatesPerSecond: positive('rate', values.rate ?? '2'),
    awarenessPerSecond: positive('awareness-rate', values['awareness-rate'] ?? '1'),
  };
}
