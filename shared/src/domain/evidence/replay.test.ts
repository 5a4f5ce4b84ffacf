import { describe, expect, it } from 'vitest';
import { BoardReplaySchema, diffRecords, ReplayTimeline, type ReplayStep } from './replay.js';

const rec = (id: string, v: number) => ({ id, typeName: 'shape', v });
const step = (seq: number, put: ReturnType<typeof rec>[], removed: string[] = []): ReplayStep => ({
  seq,
  at: seq * 1000,
  author: 'ana',
  put,
  removed,
});

/** Fifty steps over a few records: writes, rewrites and removals. */
const steps: ReplayStep[] = Array.from({ length: 50 }, (_, i) =>
  step(i + 1, [rec(`shape:${i % 7}`, i)], i % 11 === 10 ? [`shape:${(i + 3) % 7}`] : []),
);

/** The obvious reconstruction: every step from the start. */
function naive(position: number) {
  const state = new Map<string, unknown>();
  for (const s of steps.slice(0, position)) {
    for (const id of s.removed) state.delete(id);
    for (const r of s.put) state.set(r.id, r);
  }
  return state;
}

describe('ReplayTimeline', () => {
  it('rebuilds the board at every position, whatever the checkpoint spacing', () => {
    for (const every of [1, 4, 64]) {
      const timeline = new ReplayTimeline(steps, every);
      for (let p = 0; p <= timeline.end; p++) expect(new Map(timeline.recordsAt(p))).toEqual(naive(p));
    }
  });

  it('clamps positions and finds the position of a time', () => {
    const timeline = new ReplayTimeline(steps, 8);
    expect(timeline.recordsAt(-3).size).toBe(0);
    expect(new Map(timeline.recordsAt(999))).toEqual(naive(50));
    expect(timeline.positionAt(0)).toBe(0);
    expect(timeline.positionAt(3000)).toBe(3);
    expect(timeline.positionAt(3500)).toBe(3);
    expect(timeline.positionAt(1e9)).toBe(50);
    expect(timeline.timeAt(3)).toBe(3000);
    expect(timeline.timeAt(0)).toBe(1000);
    expect(new ReplayTimeline([]).timeAt(0)).toBeNull();
  });

  it('tells a renderer what changed between two positions by identity', () => {
    const timeline = new ReplayTimeline(steps, 8);
    const from = timeline.recordsAt(20);
    const to = timeline.recordsAt(23);
    // Steps 21–23 write shapes 6, 0 and 1, and remove shape 3.
    const { put, removed } = diffRecords(from, to);
    expect(put.map((r) => r.id).sort()).toEqual(['shape:0', 'shape:1', 'shape:6']);
    expect(removed).toEqual(['shape:3']);
    const back = diffRecords(to, from);
    expect(back.put.map((r) => r.id).sort()).toEqual(['shape:0', 'shape:1', 'shape:3', 'shape:6']);
    expect(back.removed).toEqual([]);
    expect(diffRecords(timeline.recordsAt(21), timeline.recordsAt(21))).toEqual({ put: [], removed: [] });
  });

  it('parses as the replay route answers', () => {
    expect(() => BoardReplaySchema.parse({ groupId: 'g', boardId: 'b', steps, timeline: [] })).not.toThrow();
  });
});
