import { describe, expect, it } from 'vitest';
import { isInsidePage, MAX_PAGE_COORDINATE, placeInsidePage } from './placement.js';

describe('placements inside the page', () => {
  const size = { w: 320, h: 200 };

  it('keeps a point whose box fits', () => {
    expect(placeInsidePage({ x: 10, y: -20 }, size, { x: 0, y: 0 })).toEqual({ x: 10, y: -20 });
    expect(isInsidePage({ x: MAX_PAGE_COORDINATE - 320, y: 0 }, size)).toBe(true);
  });

  it('falls back for a point beside a shape at 1e308, at MAX_VALUE, or NaN', () => {
    for (const x of [1e308 + 140, Number.MAX_VALUE * 2, Number.NaN, -Infinity, MAX_PAGE_COORDINATE - 100])
      expect(placeInsidePage({ x, y: 50 }, size, { x: -400, y: 480 })).toEqual({ x: -400, y: 480 });
  });

  it('clamps a fallback that is outside the page too, and never returns a non-finite number', () => {
    expect(placeInsidePage({ x: Infinity, y: 0 }, size, { x: 0, y: 1e12 })).toEqual({
      x: 0,
      y: MAX_PAGE_COORDINATE - 200,
    });
    expect(placeInsidePage({ x: NaN, y: NaN }, size, { x: NaN, y: -Infinity })).toEqual({ x: 0, y: 0 });
  });
});
