import { describe, expect, it } from 'vitest';
import { lodForZoom, tileOrder, topLod } from './patternTiles.js';

describe('pattern tile levels', () => {
  it('serves an effective zoom with the smallest power of two at or above it', () => {
    expect([0.05, 0.5, 1, 1.01, 2, 3, 160].map(lodForZoom)).toEqual([0, 0, 0, 1, 1, 2, 8]);
  });

  it("needs levels up to the camera's zoom range: tldraw's default 5 %–800 % is 160x, level 8", () => {
    expect(topLod([0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8])).toBe(8);
    expect(topLod([1])).toBe(0);
  });
});

describe('the order tiles are drawn in', () => {
  it("draws the view's level first, then outward (the smaller of two equally far first), one mode before the other", () => {
    const order = tileOrder(4, 2, 'dark');
    expect(order.map((t) => `${t.mode[0]}${t.lod}`)).toEqual(
      ['d2', 'd1', 'd3', 'd0', 'd4'].concat(['l2', 'l1', 'l3', 'l0', 'l4']),
    );
  });

  it('draws every tile once, whatever the current level', () => {
    for (const current of [-3, 0, 5, 8, 20]) {
      const order = tileOrder(8, current, 'light');
      expect(new Set(order.map((t) => `${t.mode}${t.lod}`)).size).toBe(18);
      expect(order[0]).toEqual({ lod: Math.min(Math.max(current, 0), 8), mode: 'light' });
    }
  });
});
