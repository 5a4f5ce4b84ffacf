import { describe, expect, it } from 'vitest';
import { SchemaTakenError } from '../storage/postgres/postgresMirror.js';
import { ManualClock } from '../test/manualClock.js';
import type { Logger } from '../util/logger.js';
import { ShardHost } from './shardHost.js';
import type { ShardServer } from './shardServer.js';

const IDLE_MS = 1000;

/** A stand-in for a shard's server: the host only opens, flushes and closes it. */
interface FakeShard {
  server: ShardServer;
  closed: boolean;
  /** Holds the next close() (or flush) until the test lets it finish. */
  holdClose(): () => void;
  holdFlush(): () => void;
  failFlush(fail: boolean): void;
}

function fakeShard(shard: number, events: string[], n: number): FakeShard {
  let closeGate = Promise.resolve();
  let flushGate = Promise.resolve();
  let flushFails = false;
  const gate = () => {
    let open = () => {};
    return { promise: new Promise<void>((r) => (open = r)), open: () => open() };
  };
  const fake: FakeShard = {
    closed: false,
    server: {
      url: `unix:/fake/${shard}.${n}`,
      port: 0,
      socketPath: `/fake/${shard}.${n}`,
      durable: async () => {
        await flushGate;
        if (flushFails) throw new Error('PostgreSQL is away');
      },
      close: async () => {
        await closeGate;
        fake.closed = true;
        events.push(`closed ${shard}.${n}`);
      },
    } as unknown as ShardServer,
    holdClose: () => {
      const g = gate();
      closeGate = g.promise;
      return g.open;
    },
    holdFlush: () => {
      const g = gate();
      flushGate = g.promise;
      return g.open;
    },
    failFlush: (fail) => void (flushFails = fail),
  };
  return fake;
}

function host(options: { idleMs?: number; takenBy?: Set<number> } = {}) {
  const clock = new ManualClock();
  const events: string[] = [];
  const started: FakeShard[] = [];
  const logged: string[] = [];
  const log: Logger = {
    info: (m, f) => void logged.push(`${m} ${JSON.stringify(f)}`),
    error: (m, f) => void logged.push(`${m} ${JSON.stringify(f)}`),
    debug: () => {},
  };
  const shards = new ShardHost({
    startShard: async (shard) => {
      if (options.takenBy?.has(shard)) throw new SchemaTakenError('another process holds it');
      const fake = fakeShard(shard, events, started.length + 1);
      started.push(fake);
      events.push(`started ${shard}.${started.length}`);
      return fake.server;
    },
    want: async () => {},
    processId: 'a',
    handoverQuietMs: 3000,
    idleMs: options.idleMs ?? IDLE_MS,
    log,
    now: clock.now,
    clock,
  });
  return { shards, clock, events, started, logged };
}

describe('a shard nobody uses', () => {
  it('is closed after the idle time, in one log line, and opened again by the next request', async () => {
    const { shards, clock, events, started, logged } = host();
    const lease = await shards.acquire(7, true);
    lease?.release();
    await clock.advance(IDLE_MS - 1);
    expect(shards.held()).toEqual([7]);
    await clock.advance(1);
    expect(shards.held()).toEqual([]);
    expect(started[0]?.closed).toBe(true);
    expect(logged.filter((l) => l.startsWith('shard closed: idle'))).toEqual([
      'shard closed: idle {"shard":7,"idleForMs":1000}',
    ]);

    const again = await shards.acquire(7, true);
    expect(again?.server).toBe(started[1]?.server);
    expect(events).toEqual(['started 7.1', 'closed 7.1', 'started 7.2']);
  });

  it('is kept open while a request or connection is in progress, and idles from its end', async () => {
    const { shards, clock, started } = host();
    const connection = await shards.acquire(7, true);
    await clock.advance(5 * IDLE_MS);
    expect(shards.held()).toEqual([7]);
    connection?.release();
    await clock.advance(IDLE_MS - 1);
    expect(shards.held()).toEqual([7]);
    await clock.advance(1);
    expect(shards.held()).toEqual([]);
    expect(started[0]?.closed).toBe(true);
  });

  it('serves a request that arrives while it closes once it has reopened, on a new server', async () => {
    const { shards, clock, events, started } = host();
    (await shards.acquire(7, true))?.release();
    const finishClose = started[0]!.holdClose();
    await clock.advance(IDLE_MS);
    expect(shards.held()).toEqual([]);

    const arriving = shards.acquire(7, true);
    await clock.advance(0);
    expect(events).toEqual(['started 7.1']); // still closing: the lock is not free yet
    finishClose();
    const lease = await arriving;
    expect(lease?.server).toBe(started[1]?.server);
    expect(events).toEqual(['started 7.1', 'closed 7.1', 'started 7.2']);
  });

  it('stays open if a request begins while its writes are being flushed', async () => {
    const { shards, clock, started } = host();
    (await shards.acquire(7, true))?.release();
    const finishFlush = started[0]!.holdFlush();
    await clock.advance(IDLE_MS);
    const lease = await shards.acquire(7, true); // the same server: it is not closing yet
    expect(lease?.server).toBe(started[0]?.server);
    finishFlush();
    await clock.advance(0);
    expect(shards.held()).toEqual([7]);
    expect(started[0]?.closed).toBe(false);
    lease?.release();
    await clock.advance(IDLE_MS);
    expect(shards.held()).toEqual([]);
  });

  it('stays open while its writes cannot reach PostgreSQL, and closes once they can', async () => {
    const { shards, clock, started, logged } = host();
    (await shards.acquire(7, true))?.release();
    started[0]!.failFlush(true);
    await clock.advance(3 * IDLE_MS);
    expect(shards.held()).toEqual([7]);
    expect(started[0]?.closed).toBe(false);
    expect(logged.some((l) => l.startsWith('an idle shard could not be flushed: kept open'))).toBe(true);
    started[0]!.failFlush(false);
    await clock.advance(IDLE_MS);
    expect(shards.held()).toEqual([]);
  });

  it('is not kept open by requests of no class, which hold it only while they run', async () => {
    const { shards, clock } = host();
    (await shards.acquire(7, true))?.release();
    await clock.advance(IDLE_MS / 2);
    const files = await shards.any(0);
    expect(files?.server).toBeDefined();
    await clock.advance(IDLE_MS);
    expect(shards.held()).toEqual([7]); // in progress
    files?.release();
    // Idle since the last request of its class, not since the files were served.
    await clock.advance(IDLE_MS / 2);
    expect(shards.held()).toEqual([]);
  });

  it('is never closed with SHARD_IDLE_MS=0', async () => {
    const { shards, clock } = host({ idleMs: 0 });
    (await shards.acquire(7, true))?.release();
    await clock.advance(24 * 3_600_000);
    expect(shards.held()).toEqual([7]);
  });

  it('is not held in use by a request that was refused while another process held it', async () => {
    const takenBy = new Set([9]);
    const { shards, clock } = host({ takenBy });
    expect(await shards.acquire(9, true)).toBeNull();
    takenBy.delete(9);
    await clock.advance(IDLE_MS);
    (await shards.acquire(9, true))?.release();
    expect(shards.held()).toEqual([9]);
    await clock.advance(IDLE_MS);
    expect(shards.held()).toEqual([]);
  });
});
