import { describe, expect, it } from 'vitest';
import { classSizes, groupSizes } from './plan.js';

const sum = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);

describe('plan', () => {
  it('splits students into classes of about 30', () => {
    expect(classSizes(300)).toEqual(Array(10).fill(30));
    const thousand = classSizes(1000);
    expect(thousand).toHaveLength(33);
    expect(sum(thousand)).toBe(1000);
    expect(new Set(thousand)).toEqual(new Set([31, 30]));
    expect(classSizes(12)).toEqual([12]);
  });

  it('splits a class into groups of 4–5', () => {
    expect(groupSizes(30)).toEqual([5, 5, 4, 4, 4, 4, 4]);
    // From 12 up every class size splits into groups of 4–5 (6, 7 and 11 cannot).
    for (let size = 12; size <= 40; size++) {
      const groups = groupSizes(size);
      expect(sum(groups)).toBe(size);
      expect(groups.every((g) => g >= 4 && g <= 5)).toBe(true);
    }
    expect(groupSizes(3)).toEqual([3]);
  });
});
