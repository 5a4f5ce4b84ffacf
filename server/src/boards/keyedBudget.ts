import { TokenBucket } from './tokenBucket.js';

/**
 * A token bucket per key (a client address, a user): `perSecond` sustained, `burst` at once. Past `sweepAt`
 * keys, those whose bucket is full again (idle long enough) are forgotten, so the map stays small; the
 * threshold then doubles with what is left, so many keys in use at once do not make every new one a scan.
 */
export class KeyedBudget {
  private readonly buckets = new Map<string, TokenBucket>();
  private sweepAt: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
    private readonly minSweepAt = 10_000,
  ) {
    this.sweepAt = minSweepAt;
  }

  take(key: string, cost = 1): boolean {
    return this.bucketOf(key).take(this.now(), cost);
  }

  /** Takes `cost` whatever is left (see TokenBucket.charge). */
  charge(key: string, cost: number): void {
    this.bucketOf(key).charge(this.now(), cost);
  }

  /** Seconds until a refused key earns its next token, at most. */
  retryAfterSeconds(): number {
    return Math.ceil(1 / this.perSecond);
  }

  private bucketOf(key: string): TokenBucket {
    const at = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.sweepAt) {
        for (const [k, b] of this.buckets) if (b.isFull(at)) this.buckets.delete(k);
        this.sweepAt = Math.max(this.minSweepAt, 2 * this.buckets.size);
      }
      bucket = new TokenBucket(this.perSecond, this.burst, at);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
