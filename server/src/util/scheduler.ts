/** The timer functions a scheduler runs on: Node's own, or a test's recording clock. */
export interface TimerClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setImmediate(fn: () => void): unknown;
  clearImmediate(handle: unknown): void;
}

/** Node's timers; timeouts and intervals are unref'd, so a forgotten one never keeps a process alive. */
export const nodeClock: TimerClock = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  setImmediate: (fn) => setImmediate(fn),
  clearImmediate: (handle) => clearImmediate(handle as NodeJS.Immediate),
};

/** Stops what was scheduled (if it has not run yet); calling it again does nothing. */
export type Cancel = () => void;

/**
 * The one place the server starts timers (a lint rule keeps every other server module from calling
 * setTimeout, setInterval or setImmediate). Closing the server closes its scheduler: every pending
 * timer is cleared and later requests are ignored, so nothing the server scheduled — a throttled
 * dashboard event, a tagging debounce, an idle room's unload, a keep-alive ping, a group commit — can
 * run after its storage has closed.
 */
export class Scheduler {
  private readonly live = new Set<Cancel>();
  private closed = false;

  constructor(private readonly clock: TimerClock = nodeClock) {}

  /** Runs `fn` once after `ms`. */
  timeout(ms: number, fn: () => void): Cancel {
    return this.track(
      (run) => this.clock.setTimeout(run, ms),
      (h) => this.clock.clearTimeout(h),
      fn,
      true,
    );
  }

  /** Runs `fn` every `ms` until cancelled (or the scheduler closes). */
  interval(ms: number, fn: () => void): Cancel {
    return this.track(
      (run) => this.clock.setInterval(run, ms),
      (h) => this.clock.clearInterval(h),
      fn,
      false,
    );
  }

  /** Runs `fn` after the I/O of the current turn of the event loop. */
  immediate(fn: () => void): Cancel {
    return this.track(
      (run) => this.clock.setImmediate(run),
      (h) => this.clock.clearImmediate(h),
      fn,
      true,
    );
  }

  /**
   * Per key, `fn(key)` runs at most once per `ms`: the first call of a window schedules it at the
   * window's end, and the calls after it until then are folded into that one run.
   */
  throttle<K>(ms: number, fn: (key: K) => void): (key: K) => void {
    const waiting = new Set<K>();
    return (key) => {
      if (this.closed || waiting.has(key)) return;
      waiting.add(key);
      this.timeout(ms, () => {
        waiting.delete(key);
        fn(key);
      });
    };
  }

  /** Timers scheduled and not yet run or cancelled. */
  get pending(): number {
    return this.live.size;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Clears every pending timer; from now on nothing is scheduled. */
  close(): void {
    this.closed = true;
    for (const cancel of [...this.live]) cancel();
  }

  private track(
    start: (run: () => void) => unknown,
    clear: (handle: unknown) => void,
    fn: () => void,
    once: boolean,
  ): Cancel {
    if (this.closed) return () => {};
    const cancel: Cancel = () => {
      if (this.live.delete(cancel)) clear(handle);
    };
    const handle = start(() => {
      if (once) this.live.delete(cancel);
      fn();
    });
    this.live.add(cancel);
    return cancel;
  }
}
