/** A token bucket: `ratePerSecond` sustained, `burst` at once. Time comes in, so tests need no clock. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now: number, cost = 1): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Takes `cost` whatever is left, so a cost known only after the work makes the next requests wait. */
  charge(now: number, cost: number): void {
    this.take(now, 0);
    this.tokens -= cost;
  }

  /** Whether the bucket has refilled to its burst (nothing taken that it would still remember). */
  isFull(now: number): boolean {
    return this.tokens + ((now - this.last) / 1000) * this.ratePerSecond >= this.burst;
  }
}
