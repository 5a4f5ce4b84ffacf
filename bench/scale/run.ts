/**
 * pnpm bench:scale — simulated classes against one server process on SQLite (the baseline), one on
 * PostgreSQL and, once built, the cluster; a kill -9 mid-run; every figure beside the baseline's.
 * Options: options.ts (`--help`).
 */
import os from 'node:os';
import { LatencyHistogram } from './accounting.js';
import { setUpClasses, type ClassPlan } from './classes.js';
import type { RecoveryStats, WindowStats } from './messages.js';
import { parseOptions, type ScaleOptions } from './options.js';
import { classSizes as classSizesOf } from './plan.js';
import { cpuTimeMs, rssMb, treeCpuMeter } from './procStats.js';
import { reportTables, summaryLine, type RunResult } from './report.js';
import { startPostgres, startRedis, type Postgres, type Redis } from './services.js';
import {
  cluster,
  clusterAvailable,
  killServers,
  singleProcess,
  TOPOLOGY_NAMES,
  type Topology,
  type TopologyKind,
} from './topology.js';
import { WorkerPool } from './workerPool.js';
import { checkOurBuild } from '../sync/servers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const wallClockMs = () => performance.timeOrigin + performance.now();
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

interface Services {
  postgres: Postgres | null;
  redis: Redis | null;
}

async function startTopology(kind: TopologyKind, services: Services, tag: string): Promise<Topology> {
  if (kind === 'cluster') {
    if (!services.postgres || !services.redis) throw new Error('the cluster needs PostgreSQL and Redis');
    return cluster(services.postgres, services.redis, tag);
  }
  return singleProcess(kind, services.postgres, tag);
}

/** Classes go to workers whole, round-robin, so each worker has about the same number of students. */
const classesOf = (classes: ClassPlan[], worker: number, workers: number) =>
  classes.filter((_, i) => i % workers === worker);

/** The load balancer's routing parameters for every board (none for one process). */
const routingOf = (topology: Topology, classes: ClassPlan[]) =>
  Object.fromEntries(
    classes.flatMap((c) => c.groups.map((g) => [g.boardId, topology.routingParams(g.boardId)] as const)),
  );

/** CPU of the servers and the services over a window: per-pid counters read at its start and end. */
function cpuMeter(topology: Topology) {
  const servers = topology.serverPids().map((pid) => ({ pid, startMs: cpuTimeMs(pid) }));
  const services = topology.servicePids().map(treeCpuMeter);
  const started = performance.now();
  return () => {
    const windowMs = performance.now() - started;
    return {
      serverCpu: servers.map((s) => ((cpuTimeMs(s.pid) - s.startMs) / windowMs) * 100),
      serverRssMb: servers.map((s) => rssMb(s.pid)),
      serviceCpu: services.reduce((total, usedMs) => total + (usedMs() / windowMs) * 100, 0),
    };
  };
}

async function runOne(kind: TopologyKind, students: number, options: ScaleOptions, services: Services) {
  const tag = `${kind}_${students}_${Date.now()}`;
  log(`${TOPOLOGY_NAMES[kind]}, ${students} students: starting`);
  const topology = await startTopology(kind, services, tag);
  const pool = new WorkerPool(options.workers);
  try {
    const classSizes = classSizesOf(students);
    const classes = await setUpClasses(topology.url, classSizes);
    const boards = classes.reduce((n, c) => n + c.groups.length, 0);
    log(`  ${classes.length} classes, ${boards} boards set up through the API; connecting`);
    await pool.all((w) => ({
      type: 'connect',
      settings: {
        url: topology.url,
        routing: routingOf(topology, classes),
        classes: classesOf(classes, w, options.workers),
        updatesPerSecond: options.updatesPerSecond,
        awarenessPerSecond: options.awarenessPerSecond,
        seed: students * 31 + w,
      },
    }));
    await pool.all({ type: 'startLoad' });
    log(`  connected; ${options.warmupMs / 1000} s warm-up, ${options.measureMs / 1000} s measured`);
    await sleep(options.warmupMs);
    await pool.all({ type: 'openWindow' });
    const generatorStart = pool.pids().map((pid) => cpuTimeMs(pid));
    const servers = cpuMeter(topology);
    await sleep(options.measureMs);
    const serverFigures = servers();
    const generatorCpuMs = pool.pids().map((pid, i) => cpuTimeMs(pid) - (generatorStart[i] ?? 0));
    const loadAverage = os.loadavg()[0] ?? NaN;
    const windows = await pool.all({ type: 'closeWindow' });

    log('  failover: kill -9');
    await pool.all({ type: 'arm' });
    const killedAt = wallClockMs();
    const { restartedAfterMs } = await topology.failover();
    const recoveries = await pool.all({ type: 'collectRecovery' });
    log(`  clients back; ${options.afterMs / 1000} s more load, then the final check`);
    await sleep(options.afterMs);
    await pool.all({ type: 'stopLoad' });
    const finals = await pool.all({ type: 'finalCheck' });
    return result(kind, students, classes, boards, windows, recoveries, {
      ...serverFigures,
      generatorCpu: generatorCpuMs.map((ms, i) => (ms / (windows[i]?.windowMs ?? NaN)) * 100),
      loadAverage,
      killedAt,
      restartedAfterMs,
      lostAtEnd: finals.reduce((n, f) => n + f.lost, 0),
      diverged: finals.reduce((n, f) => n + f.diverged, 0),
      unreadAtEnd: finals.reduce((n, f) => n + f.unread, 0),
      unreadReason:
        recoveries.find((r) => r.unreadReason)?.unreadReason ??
        finals.find((f) => f.unreadReason)?.unreadReason ??
        null,
      options,
    });
  } finally {
    pool.stop();
    await topology.stop();
  }
}

function result(
  kind: TopologyKind,
  students: number,
  classes: ClassPlan[],
  boards: number,
  windows: WindowStats[],
  recoveries: RecoveryStats[],
  extra: Pick<
    RunResult,
    'serverCpu' | 'serverRssMb' | 'serviceCpu' | 'generatorCpu' | 'loadAverage' | 'lostAtEnd' | 'diverged'
  > & {
    killedAt: number;
    restartedAfterMs: number | null;
    unreadAtEnd: number;
    unreadReason: string | null;
    options: ScaleOptions;
  },
): RunResult {
  const merged = (pick: (w: WindowStats) => WindowStats['groupmate']) =>
    windows.reduce((h, w) => h.merge(LatencyHistogram.from(pick(w))), new LatencyHistogram());
  const groupmate = merged((w) => w.groupmate);
  const teacher = merged((w) => w.teacher);
  const windowS = Math.max(...windows.map((w) => w.windowMs)) / 1000;
  const sent = windows.reduce((n, w) => n + w.sent, 0);
  const received = windows.reduce((n, w) => n + w.received, 0);
  const expected = windows.reduce((n, w) => n + w.expected, 0);
  const sinceKill = (pick: (r: RecoveryStats) => number | null) => {
    const times = recoveries.map(pick).filter((t): t is number => t !== null);
    return times.length === 0 ? null : Math.max(...times) - extra.killedAt;
  };
  const byKind = {
    students: sinceKill((r) => r.syncedAt.students),
    watchers: sinceKill((r) => r.syncedAt.watchers),
    sockets: sinceKill((r) => r.syncedAt.sockets),
  };
  const known = Object.values(byKind).filter((ms): ms is number => ms !== null);
  return {
    topology: kind,
    name: TOPOLOGY_NAMES[kind],
    students,
    classes: classes.length,
    boards,
    groupmate: { p50: groupmate.percentile(50), p99: groupmate.percentile(99) },
    teacher: { p50: teacher.percentile(50), p99: teacher.percentile(99) },
    sentPerSecond: sent / windowS,
    deliveredPerSecond: received / windowS,
    deliveredPercent: (received / expected) * 100,
    offeredPercent: (sent / (students * extra.options.updatesPerSecond * windowS)) * 100,
    serverCpu: extra.serverCpu,
    serverRssMb: extra.serverRssMb,
    serviceCpu: extra.serviceCpu,
    generatorCpu: extra.generatorCpu,
    generatorLoopP99Ms: Math.max(...windows.map((w) => w.loopDelayP99Ms)),
    restartMs: extra.restartedAfterMs,
    reconnectMs: known.length > 0 ? Math.max(...known) : null,
    reconnectByKindMs: byKind,
    witnessMs: sinceKill((r) => r.witnessedAt),
    affectedClients: recoveries.reduce((n, r) => n + r.clients, 0),
    unrecovered: recoveries.reduce((n, r) => n + r.unrecovered, 0),
    lostAtFailover: recoveries.reduce((n, r) => n + r.lost, 0),
    lostAtEnd: extra.lostAtEnd,
    diverged: extra.diverged,
    unread: {
      failover: recoveries.reduce((n, r) => n + r.unread, 0),
      end: extra.unreadAtEnd,
      reason: extra.unreadReason,
    },
    loadAverage: extra.loadAverage,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) return;
  checkOurBuild();
  let topologies = options.topologies;
  if (topologies.includes('cluster') && !clusterAvailable()) {
    log('cluster: server/dist/testkit/cluster.js is not built (branch scale-cluster): skipped');
    topologies = topologies.filter((t) => t !== 'cluster');
  }
  const services: Services = { postgres: null, redis: null };
  const stopServices = () => {
    services.postgres?.stop();
    services.redis?.stop();
  };
  process.on('exit', () => {
    killServers();
    stopServices();
  });
  try {
    if (topologies.some((t) => t !== 'sqlite')) services.postgres = await startPostgres();
    if (topologies.includes('cluster')) services.redis = await startRedis();
    const results: RunResult[] = [];
    const failures: string[] = [];
    for (const students of options.students) {
      for (const kind of topologies) {
        try {
          const result = await runOne(kind, students, options, services);
          results.push(result);
          log(`  ${summaryLine(result)}`);
        } catch (err) {
          // One topology failing (the cluster is young) must not cost the others' figures.
          failures.push(
            `${TOPOLOGY_NAMES[kind]}, ${students} students: ${err instanceof Error ? err.message : String(err)}`,
          );
          log(`  failed: ${failures.at(-1)}`);
        }
      }
    }
    const cpus = os.cpus();
    process.stdout.write(
      [
        '',
        `${new Date().toISOString().slice(0, 16)}Z · ${cpus.length} × ${cpus[0]?.model ?? 'CPU'} · Node ${process.version} · ` +
          `${options.workers} generator processes on the same cores · ${options.updatesPerSecond} edits/s and ` +
          `${options.awarenessPerSecond} cursor/s per student · ${options.warmupMs / 1000} s warm-up, ` +
          `${options.measureMs / 1000} s measured · ratios against 1 process on SQLite in the same run`,
        '',
        reportTables(results),
        '',
        ...(failures.length > 0 ? ['Runs that failed:', '', ...failures.map((f) => `- ${f}`), ''] : []),
      ].join('\n'),
    );
  } finally {
    killServers();
    stopServices();
  }
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    log(`stopped by ${signal}`);
    process.exit(code);
  });
}
main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `bench:scale failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
