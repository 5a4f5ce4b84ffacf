import { describe, expect, it } from 'vitest';
import { MAX_PAGE_COORDINATE } from '@conjecture/shared/board/index';
import { placementPoint } from './placement.js';

const view = { x: 0, y: 0, w: 1000, h: 600 };

describe('where a posted draft lands', () => {
  it('keeps its place when that place is in the group board’s view', () => {
    expect(placementPoint({ x: 100, y: 100, w: 200, h: 100 }, view)).toEqual({ x: 200, y: 150 });
  });

  it('goes to the middle of the view when it would be off-screen, even partly', () => {
    expect(placementPoint({ x: 5000, y: 100, w: 200, h: 100 }, view)).toEqual({ x: 500, y: 300 });
    expect(placementPoint({ x: 900, y: 100, w: 200, h: 100 }, view)).toEqual({ x: 500, y: 300 });
    expect(placementPoint({ x: 100, y: -20, w: 200, h: 100 }, { ...view, x: -400 })).toEqual({
      x: 100,
      y: 300,
    });
  });

  it('is a finite point inside the page even for boxes at NaN, Infinity or beyond the page', () => {
    expect(placementPoint({ x: NaN, y: 0, w: 10, h: 10 }, view)).toEqual({ x: 500, y: 300 });
    expect(placementPoint({ x: 1e308, y: 0, w: 1e308, h: 10 }, { ...view, x: 1e308 })).toEqual({
      x: MAX_PAGE_COORDINATE,
      y: 300,
    });
    expect(placementPoint({ x: 0, y: 0, w: 10, h: 10 }, { x: -Infinity, y: 0, w: 10, h: 10 })).toEqual({
      x: 0,
      y: 5,
    });
  });

  it('goes to the middle when it is larger than the view', () => {
    expect(placementPoint({ x: -10, y: -10, w: 2000, h: 1000 }, view)).toEqual({ x: 500, y: 300 });
  });
});
