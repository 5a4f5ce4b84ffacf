import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { describe } from 'vitest';

/**
 * Redis for tests: `TEST_REDIS_URL` names a throwaway Redis (scripts/test-all.sh starts one with
 * scripts/redis-for-tests.sh). Without it the Redis suites are skipped, and their names say so.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL;

const SKIPPED = ' (skipped: set TEST_REDIS_URL to run against Redis)';
export const describeRedis = (name: string, body: () => void) =>
  describe.skipIf(!TEST_REDIS_URL)(TEST_REDIS_URL ? name : name + SKIPPED, body);

/** A Redis of a test's own, which it may stop and start again (on the same port) to lose Redis while running. */
export const HAS_REDIS_SERVER = fs.existsSync('/usr/bin/redis-server');

/**
 * Starts a test's own Redis. With `keepIn` (a directory), every write is logged there before it is answered
 * (`appendfsync always`), so a Redis killed and started again on it has kept its keys, as a production
 * Redis with persistence does; without it, a restarted Redis starts empty.
 */
export async function startRedis(port: number, keepIn?: string): Promise<ChildProcess> {
  const kept = keepIn ? ['--dir', keepIn, '--appendonly', 'yes', '--appendfsync', 'always'] : [];
  const child = spawn(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...kept],
    {
      stdio: 'ignore',
    },
  );
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(true)).on('error', () => resolve(false));
      s.on('connect', () => s.destroy());
    });
    if (up) return child;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stops a test's own Redis at once (SIGKILL: as a crash, nothing saved) and waits for it to be gone. */
export async function killRedis(redis: ChildProcess): Promise<void> {
  if (redis.exitCode !== null || redis.signalCode !== null) return;
  const exited = new Promise((r) => redis.once('exit', r));
  redis.kill('SIGKILL');
  await exited;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
