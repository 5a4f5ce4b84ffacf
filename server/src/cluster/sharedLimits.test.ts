import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { expect, it } from 'vitest';
import { spawnServer } from '../test/childServer.js';
import { describeRedis, TEST_REDIS_URL } from '../test/redis.js';
import { onCleanup } from '../test/testServer.js';
import type { Admission } from './sharedLimits.js';
import { JOIN_FAILURES_PER_WINDOW, SharedLimits } from './sharedLimits.js';

/** Two processes' view of the limits: two clients on one Redis. */
async function twoProcesses(url: string, classesPerHour = 60) {
  const a = await SharedLimits.open(url, classesPerHour);
  const b = await SharedLimits.open(url, classesPerHour);
  onCleanup(() => Promise.all([a.close(), b.close()]));
  return [a, b] as const;
}

const someAddress = () =>
  `2001:db8::${randomBytes(4)
    .toString('hex')
    .replace(/(....)(....)/, '$1:$2')}`;

describeRedis('per-address limits shared through Redis', () => {
  it('counts wrong join codes from one address across processes, and no other address', async () => {
    const [a, b] = await twoProcesses(TEST_REDIS_URL as string);
    const address = someAddress();
    for (let i = 0; i < JOIN_FAILURES_PER_WINDOW; i++) {
      expect(await (i % 2 ? a : b).admitJoin(address)).toBe('ok');
      await (i % 2 ? a : b).noteJoinFailure(address);
    }
    expect(await a.admitJoin(address)).toBe('limited');
    expect(await b.admitJoin(address)).toBe('limited');
    expect(await b.admitJoin(someAddress())).toBe('ok');
  });

  it('bounds classes created by one address per hour across processes', async () => {
    const [a, b] = await twoProcesses(TEST_REDIS_URL as string, 3);
    const address = someAddress();
    await a.noteClassCreated(address);
    await b.noteClassCreated(address);
    expect(await a.admitClassCreation(address)).toBe('ok');
    await a.noteClassCreated(address);
    expect(await b.admitClassCreation(address)).toBe('limited');
  });
});

it('stops at start-up with a message naming REDIS_URL when Redis is unreachable', async () => {
  await expect(SharedLimits.open('redis://127.0.0.1:1', 60)).rejects.toThrow(
    /cannot reach Redis at REDIS_URL \(redis:\/\/127\.0\.0\.1:1\)/,
  );
  // Redis is checked first, so the server stops on it whatever PostgreSQL's state.
  await expect(
    spawnServer({
      STORAGE: 'postgres',
      DATABASE_URL: 'postgres://conjecture@127.0.0.1:1/conjecture',
      CLUSTER: 'true',
      REDIS_URL: 'redis://127.0.0.1:1',
    }),
  ).rejects.toThrow(/Conjecture could not start: cannot reach Redis at REDIS_URL/);
});

const HAS_REDIS_SERVER = fs.existsSync('/usr/bin/redis-server');

it.skipIf(!HAS_REDIS_SERVER)(
  'refuses (never admits unlimited) while Redis is gone, and admits again once it is back',
  { timeout: 60_000 },
  async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    onCleanup(() => void redis.kill('SIGKILL'));
    const [limits] = await twoProcesses(`redis://127.0.0.1:${port}`);
    const address = someAddress();
    expect(await limits.admitJoin(address)).toBe('ok');

    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
    await until(() => limits.admitJoin(address), 'unavailable');
    expect(await limits.admitClassCreation(address)).toBe('unavailable');

    redis = await startRedis(port);
    await until(() => limits.admitJoin(address), 'ok');
  },
);

/** Asks until the answer is `wanted` (the client notices a lost or returned Redis on its own time). */
async function until(check: () => Promise<Admission>, wanted: Admission): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await check()) !== wanted) {
    if (Date.now() > deadline) throw new Error(`Redis never answered ${wanted}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', ''],
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

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}
