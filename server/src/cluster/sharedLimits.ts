import { createClient } from 'redis';
import { redactUrl } from '../util/redactUrl.js';
import type { TimerClock } from '../util/scheduler.js';
import { GiveBacks } from './giveBacks.js';
import { CONNECTION_ENTRY_TTL_MS, SharedConnections } from './sharedConnections.js';

const CONNECT_TIMEOUT_MS = 5000;
const MAX_RECONNECT_DELAY_MS = 2000;

/** Wrong join codes one address may try per window, across every process (as JoinGate does in one). */
export const JOIN_FAILURES_PER_WINDOW = 30;
export const JOIN_FAILURE_WINDOW_S = 10 * 60;
const HOUR_S = 3600;

export type Admission = 'ok' | 'limited' | 'unavailable';

export class RedisUnavailableError extends Error {}

/** For tests: a connection entry's TTL, the timers its refresh runs on, the time windows are measured by. */
export interface SharedLimitsOptions {
  connectionTtlMs?: number;
  clock?: TimerClock;
  now?: () => number;
  /** MAX_WAITING_GIVE_BACKS by default. */
  maxWaitingGiveBacks?: number;
}

/** A class or board taken from its address's hour: give it back if the request made none. */
export interface Place {
  giveBack(): Promise<void>;
}

/** What one address may make per hour across the cluster (MAX_CLASSES_PER_HOUR, …). */
export interface HourlyLimits {
  classesPerHour: number;
  boardsPerHour: number;
  uploadBytesPerHour: number;
}

/**
 * Takes `amount` from a fixed window's budget, or nothing when it would pass `limit` (so a refused upload
 * costs nothing): 0 if refused, else the milliseconds left in the window (what a give-back must beat).
 * Atomic: processes taking at the same moment together stay within the limit.
 */
const TAKE = `
local n = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
if n > tonumber(ARGV[2]) then
  redis.call('DECRBY', KEYS[1], ARGV[1])
  return 0
end
return math.max(1, redis.call('PTTL', KEYS[1]))`;

/**
 * Per-address limits every process of a cluster shares, in Redis (REDIS_URL): wrong join codes, classes
 * and boards outside a class made, image bytes uploaded to boards outside a class, and open connections
 * to such boards (`connections`). Each process also keeps its own (the handlers' JoinGate and
 * KeyedBudget); these stop an address from getting N× the budget by spreading over N processes. Fixed
 * windows (a counter with an expiry) rather than the in-process token buckets: one round trip, and the
 * same bound per window. While Redis is out of reach, all of them are refused (503), never let through
 * unlimited.
 */
export class SharedLimits {
  readonly connections: SharedConnections;
  private readonly giveBacks: GiveBacks;
  private readonly now: () => number;

  private constructor(
    private readonly redis: ReturnType<typeof createClient>,
    private readonly limits: HourlyLimits,
    options: SharedLimitsOptions,
  ) {
    this.connections = new SharedConnections(
      redis,
      options.connectionTtlMs ?? CONNECTION_ENTRY_TTL_MS,
      options.clock,
    );
    this.now = options.now ?? Date.now;
    this.giveBacks = new GiveBacks(redis, this.now, options.maxWaitingGiveBacks);
  }

  static async open(
    url: string,
    limits: HourlyLimits,
    options: SharedLimitsOptions = {},
  ): Promise<SharedLimits> {
    let started = false;
    const redis = createClient({
      url,
      // Commands fail at once while disconnected instead of queueing behind a reconnection.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        // Unreachable at start: fail (and exit); lost later: keep trying, refusing meanwhile.
        reconnectStrategy: (retries) =>
          started ? Math.min(100 * 2 ** retries, MAX_RECONNECT_DELAY_MS) : new Error('unreachable'),
      },
    });
    redis.on('error', () => {});
    try {
      await redis.connect();
    } catch (err) {
      throw new RedisUnavailableError(
        `cannot reach Redis at REDIS_URL (${redactUrl(url)}): ${(err as Error).message}`,
        {
          cause: err,
        },
      );
    }
    started = true;
    return new SharedLimits(redis, limits, options);
  }

  admitJoin(address: string): Promise<Admission> {
    return this.under(`conjecture:join-failures:${address}`, JOIN_FAILURES_PER_WINDOW);
  }

  noteJoinFailure(address: string): Promise<void> {
    return this.count(`conjecture:join-failures:${address}`, JOIN_FAILURE_WINDOW_S);
  }

  /**
   * Takes one of the address's classes for the hour before the class is made, or nothing at the cap:
   * taken first (not counted once made), so creations in flight together across processes cannot pass
   * it. Give it back if no class was made: within its hour only, and once Redis answers again if it is
   * out of reach meanwhile (`GiveBacks`).
   */
  takeClass(address: string): Promise<Place | Exclude<Admission, 'ok'>> {
    return this.takePlace(`conjecture:classes:${address}`, this.limits.classesPerHour);
  }

  /** As `takeClass`, for boards outside a class (MAX_BOARDS_PER_HOUR). */
  takeBoard(address: string): Promise<Place | Exclude<Admission, 'ok'>> {
    return this.takePlace(`conjecture:boards:${address}`, this.limits.boardsPerHour);
  }

  /** Charges an upload's bytes to its address's hour (MAX_UPLOAD_BYTES_PER_HOUR), unless they would pass it. */
  async takeUploadBytes(address: string, bytes: number): Promise<Admission> {
    const taken = await this.take(
      `conjecture:upload-bytes:${address}`,
      bytes,
      this.limits.uploadBytesPerHour,
    );
    return typeof taken === 'number' ? 'ok' : taken;
  }

  /** Removes this process's connections from the counts first: a graceful stop leaves none counting. */
  async close(): Promise<void> {
    await this.connections.close();
    await this.redis.disconnect().catch(() => {});
  }

  private async takePlace(key: string, limit: number): Promise<Place | Exclude<Admission, 'ok'>> {
    const taken = await this.take(key, 1, limit);
    if (typeof taken !== 'number') return taken;
    return { giveBack: () => this.giveBacks.giveBack(key, 1, taken) };
  }

  /** A time (this process's clock) before which the window taken in cannot end, or why nothing was taken. */
  private async take(key: string, amount: number, limit: number): Promise<number | Exclude<Admission, 'ok'>> {
    // Measured from before the script runs: the window ends no sooner than this.
    const asked = this.now();
    try {
      const msLeft = await this.redis.eval(TAKE, {
        keys: [key],
        arguments: [String(amount), String(limit), String(HOUR_S)],
      });
      return typeof msLeft === 'number' && msLeft > 0 ? asked + msLeft : 'limited';
    } catch {
      return 'unavailable';
    }
  }

  private async under(key: string, limit: number): Promise<Admission> {
    try {
      const count = Number((await this.redis.get(key)) ?? 0);
      return count < limit ? 'ok' : 'limited';
    } catch {
      return 'unavailable';
    }
  }

  /** Counts one; the window starts with the first (NX: later counts do not extend it). */
  private async count(key: string, windowS: number): Promise<void> {
    await this.redis
      .multi()
      .incr(key)
      .expire(key, windowS, 'NX')
      .exec()
      .catch(() => {});
  }
}
