import { describe, expect, it } from 'vitest';
import { DRAW_FONT_MAX_PX, DRAW_FONT_MIN_PX, drawColumns, largestFittingFont } from './groupsDrawnLayout.js';

describe('the projector’s groups drawn at random', () => {
  it('sets up to four groups side by side, then two rows, then three, never more than six columns', () => {
    expect([1, 2, 3, 4].map(drawColumns)).toEqual([1, 2, 3, 4]);
    expect([5, 6, 7, 8].map(drawColumns)).toEqual([3, 3, 4, 4]);
    expect([9, 12, 15, 18, 30].map(drawColumns)).toEqual([3, 4, 5, 6, 6]);
    expect(drawColumns(0)).toBe(1);
  });

  it('takes the largest type that fits, and never goes below the least readable', () => {
    expect(largestFittingFont(() => true)).toBe(DRAW_FONT_MAX_PX);
    expect(largestFittingFont((px) => px <= 27)).toBe(26);
    expect(largestFittingFont(() => false)).toBe(DRAW_FONT_MIN_PX);
  });
});
