import { randomBytes } from 'node:crypto';
import type { createClient } from 'redis';
import { nodeClock, Scheduler, type TimerClock } from '../util/scheduler.js';
import type { Admission } from './sharedLimits.js';

/** How long an entry counts unless its process refreshes it: the time a SIGKILLed process's connections still count. */
export const CONNECTION_ENTRY_TTL_MS = 30_000;

/**
 * Drops expired entries and, under the cap, adds one, atomically (a script runs alone in Redis), so any
 * number of processes admitting at the same moment together stay within the cap. Redis's clock scores the
 * entries, so the processes' clocks need not agree.
 */
const ADMIT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

/**
 * Pushes a live connection's entry's expiry on, adding it again if it is gone: a process stalled past the
 * TTL (or a Redis that lost its keys) finds its open connections' entries expired, and they must count
 * again, or other processes admit that many more for as long as they stay open. (It may bring an address
 * over the cap for a while: those admitted meanwhile are open too.) A released entry is never brought
 * back: `release` forgets it before removing it, and the refresh goes on the same connection.
 */
const REFRESH = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

export interface SharedConnection {
  /** Settles once Redis has dropped the entry (or could not be reached: it then expires on its own). */
  release(): Promise<void>;
}

/**
 * Open connections per key (an address's connections to boards outside a class), counted across the
 * cluster's processes. A gauge, not a windowed counter: each connection is an entry of a sorted set scored
 * by its expiry, which the process holding it refreshes every third of the TTL. A process that dies
 * (SIGKILL) refreshes nothing, so its entries stop counting within CONNECTION_ENTRY_TTL_MS — rather than a
 * per-process counter, which a dead process would leave counted for ever.
 */
export class SharedConnections {
  private readonly held = new Map<string, string>(); // member → key
  private readonly scheduler: Scheduler;

  constructor(
    private readonly redis: ReturnType<typeof createClient>,
    private readonly ttlMs = CONNECTION_ENTRY_TTL_MS,
    clock: TimerClock = nodeClock,
  ) {
    this.scheduler = new Scheduler(clock);
    this.scheduler.interval(Math.max(1, Math.floor(ttlMs / 3)), () => void this.refresh());
  }

  /** A connection under `cap` for `key` (release it when it closes), or why not. */
  async join(key: string, cap: number): Promise<SharedConnection | Exclude<Admission, 'ok'>> {
    const member = randomBytes(12).toString('base64url');
    const redisKey = `conjecture:connections:${key}`;
    try {
      const admitted = await this.redis.eval(ADMIT, {
        keys: [redisKey],
        arguments: [member, String(cap), String(this.ttlMs)],
      });
      if (admitted !== 1) return 'limited';
    } catch {
      return 'unavailable';
    }
    this.held.set(member, redisKey);
    return {
      // Not held: released already, or removed by `close`.
      release: async () => {
        if (!this.held.delete(member)) return;
        // Unreachable now: the entry, no longer refreshed, expires on its own.
        await this.redis.zRem(redisKey, member).catch(() => {});
      },
    };
  }

  /** Stops refreshing: entries still held expire within the TTL, as a dead process's do. */
  stop(): void {
    this.scheduler.close();
  }

  /**
   * For a graceful stop, before the client disconnects: stops refreshing and removes every entry still
   * held in one round trip, so the connections closing with the process stop counting at once rather than
   * after the TTL (their own releases, coming later, find nothing to remove).
   */
  async close(): Promise<void> {
    this.stop();
    const byKey = new Map<string, string[]>();
    for (const [member, key] of this.held) byKey.set(key, [...(byKey.get(key) ?? []), member]);
    this.held.clear();
    if (byKey.size === 0) return;
    const batch = this.redis.multi();
    for (const [key, members] of byKey) batch.zRem(key, members);
    await batch.exec().catch(() => {});
  }

  private async refresh(): Promise<void> {
    if (this.held.size === 0) return;
    const batch = this.redis.multi();
    for (const [member, key] of this.held)
      batch.eval(REFRESH, { keys: [key], arguments: [member, String(this.ttlMs)] });
    await batch.exec().catch(() => {});
  }
}
