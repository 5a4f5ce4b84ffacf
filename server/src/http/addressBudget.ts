import { TokenBucket } from '../boards/tokenBucket.js';

/**
 * A token bucket per client address (e.g. class creation): `perSecond` sustained, `burst` at once. An
 * address idle long enough for its bucket to be full again is forgotten, so the map stays small.
 */
export class AddressBudget {
  private readonly buckets = new Map<string, { bucket: TokenBucket; last: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {}

  take(address: string): boolean {
    const at = this.now();
    if (this.buckets.size > 10_000) this.sweep(at);
    let entry = this.buckets.get(address);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.perSecond, this.burst, at), last: at };
      this.buckets.set(address, entry);
    }
    entry.last = at;
    return entry.bucket.take(at);
  }

  /** Seconds until a refused address earns its next token, at most. */
  retryAfterSeconds(): number {
    return Math.ceil(1 / this.perSecond);
  }

  private sweep(at: number): void {
    const refillMs = (this.burst / this.perSecond) * 1000;
    for (const [address, { last }] of this.buckets) if (at - last >= refillMs) this.buckets.delete(address);
  }
}
