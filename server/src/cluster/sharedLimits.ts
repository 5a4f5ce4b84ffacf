import { createClient } from 'redis';
import { redactUrl } from '../util/redactUrl.js';

const CONNECT_TIMEOUT_MS = 5000;
const MAX_RECONNECT_DELAY_MS = 2000;

/** Wrong join codes one address may try per window, across every process (as JoinGate does in one). */
export const JOIN_FAILURES_PER_WINDOW = 30;
export const JOIN_FAILURE_WINDOW_S = 10 * 60;
const HOUR_S = 3600;

export type Admission = 'ok' | 'limited' | 'unavailable';

export class RedisUnavailableError extends Error {}

/**
 * Per-address limits every process of a cluster shares, in Redis (REDIS_URL): wrong join codes and
 * classes created. Each process also keeps its own (the handlers' JoinGate and KeyedBudget); these stop
 * an address from getting N× the budget by spreading over N processes. Fixed windows (a counter with an
 * expiry) rather than the in-process token buckets: one round trip, and the same bound per window.
 * While Redis is out of reach, joins and new classes are refused (503), never let through unlimited.
 */
export class SharedLimits {
  private constructor(
    private readonly redis: ReturnType<typeof createClient>,
    private readonly classesPerHour: number,
  ) {}

  static async open(url: string, classesPerHour: number): Promise<SharedLimits> {
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
    return new SharedLimits(redis, classesPerHour);
  }

  admitJoin(address: string): Promise<Admission> {
    return this.under(`conjecture:join-failures:${address}`, JOIN_FAILURES_PER_WINDOW);
  }

  noteJoinFailure(address: string): Promise<void> {
    return this.count(`conjecture:join-failures:${address}`, JOIN_FAILURE_WINDOW_S);
  }

  admitClassCreation(address: string): Promise<Admission> {
    return this.under(`conjecture:classes:${address}`, this.classesPerHour);
  }

  noteClassCreated(address: string): Promise<void> {
    return this.count(`conjecture:classes:${address}`, HOUR_S);
  }

  async close(): Promise<void> {
    await this.redis.disconnect().catch(() => {});
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
