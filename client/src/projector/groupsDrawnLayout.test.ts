import { describe, expect, it } from 'vitest';
import {
  DRAW_FONT_MAX_PX,
  DRAW_FONT_MIN_PX,
  columnChoices,
  largestFittingFont,
} from './groupsDrawnLayout.js';

describe('the projector’s groups drawn at random', () => {
  it('tries every column count from the widest (at most six) to one, widest first', () => {
    expect(columnChoices(1)).toEqual([1]);
    expect(columnChoices(4)).toEqual([4, 3, 2, 1]);
    expect(columnChoices(8)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(columnChoices(0)).toEqual([1]);
  });

  it('takes the largest type that fits, and never goes below the least readable', () => {
    expect(largestFittingFont(() => true)).toBe(DRAW_FONT_MAX_PX);
    expect(largestFittingFont((px) => px <= 27)).toBe(26);
    expect(largestFittingFont(() => false)).toBe(DRAW_FONT_MIN_PX);
  });
});
