import { describe, expect, it } from 'vitest';
import { DEFAULT_ITEM_BANK } from '../diagnostics/defaultBank.js';
import { scoreDiagnostic, type DiagnosticProfile } from '../diagnostics/profile.js';
import { placeLateStudent, type LateStudentInput } from './lateStudent.js';

const bank = DEFAULT_ITEM_BANK;
/** Every item answered with its first or its last option: two opposite profiles. */
const answering = (pick: 'first' | 'last'): DiagnosticProfile =>
  scoreDiagnostic(
    bank,
    bank.items.map((item) => ({
      itemId: item.id,
      optionId: (pick === 'first' ? item.options[0] : item.options.at(-1))!.id,
      confidence: 3,
    })),
  );

/** A class of groups (member ids per group id) and Xia, who joined after they were published. */
function lateClass(
  groups: Record<string, string[]>,
  options: Partial<LateStudentInput> & { profiles?: Record<string, DiagnosticProfile> } = {},
): LateStudentInput {
  const grouped = Object.entries(groups).flatMap(([groupId, ids]) => ids.map((id) => ({ id, groupId })));
  const students = [...grouped, { id: 'xia', groupId: null }].map((s) => ({
    ...s,
    profile: options.profiles?.[s.id] ?? null,
  }));
  return {
    bank,
    students,
    groupIds: Object.keys(groups),
    arrival: 'xia',
    mode: 'mix',
    keepApart: [],
    keepTogether: [],
    seed: 1,
    ...options,
  };
}

describe('a student who joins after the groups were published', () => {
  it('goes into the smallest group', () => {
    const placement = placeLateStudent(lateClass({ g1: ['ana', 'ben', 'cai'], g2: ['dev', 'eli'] }));
    expect(placement).toEqual({ ok: true, groupId: 'g2' });
  });

  it('goes where the groups’ mode wants them: with others alike (similar) or unlike (mix)', () => {
    const [right, wrong] = [answering('first'), answering('last')];
    const profiles = { ana: right, ben: right, dev: wrong, eli: wrong, xia: wrong };
    const groups = { g1: ['ana', 'ben'], g2: ['dev', 'eli'] };
    expect(placeLateStudent(lateClass(groups, { profiles, mode: 'similar' }))).toEqual({
      ok: true,
      groupId: 'g2',
    });
    expect(placeLateStudent(lateClass(groups, { profiles, mode: 'mix' }))).toEqual({
      ok: true,
      groupId: 'g1',
    });
  });

  it('is kept apart from, or together with, whom the teacher said', () => {
    const groups = { g1: ['ana', 'ben'], g2: ['dev', 'eli'], g3: ['fay', 'gus'] };
    const apart = lateClass(groups, {
      keepApart: [
        ['xia', 'ana'],
        ['dev', 'xia'],
      ],
    });
    expect(placeLateStudent(apart)).toEqual({ ok: true, groupId: 'g3' });
    const together = lateClass(groups, { keepTogether: [['eli', 'xia']] });
    expect(placeLateStudent(together)).toEqual({ ok: true, groupId: 'g2' });
    // A pair naming someone no longer in the class is ignored.
    const gone = lateClass({ g1: ['ana'] }, { keepApart: [['xia', 'left-the-class']] });
    expect(placeLateStudent(gone)).toEqual({ ok: true, groupId: 'g1' });
  });

  it('waits for the teacher when no group can take them, and never goes alone into an empty group', () => {
    expect(placeLateStudent(lateClass({ empty: [] }))).toEqual({
      ok: false,
      reason: 'no group has anyone in it yet',
    });
    expect(placeLateStudent(lateClass({ empty: [], g1: ['ana'] }))).toEqual({ ok: true, groupId: 'g1' });
    const full = { g1: ['a1', 'a2', 'a3', 'a4', 'a5'], g2: ['b1', 'b2', 'b3', 'b4', 'b5'] };
    expect(placeLateStudent(lateClass(full))).toEqual({
      ok: false,
      reason: 'every group already has 5 students',
    });
    const apart = lateClass({ g1: ['ana'] }, { keepApart: [['xia', 'ana']] });
    expect(placeLateStudent(apart)).toMatchObject({ ok: false, reason: expect.stringMatching(/kept apart/) });
  });

  it('makes no group larger than five, or than the largest the teacher made', () => {
    const big = { g1: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], g2: ['b1', 'b2', 'b3', 'b4'] };
    expect(placeLateStudent(lateClass(big))).toEqual({ ok: true, groupId: 'g2' });
  });
});
