import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { expect, it } from 'vitest';
import { spawnServer } from '../test/childServer.js';
import { RecordingClock } from '../test/recordingClock.js';
import {
  describeRedis,
  freePort,
  HAS_REDIS_SERVER,
  killRedis,
  startRedis,
  TEST_REDIS_URL,
} from '../test/redis.js';
import { onCleanup } from '../test/testServer.js';
import type { Admission, HourlyLimits, Place, SharedLimitsOptions } from './sharedLimits.js';
import { JOIN_FAILURES_PER_WINDOW, SharedLimits } from './sharedLimits.js';

const LIMITS: HourlyLimits = { classesPerHour: 60, boardsPerHour: 60, uploadBytesPerHour: 1000 };

/** Two processes' view of the limits: two clients on one Redis. */
async function twoProcesses(url: string, limits: Partial<HourlyLimits> = {}, options?: SharedLimitsOptions) {
  const a = await SharedLimits.open(url, { ...LIMITS, ...limits }, options);
  const b = await SharedLimits.open(url, { ...LIMITS, ...limits }, options);
  onCleanup(() => Promise.all([a.close(), b.close()]));
  return [a, b] as const;
}

/** A plain client, to look at (or, standing in for time, drop) the keys the limits keep. */
async function inspector(url: string) {
  const redis = createClient({ url });
  redis.on('error', () => {});
  await redis.connect();
  onCleanup(() => redis.disconnect().catch(() => {}));
  return redis;
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

  it('bounds classes created by one address per hour across processes, a given-back one not counted', async () => {
    const [a, b] = await twoProcesses(TEST_REDIS_URL as string, { classesPerHour: 2 });
    const address = someAddress();
    expect(typeof (await a.takeClass(address))).toBe('object');
    const place = await b.takeClass(address);
    expect(await a.takeClass(address)).toBe('limited');
    await (place as Place).giveBack(); // its class was not made
    expect(typeof (await a.takeClass(address))).toBe('object');
    expect(await b.takeClass(address)).toBe('limited');
  });

  it("admits exactly the hour's boards of an address, all processes asking at once", async () => {
    const [a, b] = await twoProcesses(TEST_REDIS_URL as string, { boardsPerHour: 3 });
    const address = someAddress();
    const asked = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).takeBoard(address)));
    const taken = asked.filter((t) => typeof t === 'object');
    expect(taken).toHaveLength(3);
    expect(typeof (await a.takeBoard(someAddress()))).toBe('object');
    await taken[0]?.giveBack();
    expect(typeof (await b.takeBoard(address))).toBe('object');
    expect(await a.takeBoard(address)).toBe('limited');
  });

  it('bounds upload bytes per address and hour across processes, a refused upload costing nothing', async () => {
    const [a, b] = await twoProcesses(TEST_REDIS_URL as string, { uploadBytesPerHour: 1000 });
    const address = someAddress();
    expect(await a.takeUploadBytes(address, 600)).toBe('ok');
    expect(await b.takeUploadBytes(address, 600)).toBe('limited');
    expect(await b.takeUploadBytes(address, 400)).toBe('ok');
    expect(await a.takeUploadBytes(address, 1)).toBe('limited');
  });

  it('admits no more connections of one address than the cap, all processes asking at once', async () => {
    const [a, b] = await twoProcesses(TEST_REDIS_URL as string);
    const address = someAddress();
    const asked = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).connections.join(address, 5)),
    );
    const held = asked.filter((c) => typeof c === 'object');
    expect(held).toHaveLength(5);
    expect(asked.filter((c) => c === 'limited')).toHaveLength(15);
    // A closed connection frees its place for any process.
    await held[0]?.release();
    expect(typeof (await a.connections.join(address, 5))).toBe('object');
  });

  it("stops counting a dead process's connections once they are no longer refreshed", async () => {
    const ttlMs = 600;
    const [live, dying] = await twoProcesses(TEST_REDIS_URL as string, {}, { connectionTtlMs: ttlMs });
    const address = someAddress();
    expect(typeof (await live.connections.join(address, 2))).toBe('object');
    expect(typeof (await dying.connections.join(address, 2))).toBe('object');
    // Refreshed: still counted well past the TTL while its process lives.
    await throughout(async () => (await live.connections.join(address, 2)) === 'limited', ttlMs * 3);
    dying.connections.stop(); // as a SIGKILLed process: nothing released, nothing refreshed
    await eventually(async () => typeof (await live.connections.join(address, 2)) === 'object');
    expect(await live.connections.join(address, 2)).toBe('limited');
  });

  it('gives back nothing once the hour a board was taken in has ended: no count below zero, no key without expiry', async () => {
    const [a, b] = await twoProcesses(TEST_REDIS_URL as string, { boardsPerHour: 2 });
    const redis = await inspector(TEST_REDIS_URL as string);
    const address = someAddress();
    const place = (await a.takeBoard(address)) as Place;
    await redis.del(`conjecture:boards:${address}`); // its hour has ended (sooner, for Redis, than for `a`)
    await place.giveBack(); // its request made no board
    expect(await redis.exists(`conjecture:boards:${address}`)).toBe(0);
    // The next hour's budget is whole, and no more.
    expect(typeof (await b.takeBoard(address))).toBe('object');
    expect(await redis.ttl(`conjecture:boards:${address}`)).toBeGreaterThan(0);
    expect(typeof (await a.takeBoard(address))).toBe('object');
    expect(await b.takeBoard(address)).toBe('limited');
  });

  it("does not give a place back once the hour it was taken in may have ended, by the taker's clock", async () => {
    let now = Date.now();
    const [a, b] = await twoProcesses(TEST_REDIS_URL as string, { boardsPerHour: 1 }, { now: () => now });
    const address = someAddress();
    const place = (await a.takeBoard(address)) as Place;
    now += 3600_000; // for `a`, the hour has passed: a new one may have begun, whose places this is not of
    await place.giveBack();
    expect(await b.takeBoard(address)).toBe('limited');
  });

  it("counts a live process's connections again after a stall longer than their TTL", async () => {
    // Only the refresh is held: the test runs it, as the process would on resuming from the stall.
    const clock = new RecordingClock((timer) => timer.kind === 'interval');
    const [stalled, other] = await twoProcesses(TEST_REDIS_URL as string, {}, { clock });
    const redis = await inspector(TEST_REDIS_URL as string);
    const address = someAddress();
    for (let i = 0; i < 2; i++) expect(typeof (await stalled.connections.join(address, 2))).toBe('object');
    // Stalled past the TTL: its entries have expired (the set's own expiry, or another process's sweep).
    await redis.del(`conjecture:connections:${address}`);
    expect(clock.runHeld((timer) => timer.kind === 'interval')).toBeGreaterThan(0);
    await stalled.admitJoin(someAddress()); // a round trip on the same connection: the refresh is answered
    expect(await other.connections.join(address, 2)).toBe('limited');
  });

  it("stops counting a gracefully stopping process's connections at once", async () => {
    const [live, stopping] = await twoProcesses(TEST_REDIS_URL as string);
    const address = someAddress();
    for (let i = 0; i < 2; i++) expect(typeof (await stopping.connections.join(address, 2))).toBe('object');
    await stopping.close(); // its connections still open: it removes them before disconnecting
    for (let i = 0; i < 2; i++) expect(typeof (await live.connections.join(address, 2))).toBe('object');
  });
});

/** Waits for `check` to hold (Redis drops an expired entry when next asked). */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('never held');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Asserts `check` holds each time it is asked for `ms`. */
async function throughout(check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!(await check())) throw new Error('stopped holding');
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('stops at start-up with a message naming REDIS_URL when Redis is unreachable', async () => {
  await expect(SharedLimits.open('redis://127.0.0.1:1', LIMITS)).rejects.toThrow(
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

    await killRedis(redis);
    await until(() => limits.admitJoin(address), 'unavailable');
    expect(await limits.takeClass(address)).toBe('unavailable');
    expect(await limits.takeBoard(address)).toBe('unavailable');
    expect(await limits.takeUploadBytes(address, 1)).toBe('unavailable');
    expect(await limits.connections.join(address, 5)).toBe('unavailable');

    redis = await startRedis(port);
    await until(() => limits.admitJoin(address), 'ok');
  },
);

it.skipIf(!HAS_REDIS_SERVER)(
  'gives back places taken just before Redis was lost once it is reachable again, as many as may wait',
  { timeout: 60_000 },
  async () => {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-redis-kept-'));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    let redis = await startRedis(port, dir);
    onCleanup(() => killRedis(redis));
    const [a, b] = await twoProcesses(
      `redis://127.0.0.1:${port}`,
      { boardsPerHour: 3 },
      { maxWaitingGiveBacks: 2 },
    );
    const address = someAddress();
    const places = [];
    for (let i = 0; i < 3; i++) places.push((await a.takeBoard(address)) as Place);

    await killRedis(redis);
    await until(() => a.admitJoin(address), 'unavailable');
    // Their requests made no boards, and Redis is out of reach: two wait, the oldest is dropped.
    for (const place of places) await place.giveBack();
    redis = await startRedis(port, dir); // with its keys: the three boards are still counted

    // Given back by `a` once it is back, in one transaction: then exactly two boards are admitted again.
    await until(async () => {
      const taken = await b.takeBoard(address);
      return typeof taken === 'object' ? 'ok' : taken;
    }, 'ok');
    expect(typeof (await a.takeBoard(address))).toBe('object');
    expect(await b.takeBoard(address)).toBe('limited');
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
