import { describe, expect, it } from 'vitest';
import { drawnGroupOf, drawnGroups, shownAsDrawn } from './randomDraw.js';

describe('a random draw shown to the class', () => {
  it('is shown only for a random grouping published as drawn (settings stored before asDrawn read as not)', () => {
    expect(shownAsDrawn({ mode: 'random', asDrawn: true })).toBe(true);
    expect(shownAsDrawn({ mode: 'random', asDrawn: false })).toBe(false);
    expect(shownAsDrawn({ mode: 'random' })).toBe(false);
    expect(shownAsDrawn({ mode: 'mix', asDrawn: true })).toBe(false);
  });

  const groups = [
    { groupId: 'g1', name: 'Group 1' },
    { groupId: 'g2', name: 'Group 2' },
    { groupId: 'g3', name: 'Group 3' },
  ];
  const students = [
    { studentId: 'ana', groupId: 'g2' },
    { studentId: 'ben', groupId: 'g1' },
    { studentId: 'cy', groupId: 'g2' },
    { studentId: 'dee', groupId: null },
  ];

  it('lists the groups as they are now, in group order, with the viewer’s names; empty groups left out', () => {
    const names = { ana: 'Ana', ben: 'Fox 2', dee: 'Dee' };
    expect(drawnGroups({ groups, students, names })).toEqual([
      { groupId: 'g1', name: 'Group 1', members: [{ studentId: 'ben', name: 'Fox 2' }] },
      {
        groupId: 'g2',
        name: 'Group 2',
        members: [
          { studentId: 'ana', name: 'Ana' },
          { studentId: 'cy', name: 'Someone' },
        ],
      },
    ]);
  });

  it('gives a student their group and the others in it, not themselves', () => {
    const drawn = drawnGroups({ groups, students, names: { ana: 'Ana', ben: 'Ben', cy: 'Cy' } });
    expect(drawnGroupOf(drawn, 'ana')).toEqual({ groupId: 'g2', name: 'Group 2', groupmates: ['Cy'] });
    expect(drawnGroupOf(drawn, 'ben')).toEqual({ groupId: 'g1', name: 'Group 1', groupmates: [] });
    expect(drawnGroupOf(drawn, 'dee')).toBeNull();
  });
});
