import { createClient } from 'redis';
import { redactUrl } from '../util/redactUrl.js';
import { CONNECTION_ENTRY_TTL_MS, SharedConnections } from './sharedConnections.js';

const CONNECT_TIMEOUT_MS = 5000;
const MAX_RECONNECT_DELAY_MS = 2000;

/** Wrong join codes one address may try per window, across every process (as JoinGate does in one). */
export const JOIN_FAILURES_PER_WINDOW = 30;
export const JOIN_FAILURE_WINDOW_S = 10 * 60;
const HOUR_S = 3600;

export type Admission = 'ok' | 'limited' | 'unavailable';

export class RedisUnavailableError extends Error {}

/** What one address may make per hour across the cluster (MAX_CLASSES_PER_HOUR, …). */
export interface HourlyLimits {
  classesPerHour: number;
  boardsPerHour: number;
  uploadBytesPerHour: number;
}

/**
 * Takes `amount` from a fixed window's budget, or nothing when it would pass `limit` (so a refused upload
 * costs nothing). Atomic: processes taking at the same moment together stay within the limit.
 */
const TAKE = `
local n = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[3]) end
if n > tonumber(ARGV[2]) then
  redis.call('DECRBY', KEYS[1], ARGV[1])
  return 0
end
return 1`;

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

  private constructor(
    private readonly redis: ReturnType<typeof createClient>,
    private readonly limits: HourlyLimits,
    connectionTtlMs: number,
  ) {
    this.connections = new SharedConnections(redis, connectionTtlMs);
  }

  static async open(
    url: string,
    limits: HourlyLimits,
    connectionTtlMs = CONNECTION_ENTRY_TTL_MS,
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
    return new SharedLimits(redis, limits, connectionTtlMs);
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
   * it. Give it back (`giveBackClass`) if no class was made.
   */
  takeClass(address: string): Promise<Admission> {
    return this.take(`conjecture:classes:${address}`, 1, this.limits.classesPerHour);
  }

  giveBackClass(address: string): Promise<void> {
    return this.giveBack(`conjecture:classes:${address}`, 1);
  }

  /** As `takeClass`, for boards outside a class (MAX_BOARDS_PER_HOUR). */
  takeBoard(address: string): Promise<Admission> {
    return this.take(`conjecture:boards:${address}`, 1, this.limits.boardsPerHour);
  }

  giveBackBoard(address: string): Promise<void> {
    return this.giveBack(`conjecture:boards:${address}`, 1);
  }

  /** Charges an upload's bytes to its address's hour (MAX_UPLOAD_BYTES_PER_HOUR), unless they would pass it. */
  takeUploadBytes(address: string, bytes: number): Promise<Admission> {
    return this.take(`conjecture:upload-bytes:${address}`, bytes, this.limits.uploadBytesPerHour);
  }

  /** Removes this process's connections from the counts first: a graceful stop leaves none counting. */
  async close(): Promise<void> {
    await this.connections.close();
    await this.redis.disconnect().catch(() => {});
  }

  private async take(key: string, amount: number, limit: number): Promise<Admission> {
    try {
      const taken = await this.redis.eval(TAKE, {
        keys: [key],
        arguments: [String(amount), String(limit), String(HOUR_S)],
      });
      return taken === 1 ? 'ok' : 'limited';
    } catch {
      return 'unavailable';
    }
  }

  /** Unreachable now: what was taken stays taken until its window ends (refusing more, never fewer). */
  private async giveBack(key: string, amount: number): Promise<void> {
    await this.redis.decrBy(key, amount).catch(() => {});
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
