import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnListening, type ListeningProcess } from './spawnListening.js';

/**
 * A Conjecture cluster for tests and benchmarks: N built servers (`server/dist/main.js`, CLUSTER=true) on
 * one PostgreSQL, behind HAProxy configured by the repository's `deploy/haproxy.cfg` (rendered with the
 * real ports). The API is stable — `pnpm bench:scale` calls it:
 *
 *   const cluster = await startCluster({ processes: 3, databaseUrl, redisUrl });
 *   cluster.url;                      // HAProxy's address: what browsers and simulated students use
 *   await cluster.members[0].shards(); // the shards it holds now (its own /healthz)
 *   cluster.members[0].kill();        // SIGKILL; resolves once the process is gone (failover begins)
 *   cluster.members[0].restart();     // the same PROCESS_ID and port, so HAProxy takes it back
 *   await cluster.stop();             // every process and HAProxy, whatever state they are in
 *
 * `databaseUrl` is a libpq URL whose schema (`?options=-c search_path=…`) the cluster may create shard
 * schemas beside; `redisUrl` is passed on as REDIS_URL when given. HAProxy (Debian's `haproxy`) must be
 * installed: scripts/test-all.sh installs it.
 */
export interface ClusterOptions {
  processes: number;
  databaseUrl: string;
  redisUrl?: string;
  /** More environment for every process (e.g. LOG_LEVEL, GROUP_COMMIT). */
  env?: Record<string, string>;
  /** Node flags for every process, e.g. `--import <cpu monitor>`. */
  nodeArgs?: string[];
  onStderr?: (processId: string, chunk: string) => void;
}

export interface ClusterMember {
  processId: string;
  /** The process's own address (not through HAProxy). */
  url: string;
  /** The running process's pid; changes on restart. */
  readonly pid: number;
  readonly running: boolean;
  /** The shards this member holds now, by its own `/healthz` (none once it is stopped). */
  shards(): Promise<number[]>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  restart(): Promise<void>;
}

export interface RunningCluster {
  url: string;
  members: ClusterMember[];
  stop(): Promise<void>;
}

const HAPROXY = '/usr/sbin/haproxy';
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = path.join(REPO, 'server/dist/main.js');
const HAPROXY_CFG = path.join(REPO, 'deploy/haproxy.cfg');
const READY_TIMEOUT_MS = 30_000;

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  if (!fs.existsSync(HAPROXY)) throw new Error(`${HAPROXY} is missing: apt-get install haproxy`);
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`pnpm exec tsc -b\` first`);
  const ports = await freePorts(options.processes + 1);
  const frontPort = ports.pop() as number;
  const members = await startMembers(options, ports);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-cluster-'));
  let haproxy: ChildProcess | undefined;
  const stop = async () => {
    if (haproxy) await stopProcess(haproxy);
    await Promise.all(members.map((m) => m.kill('SIGTERM')));
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${frontPort}`;
  let haproxyErr = '';
  try {
    const cfg = path.join(dir, 'haproxy.cfg');
    fs.writeFileSync(cfg, renderHaproxyConfig(fs.readFileSync(HAPROXY_CFG, 'utf8'), frontPort, ports));
    const check = spawnSync(HAPROXY, ['-c', '-q', '-f', cfg], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`haproxy refused its configuration:\n${check.stderr}`);
    haproxy = spawn(HAPROXY, ['-db', '-f', cfg], { stdio: ['ignore', 'ignore', 'pipe'] });
    haproxy.stderr?.on('data', (c: Buffer) => (haproxyErr = (haproxyErr + c.toString()).slice(-5000)));
    await untilHealthy(url, () => haproxyErr);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, members, stop };
}

/** Every member, or none: if one fails to start, those that did are stopped before the error is thrown. */
async function startMembers(options: ClusterOptions, ports: number[]): Promise<ClusterMember[]> {
  const started = await Promise.allSettled(ports.map((port, i) => startMember(options, `web${i + 1}`, port)));
  const members = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (!failed) return members;
  await Promise.all(members.map((m) => m.kill('SIGTERM')));
  throw failed.reason;
}

/** The shipped configuration with this run's ports: the `bind` line and one `server` line per process. */
export function renderHaproxyConfig(template: string, frontPort: number, ports: number[]): string {
  const servers = ports.map((p, i) => `  server web${i + 1} 127.0.0.1:${p} check`).join('\n');
  let placed = false;
  return template
    .replace(/^\s*bind .*$/m, `  bind 127.0.0.1:${frontPort}`)
    .split('\n')
    .flatMap((line) => {
      if (!/^\s*server /.test(line)) return [line];
      if (placed) return [];
      placed = true;
      return [servers];
    })
    .join('\n');
}

async function startMember(options: ClusterOptions, processId: string, port: number): Promise<ClusterMember> {
  const env = {
    STORAGE: 'postgres',
    DATABASE_URL: options.databaseUrl,
    CLUSTER: 'true',
    PROCESS_ID: processId,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    // HAProxy is the one proxy in front: the client's address is in its X-Forwarded-For.
    TRUST_PROXY: '1',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };
  const spawnOne = () =>
    spawnListening(MAIN, {
      env,
      ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
      ...(options.onStderr ? { onStderr: (c: string) => options.onStderr?.(processId, c) } : {}),
    });
  let current: ListeningProcess = await spawnOne();
  const running = () => current.process.exitCode === null && current.process.signalCode === null;
  return {
    processId,
    url: `http://127.0.0.1:${port}`,
    get pid() {
      return current.process.pid ?? -1;
    },
    get running() {
      return running();
    },
    shards: async () => {
      if (!running()) return [];
      const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { shards: number[] };
      return health.shards;
    },
    kill: async (signal = 'SIGKILL') => {
      if (!running()) return;
      if (signal === 'SIGTERM') return current.stop();
      current.process.kill(signal);
      await current.exited;
    },
    restart: async () => {
      if (running()) await current.stop();
      current = await spawnOne();
    },
  };
}

async function untilHealthy(url: string, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`HAProxy did not answer at ${url}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Ports free now (taken and released at once), so a restarted process can have its port again. */
async function freePorts(count: number): Promise<number[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<number>((resolve, reject) => {
          const s = net.createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => {
            const { port } = s.address() as net.AddressInfo;
            s.close(() => resolve(port));
          });
        }),
    ),
  );
}
