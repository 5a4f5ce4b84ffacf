import type { TimerClock } from '../util/scheduler.js';
import { nodeClock } from '../util/scheduler.js';

export type TimerKind = 'timeout' | 'interval' | 'immediate';

export interface RecordedTimer {
  kind: TimerKind;
  ms: number;
  /** The server module that asked for it (the first `server/src` file of its stack besides the scheduler). */
  startedBy: string;
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
  private readonly live = new Map<unknown, RecordedTimer>();

  constructor(private readonly hold: (timer: RecordedTimer) => boolean = () => false) {}

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
    const token = { real: undefined as unknown };
    this.live.set(token, timer);
    if (!this.hold(timer)) {
      token.real = schedule(() => {
        if (timer.kind !== 'interval') this.live.delete(token);
        fn();
      });
    }
    return token;
  }

  private clear(handle: unknown): void {
    const token = handle as { real: unknown };
    const timer = this.live.get(token);
    if (!timer) return;
    this.live.delete(token);
    if (token.real === undefined) return;
    if (timer.kind === 'timeout') nodeClock.clearTimeout(token.real);
    else if (timer.kind === 'interval') nodeClock.clearInterval(token.real);
    else nodeClock.clearImmediate(token.real);
  }
}
