import { describe, expect, it } from 'vitest';
import { paletteColor, pickColorIndex, USER_COLORS } from './userColor.js';

describe('colours within a group', () => {
  it('gives five students joining one after another five different colours', () => {
    const group: number[] = [];
    for (let i = 0; i < 5; i++) group.push(pickColorIndex(group, null));
    expect(new Set(group).size).toBe(5);
  });

  it('keeps a student’s colour when nobody in the new group has it, changes it when someone does', () => {
    expect(pickColorIndex([0, 1], 7)).toBe(7);
    expect(pickColorIndex([0, 7], 7)).toBe(1);
  });

  it('is unique in any group up to the palette’s size, whatever colours the members came with', () => {
    // Everyone arrives with colour 3 (all moved from groups where 3 was free).
    const group: number[] = [];
    for (let i = 0; i < USER_COLORS.length; i++) group.push(pickColorIndex(group, 3));
    expect(new Set(group).size).toBe(USER_COLORS.length);
    // Past the palette: the least used.
    expect(pickColorIndex([...group, 0], null)).toBe(1);
  });

  it('ignores out-of-range and missing indexes', () => {
    expect(pickColorIndex([null, -1, 99], 99)).toBe(0);
    expect(paletteColor(null)).toBeNull();
    expect(paletteColor(1)).toBe(USER_COLORS[1]);
  });
});
