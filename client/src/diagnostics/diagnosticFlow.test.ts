import { describe, expect, it } from 'vitest';
import type { StudentDiagnostic } from '@conjecture/shared';
import {
  addPair,
  firstUnansweredIndex,
  moveStudent,
  parsePastedJson,
  removePair,
  withNames,
} from './diagnosticFlow.js';

const item = (itemId: string) => ({
  itemId,
  stem: `Stem ${itemId}`,
  stemLatex: null,
  options: [
    { optionId: 'a', text: 'A', latex: null },
    { optionId: 'b', text: 'B', latex: null },
  ],
});
const diagnostic = (answeredIds: string[]): StudentDiagnostic => ({
  title: 'T',
  items: ['i1', 'i2', 'i3'].map(item),
  answered: answeredIds.map((itemId) => ({ itemId, optionId: 'a', confidence: 2 })),
  complete: answeredIds.length === 3,
  summary: null,
});

describe('firstUnansweredIndex', () => {
  it('resumes at the first item without an answer, in bank order, even after a gap', () => {
    expect(firstUnansweredIndex(diagnostic([]))).toBe(0);
    expect(firstUnansweredIndex(diagnostic(['i1']))).toBe(1);
    expect(firstUnansweredIndex(diagnostic(['i1', 'i3']))).toBe(1);
    expect(firstUnansweredIndex(diagnostic(['i1', 'i2', 'i3']))).toBeNull();
  });
});

describe('moveStudent', () => {
  const groups = [['a', 'b'], ['c', 'd'], ['e']];
  it('moves a student into another group without touching the others', () => {
    expect(moveStudent(groups, 'a', 1)).toEqual([['b'], ['c', 'd', 'a'], ['e']]);
    expect(groups).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });
  it('drops a group the move empties, and ignores moves to the same or an unknown group', () => {
    expect(moveStudent(groups, 'e', 0)).toEqual([
      ['a', 'b', 'e'],
      ['c', 'd'],
    ]);
    expect(moveStudent(groups, 'c', 1)).toBe(groups);
    expect(moveStudent(groups, 'zz', 0)).toBe(groups);
    expect(moveStudent(groups, 'a', 7)).toBe(groups);
  });
});

describe('parsePastedJson', () => {
  it('says when the pasted text is not JSON', () => {
    expect(parsePastedJson('{"id": 1}')).toEqual({ ok: true, value: { id: 1 } });
    const broken = parsePastedJson('{"id": ');
    expect(broken.ok).toBe(false);
  });
});

describe('keep-apart and keep-together pairs for a proposal', () => {
  const none = { keepApart: [], keepTogether: [] };

  it('adds a pair once, in either order, and never a student with themself', () => {
    const one = addPair(none, 'keepApart', 'ana', 'ben');
    expect(one.keepApart).toEqual([['ana', 'ben']]);
    expect(addPair(one, 'keepApart', 'ben', 'ana')).toBe(one);
    expect(addPair(one, 'keepApart', 'ana', 'ana')).toBe(one);
    expect(addPair(one, 'keepApart', '', 'ana')).toBe(one);
    // The opposite wish is kept: the engine reports the conflict by name.
    expect(addPair(one, 'keepTogether', 'ana', 'ben')).toEqual({
      keepApart: [['ana', 'ben']],
      keepTogether: [['ana', 'ben']],
    });
  });

  it('removes the pair at an index', () => {
    const two = addPair(addPair(none, 'keepTogether', 'a', 'b'), 'keepTogether', 'c', 'd');
    expect(removePair(two, 'keepTogether', 0).keepTogether).toEqual([['c', 'd']]);
  });

  it('puts names in place of student ids in the engine’s messages', () => {
    const students = [
      { studentId: 'stud-1', displayName: 'Ana' },
      { studentId: 'stud-12', displayName: 'Ben' },
    ];
    expect(withNames('keepApart [stud-12, stud-1] conflicts', students)).toBe(
      'keepApart [Ben, Ana] conflicts',
    );
  });
});
