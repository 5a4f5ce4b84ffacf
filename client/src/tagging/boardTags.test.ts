import { describe, expect, it } from 'vitest';
import type { ContributionTag } from '@conjecture/shared';
import { BoardTagStore, moveName } from './boardTags.js';
import { upsertTag } from './useClassTags.js';

const tag = (over: Partial<ContributionTag> = {}): ContributionTag => ({
  contributionId: 'board:b1:shape:a',
  classId: 'class-0001',
  groupId: 'group-001',
  boardId: 'b1',
  shapeId: 'shape:a',
  kind: 'board_text',
  author: 'student-01',
  role: 'student',
  text: 'I think 3/4 is bigger',
  move: 'making_a_claim',
  confidence: 0.8,
  questionType: null,
  question: false,
  cues: [],
  taggedAt: 1000,
  corrected: null,
  ...over,
});

describe('BoardTagStore', () => {
  it('shows the student-friendly name of each shape’s move, and no chip for none', () => {
    const store = new BoardTagStore('b1');
    store.apply(tag(), tag({ shapeId: 'shape:b', contributionId: 'x', move: 'none' }));
    expect([...store.getSnapshot()]).toEqual([['shape:a', 'Claim']]);
  });

  it('lets the teacher’s correction override the model’s move', () => {
    const store = new BoardTagStore('b1');
    store.apply(tag());
    store.apply(
      tag({
        corrected: { move: 'providing_evidence_reasoning', questionType: null, question: false, at: 2000 },
      }),
    );
    expect(store.getSnapshot().get('shape:a')).toBe('Reasoning');
    store.apply(tag({ corrected: { move: 'none', questionType: null, question: false, at: 3000 } }));
    expect(store.getSnapshot().has('shape:a')).toBe(false);
  });

  it('ignores other boards, tags without a shape, and an older copy arriving after a newer one', () => {
    const store = new BoardTagStore('b1');
    store.apply(tag({ taggedAt: 5000, move: 'asking_for_more_info' }));
    store.apply(tag({ boardId: 'b2', shapeId: 'shape:z' }), tag({ shapeId: null }), tag({ taggedAt: 1000 }));
    expect([...store.getSnapshot()]).toEqual([['shape:a', 'Asking']]);
  });

  it('notifies listeners only when a chip changes, keeping the snapshot otherwise', () => {
    const store = new BoardTagStore('b1');
    let calls = 0;
    store.subscribe(() => calls++);
    store.apply(tag());
    const first = store.getSnapshot();
    store.apply(tag({ taggedAt: 2000, confidence: 0.9 })); // re-tagged, same chip
    expect(calls).toBe(1);
    expect(store.getSnapshot()).toBe(first);
  });
});

describe('tag helpers', () => {
  it('names moves for chips', () => {
    expect(moveName('relating_to_another_student')).toBe('Building on');
    expect(moveName('none')).toBe('');
    expect(moveName('toString')).toBe('');
  });

  it('replaces a tag by contribution id or appends it', () => {
    const a = tag();
    const b = tag({ contributionId: 'other' });
    const corrected = tag({ corrected: { move: 'none', questionType: null, question: false, at: 2 } });
    expect(upsertTag([a, b], corrected)).toEqual([corrected, b]);
    expect(upsertTag([a], b)).toEqual([a, b]);
  });
});
