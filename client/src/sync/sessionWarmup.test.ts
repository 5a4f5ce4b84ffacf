import { describe, expect, it } from 'vitest';
import { sessionWarmup } from './sessionWarmup.js';

class FakeSession {
  destroyed = false;
  constructor(readonly key: string) {}
  destroy() {
    this.destroyed = true;
  }
}

const warmupOf = () => {
  const opened: FakeSession[] = [];
  const warmup = sessionWarmup((key) => {
    const session = new FakeSession(key);
    opened.push(session);
    return session;
  });
  return { warmup, opened };
};

describe('session warm-up', () => {
  it('hands the session opened ahead to the first taker of its key, once', () => {
    const { warmup, opened } = warmupOf();
    warmup.warm('board-a');
    expect(warmup.take('board-b')).toBeNull();
    expect(warmup.take('board-a')).toBe(opened[0]);
    expect(warmup.take('board-a')).toBeNull();
  });

  it('lets a reader see the waiting session without taking it', () => {
    const { warmup, opened } = warmupOf();
    expect(warmup.peek('board-a')).toBeNull();
    warmup.warm('board-a');
    expect(warmup.peek('board-a')).toBe(opened[0]);
    expect(warmup.take('board-a')).toBe(opened[0]); // still there for the taker
    expect(warmup.peek('board-a')).toBeNull();
  });

  it('closes a session nobody took when the page releases it', () => {
    const { warmup, opened } = warmupOf();
    const release = warmup.warm('board-a');
    release();
    expect(opened[0]?.destroyed).toBe(true);
    expect(warmup.take('board-a')).toBeNull();
  });

  it('leaves a taken session to its taker when the page releases it', () => {
    const { warmup, opened } = warmupOf();
    const release = warmup.warm('board-a');
    warmup.take('board-a');
    release();
    expect(opened[0]?.destroyed).toBe(false);
  });

  it('opens one session per key while one is waiting, and a fresh one after it was taken', () => {
    const { warmup, opened } = warmupOf();
    const release = warmup.warm('board-a');
    warmup.warm('board-a')(); // a second warm-up's release must not close the first's session
    expect(opened).toHaveLength(1);
    expect(opened[0]?.destroyed).toBe(false);
    warmup.take('board-a');
    warmup.warm('board-a');
    expect(opened).toHaveLength(2);
    release();
    expect(opened[1]?.destroyed).toBe(false);
  });
});
