import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddressCapRetry } from './addressCapRetry.js';

/** A retry whose waits are at their longest (random 1), counting the connections it asks for. */
function aRetry() {
  let wanted = true;
  let connects = 0;
  const retry = new AddressCapRetry(
    () => connects++,
    () => wanted,
    () => 1,
  );
  return { retry, connects: () => connects, stopWanting: () => (wanted = false) };
}

describe("a board's Yjs websocket refused at its address's cap", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('connects again with the shared backoff until admitted, then starts over', () => {
    const { retry, connects } = aRetry();
    retry.refused();
    vi.advanceTimersByTime(999);
    expect(connects()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(connects()).toBe(1);

    retry.refused();
    vi.advanceTimersByTime(1999);
    expect(connects()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(connects()).toBe(2);

    retry.resetAttempts(); // admitted: the board synced
    retry.refused();
    vi.advanceTimersByTime(1000);
    expect(connects()).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops when the board is no longer wanted, and leaves no timer when cancelled', () => {
    const { retry, connects, stopWanting } = aRetry();
    retry.refused();
    stopWanting();
    vi.advanceTimersByTime(15_000);
    expect(connects()).toBe(0);

    const other = aRetry();
    other.retry.refused();
    other.retry.cancel();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(15_000);
    expect(other.connects()).toBe(0);
  });
});
