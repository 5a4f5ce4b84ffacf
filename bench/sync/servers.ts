import { execFileSync } from 'node:child_process';
import { spawnListening } from '@conjecture/server/testkit/spawnListening';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `before`: another build of our server (`--before`), run beside the current one to measure a change. */
export const SERVER_KINDS = ['ours', 'stock', 'before'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

const OUR_MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
const OUR_SOURCES = fileURLToPath(new URL('../../server/src', import.meta.url));
const OUR_DIST = path.dirname(OUR_MAIN);
const STOCK_MAIN = fileURLToPath(new URL('./stockServer.mjs', import.meta.url));
const LOOP_MONITOR = fileURLToPath(new URL('./loopMonitor.mjs', import.meta.url));
const LISTEN_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

export interface LoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface BenchServer {
  kind: ServerKind;
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** The server's event-loop delay since the previous call (the first call only starts the count). */
  loopDelay(): Promise<LoopDelay | null>;
  /** Stops the process (SIGTERM, then SIGKILL) and removes its data directory. */
  stop(): Promise<void>;
}

/** Every child still running, so an error or Ctrl-C never leaves a server behind. */
const running = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Fails early if the built server is missing, and warns if a source file is newer than its build output. */
export function checkOurBuild(): void {
  if (!fs.existsSync(OUR_MAIN)) {
    throw new Error(`${OUR_MAIN} is missing: build it first with \`pnpm exec tsc -b\` at the repo root`);
  }
  const sources = (fs.readdirSync(OUR_SOURCES, { recursive: true }) as string[]).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  const stale = sources.filter((f) => {
    const built = path.join(OUR_DIST, f.replace(/\.ts$/, '.js'));
    return (
      !fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(path.join(OUR_SOURCES, f)).mtimeMs
    );
  });
  if (stale.length > 0) {
    process.stderr.write(
      `warning: server/dist is older than ${stale.slice(0, 3).join(', ')}: run \`pnpm exec tsc -b\` first\n`,
    );
  }
}

export interface SpawnOptions {
  /** Extra node flags for our server, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** Our server's storage: `sqlite` (the default, every update appended) or `memory` (diagnostics). */
  storage?: 'sqlite' | 'memory';
  /** Where our server finds the built client (the browser bench serves it); none by default. */
  clientDist?: string;
  /** For kind `before`: the built `main.js` of the other build. */
  beforeMain?: string;
}

export async function spawnServer(kind: ServerKind, options: SpawnOptions = {}): Promise<BenchServer> {
  const monitorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-bench-loop-'));
  tempDirs.add(monitorDir);
  const loopFile = path.join(monitorDir, 'loop.json');
  const env: Record<string, string | undefined> = {
    ...process.env,
    YPERSISTENCE: undefined,
    BENCH_LOOP_FILE: loopFile,
  };
  let dataDir: string | undefined;
  let script = STOCK_MAIN;
  if (kind !== 'stock') {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-bench-'));
    tempDirs.add(dataDir);
    if (kind === 'before' && !options.beforeMain) throw new Error('a `before` server needs beforeMain');
    script = kind === 'before' ? (options.beforeMain as string) : OUR_MAIN;
    Object.assign(env, {
      STORAGE: options.storage ?? 'sqlite',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      CLIENT_DIST: options.clientDist ?? '/nonexistent',
      // The browser bench fills boards of up to 5,000 shapes as their student, far past a student's budget.
      MAX_RECORDS_CREATED: '10000000',
      // Every simulated client connects from this one address, each under its own `?user=`.
      MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS: '100000',
      // …and every board of the run is made from it.
      MAX_BOARDS_PER_HOUR: '1000000',
    });
  }
  const server = await spawnListening(script, {
    env,
    nodeArgs: [...(options.nodeFlags ?? []), '--import', LOOP_MONITOR],
    startTimeoutMs: LISTEN_TIMEOUT_MS,
  });
  const child = server.process;
  running.add(child);
  void server.exited.then(() => running.delete(child));
  if (child.pid === undefined) throw new Error(`${kind} server has no pid`);

  const stop = async () => {
    await server.stop(STOP_TIMEOUT_MS);
    const stderr = server.stderrTail();
    if (stderr.trim()) process.stderr.write(`[${kind} server stderr]\n${stderr.trim()}\n`);
    for (const dir of [dataDir, monitorDir]) {
      if (!dir) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      tempDirs.delete(dir);
    }
  };
  const pid = child.pid;
  const loopDelay = async (): Promise<LoopDelay | null> => {
    fs.rmSync(loopFile, { force: true });
    process.kill(pid, 'SIGUSR2');
    for (let i = 0; i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      try {
        return JSON.parse(fs.readFileSync(loopFile, 'utf8')) as LoopDelay;
      } catch {
        // not written yet (or half-written): try again shortly
      }
    }
    return null;
  };
  return { kind, url: server.url, pid, loopDelay, stop };
}

let clockTicksPerSecond: number | undefined;
function ticksPerSecond(): number {
  if (clockTicksPerSecond === undefined) {
    try {
      clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicksPerSecond = 100;
    }
  }
  return clockTicksPerSecond;
}

/**
 * User + system CPU time of a process (all its threads) in milliseconds, from /proc/<pid>/stat; with
 * `mainThread`, only its main thread's (the rest is V8's helpers — GC, the optimizing compiler — and libuv's).
 */
export function cpuTimeMs(pid: number, options: { mainThread?: boolean } = {}): number {
  const stat = fs.readFileSync(
    options.mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`,
    'utf8',
  );
  // The command name (field 2) may contain spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / ticksPerSecond();
}

/** Resident set size of a process in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb === undefined ? NaN : Number(kb) / 1024;
}

/** Boards must exist on our server before anyone connects; the stock server makes rooms on demand. */
export async function createBoards(kind: ServerKind, url: string, count: number): Promise<string[]> {
  if (kind === 'stock') return Array.from({ length: count }, (_, i) => `bench-room-${i}`);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `bench room ${i}` }),
    });
    if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}: ${await res.text()}`);
    ids.push(((await res.json()) as { boardId: string }).boardId);
  }
  return ids;
}

/** CPU time all cores spent busy since boot, in milliseconds, from the first line of /proc/stat. */
export function machineBusyMs(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [user, nice, system, _idle, _iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = [user, nice, system, irq, softirq, steal].reduce<number>((a, b) => a + (b ?? 0), 0);
  return (busy * 1000) / ticksPerSecond();
}
