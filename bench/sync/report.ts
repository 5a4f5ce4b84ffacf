import type { ServerKind } from './servers.js';
import { median } from './stats.js';

/** The figures of one run of one server. */
export interface RunRecord {
  kind: ServerKind;
  clients: number;
  round: number;
  p50: number;
  p95: number;
  p99: number;
  awarenessP50: number;
  awarenessP99: number;
  cpuUsPerUpdate: number;
  cpuPercent: number;
  /** The share of the server's CPU time spent in its main thread (the rest: GC and JIT helpers, libuv). */
  mainThreadCpuPercent: number;
  rssMb: number;
  deliveredPercent: number;
  updatesSent: number;
  /** Updates sent as a share of those scheduled: the generator's own health. */
  offeredPercent: number;
  generatorCpuPercent: number;
  generatorLoopDelayP99Ms: number;
  otherCpuPercent: number;
  receivedMessagesPerSecond: number;
  serverLoopP99Ms: number;
  serverLoopMaxMs: number;
  receivedKbPerSecond: number;
  disconnects: number;
}

/** The target of the issue: our p50 and p99 within this factor of the stock server's. */
export const TARGET_RATIO = 1.25;

type Metric = 'p50' | 'p95' | 'p99' | 'cpuUsPerUpdate';
const RATIO_METRICS: Metric[] = ['p50', 'p95', 'p99', 'cpuUsPerUpdate'];

export interface Summary {
  clients: number;
  pairs: number;
  ours: Record<keyof RunRecord, number>;
  stock: Record<keyof RunRecord, number>;
  /** Median over rounds of ours/stock within the same round. */
  ratio: Record<Metric, number>;
}

const medianOf = (runs: RunRecord[], key: keyof RunRecord) => median(runs.map((r) => Number(r[key])));

export function summarize(records: RunRecord[]): Summary[] {
  const counts = [...new Set(records.map((r) => r.clients))];
  return counts.map((clients) => {
    const at = records.filter((r) => r.clients === clients);
    const ours = at.filter((r) => r.kind === 'ours');
    const stock = at.filter((r) => r.kind === 'stock');
    const pairs = ours.flatMap((o) => {
      const s = stock.find((r) => r.round === o.round);
      return s ? [{ o, s }] : [];
    });
    const ratio = Object.fromEntries(
      RATIO_METRICS.map((m) => [m, median(pairs.map(({ o, s }) => o[m] / s[m]))]),
    ) as Record<Metric, number>;
    const medians = (runs: RunRecord[]) =>
      Object.fromEntries(
        (Object.keys(runs[0] ?? {}) as Array<keyof RunRecord>).map((k) => [k, medianOf(runs, k)]),
      ) as Record<keyof RunRecord, number>;
    return { clients, pairs: pairs.length, ours: medians(ours), stock: medians(stock), ratio };
  });
}

/** With a `before` build in the rounds: each build's ratios to stock (median over rounds), side by side. */
export function beforeTable(records: RunRecord[]): string {
  const lines = [
    '| N | p50 ratio before → now | p95 ratio before → now | p99 ratio before → now | CPU µs/update before → now (ratio) | rounds |',
    '|---:|---:|---:|---:|---:|---:|',
  ];
  for (const clients of [...new Set(records.map((r) => r.clients))]) {
    const at = records.filter((r) => r.clients === clients);
    const rounds = [...new Set(at.map((r) => r.round))].flatMap((round) => {
      const of = (kind: RunRecord['kind']) => at.find((r) => r.round === round && r.kind === kind);
      const [ours, stock, before] = [of('ours'), of('stock'), of('before')];
      return ours && stock && before ? [{ ours, stock, before }] : [];
    });
    const ratio = (kind: 'ours' | 'before', m: Metric) => median(rounds.map((r) => r[kind][m] / r.stock[m]));
    const pair = (m: Metric) => `${times(ratio('before', m))} → ${times(ratio('ours', m))}`;
    const cpu = (kind: 'ours' | 'before') => median(rounds.map((r) => r[kind].cpuUsPerUpdate));
    lines.push(
      `| ${clients} | ${pair('p50')} | ${pair('p95')} | ${pair('p99')} ` +
        `| ${fmt(cpu('before'), 0)} → ${fmt(cpu('ours'), 0)} (${pair('cpuUsPerUpdate')}) | ${rounds.length} |`,
    );
  }
  return lines.join('\n');
}

const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
const times = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '—');

export function mainTable(summaries: Summary[]): string {
  const lines = [
    '| N | p50 ms ours / stock | p50 ratio | p95 ms ours / stock | p95 ratio | p99 ms ours / stock | p99 ratio | CPU µs/update ours / stock | CPU ratio | RSS MB ours / stock | target (p50, p99 ≤ 1.25×) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|',
  ];
  for (const s of summaries) {
    const meets = (m: 'p50' | 'p99') => (s.ratio[m] <= TARGET_RATIO ? `${m} ok` : `${m} MISSED`);
    lines.push(
      `| ${s.clients} | ${fmt(s.ours.p50, 2)} / ${fmt(s.stock.p50, 2)} | ${times(s.ratio.p50)} ` +
        `| ${fmt(s.ours.p95, 2)} / ${fmt(s.stock.p95, 2)} | ${times(s.ratio.p95)} ` +
        `| ${fmt(s.ours.p99, 2)} / ${fmt(s.stock.p99, 2)} | ${times(s.ratio.p99)} ` +
        `| ${fmt(s.ours.cpuUsPerUpdate, 0)} / ${fmt(s.stock.cpuUsPerUpdate, 0)} | ${times(s.ratio.cpuUsPerUpdate)} ` +
        `| ${fmt(s.ours.rssMb, 0)} / ${fmt(s.stock.rssMb, 0)} | ${meets('p50')}, ${meets('p99')} |`,
    );
  }
  return lines.join('\n');
}

export function contextTable(summaries: Summary[]): string {
  const lines = [
    '| N | awareness p50 ms ours / stock | awareness p99 ms ours / stock | server CPU % of a core ours / stock | delivered % ours / stock | offered load % ours / stock | generator CPU % (ours / stock runs) | server loop delay p99 / max ms ours | stock | generator loop delay p99 ms | other tenants CPU % | msgs/s to clients ours / stock | disconnects ours / stock |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const s of summaries) {
    lines.push(
      `| ${s.clients} | ${fmt(s.ours.awarenessP50, 2)} / ${fmt(s.stock.awarenessP50, 2)} ` +
        `| ${fmt(s.ours.awarenessP99, 2)} / ${fmt(s.stock.awarenessP99, 2)} ` +
        `| ${fmt(s.ours.cpuPercent)} / ${fmt(s.stock.cpuPercent)} ` +
        `| ${fmt(s.ours.deliveredPercent, 2)} / ${fmt(s.stock.deliveredPercent, 2)} ` +
        `| ${fmt(s.ours.offeredPercent, 0)} / ${fmt(s.stock.offeredPercent, 0)} ` +
        `| ${fmt(s.ours.generatorCpuPercent, 0)} / ${fmt(s.stock.generatorCpuPercent, 0)} ` +
        `| ${fmt(s.ours.serverLoopP99Ms)} / ${fmt(s.ours.serverLoopMaxMs)} ` +
        `| ${fmt(s.stock.serverLoopP99Ms)} / ${fmt(s.stock.serverLoopMaxMs)} ` +
        `| ${fmt(s.ours.generatorLoopDelayP99Ms)} / ${fmt(s.stock.generatorLoopDelayP99Ms)} ` +
        `| ${fmt(s.ours.otherCpuPercent, 0)} / ${fmt(s.stock.otherCpuPercent, 0)} ` +
        `| ${fmt(s.ours.receivedMessagesPerSecond, 0)} / ${fmt(s.stock.receivedMessagesPerSecond, 0)} ` +
        `| ${fmt(s.ours.disconnects, 0)} / ${fmt(s.stock.disconnects, 0)} |`,
    );
  }
  return lines.join('\n');
}

export function runsTable(records: RunRecord[]): string {
  const lines = [
    '| N | round | server | p50 ms | p95 ms | p99 ms | CPU µs/update | CPU % | main thread % of CPU | RSS MB | updates sent (% of scheduled) | delivered % | server loop p99 / max ms | gen. loop p99 ms | others CPU % |',
    '|---:|---:|:---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of records) {
    lines.push(
      `| ${r.clients} | ${r.round + 1} | ${r.kind} | ${fmt(r.p50, 2)} | ${fmt(r.p95, 2)} | ${fmt(r.p99, 2)} ` +
        `| ${fmt(r.cpuUsPerUpdate, 0)} | ${fmt(r.cpuPercent)} | ${fmt(r.mainThreadCpuPercent, 0)} | ${fmt(r.rssMb, 0)} | ${r.updatesSent} (${fmt(r.offeredPercent, 0)}%) ` +
        `| ${fmt(r.deliveredPercent, 2)} | ${fmt(r.serverLoopP99Ms)} / ${fmt(r.serverLoopMaxMs)} ` +
        `| ${fmt(r.generatorLoopDelayP99Ms)} | ${fmt(r.otherCpuPercent, 0)} |`,
    );
  }
  return lines.join('\n');
}

export const runLine = (r: RunRecord) =>
  `N=${r.clients} round ${r.round + 1} ${r.kind.padEnd(6)}  p50 ${fmt(r.p50, 2)}  p95 ${fmt(r.p95, 2)}  ` +
  `p99 ${fmt(r.p99, 2)} ms  CPU ${fmt(r.cpuUsPerUpdate, 0)} µs/update (${fmt(r.cpuPercent)}%, main thread ${fmt(r.mainThreadCpuPercent, 0)}%)  ` +
  `RSS ${fmt(r.rssMb, 0)} MB  sent ${fmt(r.offeredPercent, 0)}% of scheduled  delivered ${fmt(r.deliveredPercent, 2)}%  ` +
  `server loop p99 ${fmt(r.serverLoopP99Ms)} max ${fmt(r.serverLoopMaxMs)} ms  gen. loop p99 ${fmt(r.generatorLoopDelayP99Ms)} ms  others ${fmt(r.otherCpuPercent, 0)}%  ` +
  `in ${fmt(r.receivedMessagesPerSecond, 0)} msg/s ${fmt(r.receivedKbPerSecond, 0)} KB/s` +
  (r.disconnects > 0 ? `  DISCONNECTS ${r.disconnects}` : '');
