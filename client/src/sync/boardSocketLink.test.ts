import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { FakeClassSocket } from '../test/fakeClassSocket.js';
import { UNREACHABLE_AFTER_FAILED_ATTEMPTS } from './connectionState.js';
import { BoardSocketLink, REFUSED_SOCKET_RETRY_MAX_MS, refusedSocketRetryMs } from './boardSocketLink.js';

/** A link over a fake socket the test answers for the server; waits are at their longest (random 1). */
function aLink() {
  const socket = new FakeClassSocket();
  let wanted = true;
  let changes = 0;
  const link = new BoardSocketLink(
    socket as unknown as Socket,
    () => wanted,
    () => changes++,
    () => 1,
  );
  return { socket, link, stopWanting: () => (wanted = false), changes: () => changes };
}

describe('the backoff after a refused handshake', () => {
  it('doubles from a second up to its ceiling, each wait in the upper half of its step', () => {
    const longest = (n: number) => refusedSocketRetryMs(n, () => 1);
    expect([1, 2, 3, 4, 5, 6, 20].map(longest)).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(refusedSocketRetryMs(3, () => 0)).toBe(2000);
    expect(longest(40)).toBe(REFUSED_SOCKET_RETRY_MAX_MS);
  });
});

describe("a board page's socket.io link", () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('keeps trying a handshake refused at the cap, with backoff, until admitted — no reload', () => {
    const { socket, link } = aLink();
    socket.refuse('rate_limited');
    expect(link.unreachable).toBe(true);
    vi.advanceTimersByTime(999);
    expect(socket.connects).toBe(0);
    vi.advanceTimersByTime(1);
    expect(socket.connects).toBe(1);

    socket.refuse('rate_limited');
    vi.advanceTimersByTime(1999);
    expect(socket.connects).toBe(1);
    vi.advanceTimersByTime(1);
    expect(socket.connects).toBe(2);

    socket.accept(); // a slot freed
    expect(link.unreachable).toBe(false);
    link.destroy();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts the backoff over once admitted', () => {
    const { socket, link } = aLink();
    socket.refuse('rate_limited');
    vi.advanceTimersByTime(1000);
    socket.refuse('rate_limited');
    vi.advanceTimersByTime(2000);
    socket.accept();
    socket.refuse('rate_limited');
    vi.advanceTimersByTime(1000);
    expect(socket.connects).toBe(3);
    link.destroy();
  });

  it('connects again after the server dropped it, as socket.io does not', () => {
    const { socket, link } = aLink();
    socket.accept();
    socket.cutByServer();
    vi.advanceTimersByTime(1000);
    expect(socket.connects).toBe(1);
    link.destroy();
  });

  it('says it cannot reach the server after repeated network failures, and clears on connect', () => {
    const { socket, link, changes } = aLink();
    for (let i = 1; i < UNREACHABLE_AFTER_FAILED_ATTEMPTS; i++) socket.failToConnect();
    expect(link.unreachable).toBe(false);
    socket.failToConnect();
    expect(link.unreachable).toBe(true);
    expect(changes()).toBeGreaterThan(0);
    // socket.io retries these by itself: the link adds no attempt of its own
    expect(vi.getTimerCount()).toBe(0);
    socket.accept();
    expect(link.unreachable).toBe(false);
    link.destroy();
  });

  it('stops trying once the board is no longer wanted, and leaves no timer behind', () => {
    const { socket, link, stopWanting } = aLink();
    socket.refuse('rate_limited');
    stopWanting();
    vi.advanceTimersByTime(REFUSED_SOCKET_RETRY_MAX_MS);
    expect(socket.connects).toBe(0);
    socket.refuse('rate_limited');
    expect(vi.getTimerCount()).toBe(0);
    link.destroy();
  });
});
