import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The one spawner of a built server, for server tests, e2e and benchmarks: runs a Node script (ours,
 * `server/dist/main.js`, or a stock server beside it) that prints `listening on <url>`, and resolves with
 * that URL. Every caller gets the same start and stop: a hang guard on start (a busy machine has taken 15 s),
 * and SIGTERM then SIGKILL on stop, so a test never leaves a server behind.
 */
export interface SpawnOptions {
  env?: Record<string, string | undefined>;
  /** Node flags before the script, e.g. `--import <monitor>` or `--cpu-prof`. */
  nodeArgs?: string[];
  cwd?: string;
  /** How long to wait for the listening line. */
  startTimeoutMs?: number;
  /** Each chunk the server writes on stderr (its JSON log lines), e.g. to show them while debugging. */
  onStderr?: (chunk: string) => void;
}

export interface ListeningProcess {
  url: string;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The last 10 kB the server wrote on stderr. */
  stderrTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 90_000;
const STDERR_TAIL = 10_000;

export async function spawnListening(script: string, options: SpawnOptions = {}): Promise<ListeningProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL);
    options.onStderr?.(chunk.toString());
  });
  const stop = async (graceMs = 5_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
    }
  };
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      void stop(0);
      reject(new Error(`${script} did not listen within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (stdout.length < STDERR_TAIL) stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before listening:\n${stderr}`));
    });
  });
  return { url, process: child, exited, stderrTail: () => stderr, stop };
}
