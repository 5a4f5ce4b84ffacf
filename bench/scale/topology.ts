import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { spawnListening, type ListeningProcess } from '@conjecture/server/testkit/spawnListening';
import { SHARD_PARAM, shardOf } from '@conjecture/shared';
import { childrenNamed } from './procStats.js';
import { freePort, type Postgres, type Redis } from './services.js';

/**
 * What the load runs against: one address (a server, or the load balancer in front of several), the server
 * processes behind it, and a failover — the one fault the benchmark injects mid-run.
 */
export interface Topology {
  name: string;
  url: string;
  /** The server processes' current pids (a restart changes them). */
  serverPids(): number[];
  /** Query parameters a client adds to reach a board through the load balancer (a cluster routes by shard). */
  routingParams(boardId: string): Record<string, string>;
  /** Services the servers lean on (PostgreSQL, Redis, the load balancer), for their CPU. */
  servicePids(): number[];
  /**
   * kill -9 one server process. One process: it is started again on the same port and data (its clients
   * have nowhere else to go). A cluster: the others take its classes over. Resolves once the fault is done.
   */
  failover(): Promise<{ restartedAfterMs: number | null }>;
  stop(): Promise<void>;
}

export const TOPOLOGY_KINDS = ['sqlite', 'postgres', 'cluster'] as const;
export type TopologyKind = (typeof TOPOLOGY_KINDS)[number];

export const TOPOLOGY_NAMES: Record<TopologyKind, string> = {
  sqlite: '1 process, SQLite',
  postgres: '1 process, PostgreSQL',
  cluster: '3 processes, HAProxy, Redis, PostgreSQL',
};

const SERVER_MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
const CLUSTER_MODULE = fileURLToPath(new URL('../../server/dist/testkit/cluster.js', import.meta.url));
const CLUSTER_PROCESSES = 3;
const START_TIMEOUT_MS = 60_000;

/** Every server child, so an error or Ctrl-C never leaves one behind. */
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
export function killServers(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** The settings every server of the benchmark gets, whatever its storage. */
const benchEnv = {
  HOST: '127.0.0.1',
  LOG_LEVEL: 'error',
  CLIENT_DIST: '/nonexistent',
  // Every class of a run is created from this one address: a district's classes come from many.
  MAX_CLASSES_PER_HOUR: '10000',
};

async function spawnServer(env: Record<string, string>): Promise<ListeningProcess> {
  const server = await spawnListening(SERVER_MAIN, {
    env: { ...benchEnv, ...env },
    startTimeoutMs: START_TIMEOUT_MS,
  });
  children.add(server.process);
  void server.exited.then(() => children.delete(server.process));
  return server;
}

/** One built server process (`node server/dist/main.js`), SQLite in a temporary directory or PostgreSQL. */
export async function singleProcess(
  kind: 'sqlite' | 'postgres',
  postgres: Postgres | null,
  tag: string,
): Promise<Topology> {
  const port = await freePort();
  const env: Record<string, string> = { PORT: String(port) };
  let dataDir: string | null = null;
  if (kind === 'sqlite') {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-scale-'));
    tempDirs.add(dataDir);
    Object.assign(env, { STORAGE: 'sqlite', DATA_DIR: dataDir });
  } else {
    if (!postgres) throw new Error('the PostgreSQL topology needs PostgreSQL');
    Object.assign(env, { STORAGE: 'postgres', DATABASE_URL: postgres.createDatabase(`single_${tag}`) });
  }
  let server = await spawnServer(env);
  return {
    name: TOPOLOGY_NAMES[kind],
    url: server.url,
    serverPids: () => [server.process.pid as number],
    routingParams: () => ({}),
    servicePids: () => (postgres ? [postgres.pid] : []),
    async failover() {
      const killed = performance.now();
      server.process.kill('SIGKILL');
      await server.exited;
      server = await spawnServer(env);
      return { restartedAfterMs: performance.now() - killed };
    },
    async stop() {
      await server.stop();
      if (dataDir) {
        fs.rmSync(dataDir, { recursive: true, force: true });
        tempDirs.delete(dataDir);
      }
    },
  };
}

/** What server/src/testkit/cluster.ts exports (imported at run time: the bench runs without it). */
interface ClusterModule {
  startCluster(options: {
    processes: number;
    databaseUrl: string;
    redisUrl?: string;
    env?: Record<string, string>;
  }): Promise<{
    url: string;
    members: Array<{
      readonly pid: number;
      shards(): Promise<number[]>;
      kill(signal?: NodeJS.Signals): Promise<void>;
    }>;
    stop(): Promise<void>;
  }>;
}

/** Whether the cluster testkit is built: the cluster topology runs only when it exists. */
export const clusterAvailable = (): boolean => fs.existsSync(CLUSTER_MODULE);

/** 3 server processes behind HAProxy, sharing PostgreSQL and Redis; the failover kills one for good. */
export async function cluster(postgres: Postgres, redis: Redis, tag: string): Promise<Topology> {
  const { startCluster } = (await import(pathToFileURL(CLUSTER_MODULE).href)) as ClusterModule;
  // startCluster stops the members it started if another fails to start.
  const running = await startCluster({
    processes: CLUSTER_PROCESSES,
    databaseUrl: postgres.createDatabase(`cluster_${tag}`),
    redisUrl: redis.url,
    env: { MAX_CLASSES_PER_HOUR: benchEnv.MAX_CLASSES_PER_HOUR },
  });
  // startCluster spawns HAProxy from this process: its child named haproxy is the load balancer.
  const balancer = childrenNamed(process.pid, 'haproxy');
  const members = running.members;
  if (members.length === 0) throw new Error('startCluster returned no members');
  let alive = members;
  return {
    name: TOPOLOGY_NAMES.cluster,
    url: running.url,
    serverPids: () => alive.map((m) => m.pid),
    // The load balancer routes by shard (consistent hashing on ?shard=), as the web client sends it.
    routingParams: (boardId) => ({ [SHARD_PARAM]: String(shardOf(boardId)) }),
    servicePids: () => [postgres.pid, redis.pid, ...balancer],
    async failover() {
      // The member holding the most shards (classes) at the moment of the kill: killing an idle one shows nothing.
      const held = await Promise.all(members.map(async (m) => ({ m, shards: (await m.shards()).length })));
      const victim = held.reduce((a, b) => (b.shards > a.shards ? b : a)).m;
      await victim.kill();
      alive = members.filter((m) => m !== victim);
      return { restartedAfterMs: null };
    },
    stop: () => running.stop(),
  };
}
