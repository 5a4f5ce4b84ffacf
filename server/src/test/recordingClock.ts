import type { TimerClock } from '../util/scheduler.js';
import { nodeClock } from '../util/scheduler.js';

export type TimerKind = 'timeout' | 'interval' | 'immediate';

export interface RecordedTimer {
  kind: TimerKind;
  ms: number;
  /** The server module that asked for it (the first `server/src` file of its stack besides the scheduler). */
  startedBy: string;
}

/** A timer's handle: Node's own timer, or (held) the function it would run. */
interface Token {
  real: unknown;
  held?: () => void;
}

const SCHEDULER_FILE = /util\/scheduler\.[jt]s/;

function callerModule(): string {
  for (const line of (new Error().stack ?? '').split('\n').slice(2)) {
    const match = /server\/src\/([\w/]+\.[jt]s)/.exec(line);
    if (match?.[1] && !SCHEDULER_FILE.test(match[1]) && !match[1].startsWith('test/')) return match[1];
  }
  return 'unknown';
}

/**
 * A server's timers, seen from outside its scheduler: every timer the server starts is recorded here with the
 * module that started it, until it runs or is cleared. `hold` keeps matching timers from ever running on their
 * own, so a test can look at them while they are pending.
 */
export class RecordingClock implements TimerClock {
  private readonly live = new Map<Token, RecordedTimer>();

  constructor(private readonly hold: (timer: RecordedTimer) => boolean = () => false) {}

  /**
   * Runs the held timers `match` picks, as if each fell due now: a test steps a server's periodic work (an
   * expiry sweep) on a fact of its own, not on time. A timeout is then done; an interval stays pending.
   * Returns how many ran.
   */
  runHeld(match: (timer: RecordedTimer) => boolean): number {
    const due = [...this.live].filter(([token, timer]) => token.held && match(timer));
    for (const [token, timer] of due) {
      if (timer.kind !== 'interval') this.live.delete(token);
      token.held?.();
    }
    return due.length;
  }

  /** Timers started and neither run (for a one-shot timer) nor cleared. */
  liveTimers(): RecordedTimer[] {
    return [...this.live.values()];
  }

  setTimeout(fn: () => void, ms: number): unknown {
    return this.start({ kind: 'timeout', ms, startedBy: callerModule() }, fn, (run) =>
      nodeClock.setTimeout(run, ms),
    );
  }

  clearTimeout(handle: unknown): void {
    this.clear(handle);
  }

  setInterval(fn: () => void, ms: number): unknown {
    return this.start({ kind: 'interval', ms, startedBy: callerModule() }, fn, (run) =>
      nodeClock.setInterval(run, ms),
    );
  }

  clearInterval(handle: unknown): void {
    this.clear(handle);
  }

  setImmediate(fn: () => void): unknown {
    return this.start({ kind: 'immediate', ms: 0, startedBy: callerModule() }, fn, (run) =>
      nodeClock.setImmediate(run),
    );
  }

  clearImmediate(handle: unknown): void {
    this.clear(handle);
  }

  private start(timer: RecordedTimer, fn: () => void, schedule: (run: () => void) => unknown): unknown {
    const token: Token = { real: undefined };
    this.live.set(token, timer);
    if (this.hold(timer)) token.held = fn;
    else {
      token.real = schedule(() => {
        if (timer.kind !== 'interval') this.live.delete(token);
        fn();
      });
    }
    return token;
  }

  private clear(handle: unknown): void {
    const token = handle as Token;
    const timer = this.live.get(token);
    if (!timer) return;
    this.live.delete(token);
    if (token.real === undefined) return;
    if (timer.kind === 'timeout') nodeClock.clearTimeout(token.real);
    else if (timer.kind === 'interval') nodeClock.clearInterval(token.real);
    else nodeClock.clearImmediate(token.real);
  }
}
