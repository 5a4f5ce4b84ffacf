import { describe, expect, it } from 'vitest';
import { findGroupNameClash, groupNameKey, nextDefaultGroupName } from './groupNames.js';

const groups = [
  { groupId: 'g1', name: 'Tigers' },
  { groupId: 'g2', name: 'Group 2' },
];

describe('group names', () => {
  it('clash regardless of case and Unicode composition', () => {
    expect(findGroupNameClash(groups, 'tIGERS')?.groupId).toBe('g1');
    expect(groupNameKey('Caf\u00e9')).toBe(groupNameKey('Cafe\u0301'));
    expect(findGroupNameClash(groups, 'Lions')).toBeUndefined();
  });

  it('never clash with the group being renamed (changing only the case is a rename)', () => {
    expect(findGroupNameClash(groups, 'TIGERS', 'g1')).toBeUndefined();
    expect(findGroupNameClash(groups, 'group 2', 'g1')?.groupId).toBe('g2');
  });

  it('default to the first free "Group N" after the count', () => {
    expect(nextDefaultGroupName([])).toBe('Group 1');
    expect(nextDefaultGroupName(groups)).toBe('Group 3');
    expect(nextDefaultGroupName([...groups, { groupId: 'g3', name: 'group 3' }])).toBe('Group 4');
  });
});
