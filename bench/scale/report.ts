import type { TopologyKind } from './topology.js';

/** The figures of one topology under one size of load. */
export interface RunResult {
  topology: TopologyKind;
  name: string;
  students: number;
  classes: number;
  boards: number;
  groupmate: { p50: number; p99: number };
  teacher: { p50: number; p99: number };
  sentPerSecond: number;
  deliveredPerSecond: number;
  deliveredPercent: number;
  /** Edits sent as a share of those scheduled: below ~99 % the generator could not keep up. */
  offeredPercent: number;
  /** % of one core, and MB, per server process. */
  serverCpu: number[];
  serverRssMb: number[];
  /** PostgreSQL (all its processes), Redis, the load balancer: % of one core. */
  serviceCpu: number;
  generatorCpu: number[];
  generatorLoopP99Ms: number;
  /** One process: kill -9 → listening again. */
  restartMs: number | null;
  /** kill -9 → every client of the affected boards synced again, and the last of each kind. */
  reconnectMs: number | null;
  /** kill -9 → the last affected board read by its witness (students are held until then). */
  witnessMs: number | null;
  reconnectByKindMs: { students: number | null; watchers: number | null; sockets: number | null };
  affectedClients: number;
  unrecovered: number;
  lostAtFailover: number;
  lostAtEnd: number;
  diverged: number;
  /** Boards a witness could not read at the failover / at the end (their losses are not counted). */
  unread: { failover: number; end: number; reason: string | null };
  loadAverage: number;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const fixed = (value: number | null, digits: number) =>
  value === null || !Number.isFinite(value) ? '—' : value.toFixed(digits);
const list = (values: number[], digits: number) => values.map((v) => fixed(v, digits)).join(' / ');

function ratio(value: number | null, baseline: number | null | undefined): string {
  if (value === null || baseline === null || baseline === undefined) return '';
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return '';
  return ` (${(value / baseline).toFixed(2)}×)`;
}

function table(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i < 2 ? ':--' : '--:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Each run beside the one-process SQLite run of the same size (the baseline, always run first). */
export function reportTables(results: RunResult[]): string {
  const baselineOf = (r: RunResult) =>
    results.find((b) => b.students === r.students && b.topology === 'sqlite') ?? null;
  const rows = (cells: (r: RunResult, b: RunResult | null) => string[]) =>
    results.map((r) => [String(r.students), r.name, ...cells(r, baselineOf(r))]);

  const delivery = table(
    [
      'students',
      'topology',
      'groupmate p50 / p99 ms',
      'teacher p50 / p99 ms',
      'delivered upd/s',
      'delivered',
    ],
    rows((r, b) => [
      `${fixed(r.groupmate.p50, 1)}${ratio(r.groupmate.p50, b?.groupmate.p50)} / ${fixed(r.groupmate.p99, 1)}${ratio(r.groupmate.p99, b?.groupmate.p99)}`,
      `${fixed(r.teacher.p50, 1)}${ratio(r.teacher.p50, b?.teacher.p50)} / ${fixed(r.teacher.p99, 1)}${ratio(r.teacher.p99, b?.teacher.p99)}`,
      `${fixed(r.deliveredPerSecond, 0)}${ratio(r.deliveredPerSecond, b?.deliveredPerSecond)}`,
      `${fixed(r.deliveredPercent, 1)} %`,
    ]),
  );
  const servers = table(
    [
      'students',
      'topology',
      'server CPU % (each)',
      'server RSS MB (each)',
      'servers CPU total',
      'services CPU %',
    ],
    rows((r, b) => [
      list(r.serverCpu, 0),
      list(r.serverRssMb, 0),
      `${fixed(sum(r.serverCpu), 0)} %${ratio(sum(r.serverCpu), b ? sum(b.serverCpu) : null)}`,
      fixed(r.serviceCpu, 0),
    ]),
  );
  const failover = table(
    [
      'students',
      'topology',
      'clients cut off',
      'restart s',
      'witness read s',
      'reconnect s',
      'students / watchers / teacher sockets s',
      'lost at failover',
      'lost at end',
      'boards diverged',
    ],
    rows((r, b) => [
      r.unrecovered > 0
        ? `${r.affectedClients} (${r.unrecovered} boards not back)`
        : String(r.affectedClients),
      fixed(r.restartMs === null ? null : r.restartMs / 1000, 2),
      fixed(r.witnessMs === null ? null : r.witnessMs / 1000, 2),
      `${fixed(r.reconnectMs === null ? null : r.reconnectMs / 1000, 2)}${ratio(r.reconnectMs, b?.reconnectMs)}`,
      [r.reconnectByKindMs.students, r.reconnectByKindMs.watchers, r.reconnectByKindMs.sockets]
        .map((ms) => fixed(ms === null ? null : ms / 1000, 2))
        .join(' / '),
      r.unread.failover > 0
        ? `${r.lostAtFailover} (${r.unread.failover} boards unread)`
        : String(r.lostAtFailover),
      r.unread.end > 0 ? `${r.lostAtEnd} (${r.unread.end} boards unread)` : String(r.lostAtEnd),
      String(r.diverged),
    ]),
  );
  const generator = table(
    [
      'students',
      'topology',
      'classes / boards',
      'sent upd/s',
      'offered',
      'generator CPU % (each worker)',
      'generator loop p99 ms',
      'load average',
    ],
    rows((r) => [
      `${r.classes} / ${r.boards}`,
      fixed(r.sentPerSecond, 0),
      `${fixed(r.offeredPercent, 1)} %`,
      list(r.generatorCpu, 0),
      fixed(r.generatorLoopP99Ms, 1),
      fixed(r.loadAverage, 1),
    ]),
  );
  return [
    'Delivery: an edit by one student, seen by a groupmate and by the teacher’s watcher of that board',
    '',
    delivery,
    '',
    'Server processes over the measured window (% of one core; ratios: all servers together)',
    '',
    servers,
    '',
    'Failover: kill -9 of one server process mid-run (one process: started again on the same data)',
    '',
    failover,
    '',
    'The load generator (is it the limit?)',
    '',
    generator,
  ].join('\n');
}

/** One line per run as it ends, so a long run shows its figures before the tables. */
export function summaryLine(r: RunResult): string {
  const s = (ms: number | null) => fixed(ms === null ? null : ms / 1000, 2);
  return (
    `groupmate p50/p99 ${fixed(r.groupmate.p50, 1)}/${fixed(r.groupmate.p99, 1)} ms, ` +
    `teacher ${fixed(r.teacher.p50, 1)}/${fixed(r.teacher.p99, 1)} ms, ${fixed(r.deliveredPerSecond, 0)} upd/s ` +
    `(${fixed(r.deliveredPercent, 1)} %), servers CPU ${list(r.serverCpu, 0)} %, ` +
    `reconnect ${s(r.reconnectMs)} s (witness ${s(r.witnessMs)} s, ${r.unrecovered} boards not back), ` +
    `lost ${r.lostAtFailover} + ${r.lostAtEnd}, diverged ${r.diverged}, generator ${list(r.generatorCpu, 0)} %, ` +
    `offered ${fixed(r.offeredPercent, 1)} %, load ${fixed(r.loadAverage, 1)}` +
    (r.unread.reason ? `; unread boards ${r.unread.failover} + ${r.unread.end}: ${r.unread.reason}` : '')
  );
}
