import { describe, expect, it } from 'vitest';
import { pseudonym, rosterLabels } from './pseudonyms.js';

describe('pseudonyms', () => {
  it('counts A…Z then AA, AB…', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(pseudonym)).toEqual([
      'Student A',
      'Student B',
      'Student Z',
      'Student AA',
      'Student AB',
      'Student AZ',
      'Student BA',
    ]);
  });

  it('replaces every real name when anonymized, and keeps them otherwise', () => {
    const students = [
      { studentId: 's1', displayName: 'Ana' },
      { studentId: 's2', displayName: 'Ben' },
    ];
    const anon = rosterLabels(students, true);
    expect(Object.values(anon)).not.toContain('Ana');
    expect(Object.values(anon)).not.toContain('Ben');
    expect(anon.s2).toBe('Student B');
    expect(rosterLabels(students, false).s1).toBe('Ana');
  });
});
