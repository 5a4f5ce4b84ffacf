import type { TimerClock } from '../util/scheduler.js';

interface Pending {
  at: number;
  fn: () => void;
}

/**
 * Time that moves only when a test says so: `now()` and the timers of a Scheduler built on it. `advance`
 * runs every timer that falls due, in time order, with `now()` at each one's time — so a test drives a
 * timer-driven component step by step, with no real waiting. (Intervals are not needed yet.)
 */
export class ManualClock implements TimerClock {
  private at = 0;
  private readonly pending = new Set<Pending>();

  now = (): number => this.at;

  /** Timers set and not yet run or cleared. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Moves time on by `ms`, running each timer as it falls due (awaiting what each one started). */
  async advance(ms: number): Promise<void> {
    const until = this.at + ms;
    for (let next = this.nextDue(until); next; next = this.nextDue(until)) {
      this.pending.delete(next);
      this.at = next.at;
      next.fn();
      await settle();
    }
    this.at = until;
    await settle();
  }

  /** As `advance`, for timers that start no promises: each due one runs before this returns. */
  advanceNow(ms: number): void {
    const until = this.at + ms;
    for (let next = this.nextDue(until); next; next = this.nextDue(until)) {
      this.pending.delete(next);
      this.at = next.at;
      next.fn();
    }
    this.at = until;
  }

  private nextDue(until: number): Pending | undefined {
    return [...this.pending].filter((p) => p.at <= until).sort((a, b) => a.at - b.at)[0];
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const p = { at: this.at + ms, fn };
    this.pending.add(p);
    return p;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as Pending);
  }

  setInterval(): unknown {
    throw new Error('ManualClock has no intervals');
  }

  clearInterval(): void {}

  setImmediate(fn: () => void): unknown {
    return this.setTimeout(fn, 0);
  }

  clearImmediate(handle: unknown): void {
    this.clearTimeout(handle);
  }
}

/** Lets promise chains started by a timer run to their next real wait. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
