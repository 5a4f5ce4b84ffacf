import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_WAIT_MS, nextIdle } from './progressiveLoad.js';

/** Settles pending promise callbacks without letting any timer or idle callback run. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => Promise.resolve());

describe('the progressive load’s yield between batches', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('waits for the browser’s next idle period, with a bound for a page that is never idle', async () => {
    const idleCallbacks: Array<{ run: () => void; timeout: number | undefined }> = [];
    vi.stubGlobal('requestIdleCallback', (run: () => void, options?: { timeout?: number }) => {
      idleCallbacks.push({ run, timeout: options?.timeout });
      return idleCallbacks.length;
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let resumed = false;
    void nextIdle().then(() => (resumed = true));
    vi.runAllTimers(); // a plain task alone does not resume the load
    await settle();
    expect(resumed).toBe(false);
    expect(idleCallbacks.map((c) => c.timeout)).toEqual([IDLE_WAIT_MS]);
    idleCallbacks[0]?.run();
    await settle();
    expect(resumed).toBe(true);
  });

  it('takes a plain task where the browser has no requestIdleCallback', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let resumed = false;
    void nextIdle().then(() => (resumed = true));
    await settle();
    expect(resumed).toBe(false);
    vi.runAllTimers();
    await settle();
    expect(resumed).toBe(true);
  });
});
