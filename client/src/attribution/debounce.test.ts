import { describe, expect, it } from 'vitest';
import { createDebouncer, type Timers } from './debounce.js';

/** A clock the test moves by hand: timers fire in order when their time comes. */
function manualClock() {
  let now = 0;
  let nextId = 0;
  const queue = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout: (run, delayMs) => {
      queue.set(++nextId, { at: now + delayMs, run });
      return nextId;
    },
    clearTimeout: (handle) => void queue.delete(handle as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...queue].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > now) continue;
      queue.delete(id);
      timer.run();
    }
  };
  return { timers, advance, pending: () => queue.size };
}

describe('createDebouncer', () => {
  it('runs once, the delay after the last trigger of a burst', () => {
    const clock = manualClock();
    let runs = 0;
    const debouncer = createDebouncer(() => runs++, 1000, clock.timers);
    debouncer.trigger();
    clock.advance(600);
    debouncer.trigger();
    clock.advance(600);
    expect(runs).toBe(0);
    clock.advance(400);
    expect(runs).toBe(1);
    clock.advance(5000);
    expect(runs).toBe(1);
  });

  it('runs again for a later burst', () => {
    const clock = manualClock();
    let runs = 0;
    const debouncer = createDebouncer(() => runs++, 1000, clock.timers);
    debouncer.trigger();
    clock.advance(1000);
    debouncer.trigger();
    clock.advance(1000);
    expect(runs).toBe(2);
  });

  it('flushes a pending run at once, and does nothing when none is pending', () => {
    const clock = manualClock();
    let runs = 0;
    const debouncer = createDebouncer(() => runs++, 1000, clock.timers);
    debouncer.flush();
    expect(runs).toBe(0);
    debouncer.trigger();
    debouncer.flush();
    expect(runs).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('never runs after cancel', () => {
    const clock = manualClock();
    let runs = 0;
    const debouncer = createDebouncer(() => runs++, 1000, clock.timers);
    debouncer.trigger();
    debouncer.cancel();
    clock.advance(2000);
    expect(runs).toBe(0);
  });
});
