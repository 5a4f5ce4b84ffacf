import { describe, expect, it } from 'vitest';
import { freeBoxNear } from './freeSpace.js';

const view = { x: 0, y: 0, w: 1000, h: 800 };
const box = { x: 450, y: 350, w: 100, h: 100 };

describe('freeBoxNear', () => {
  it('keeps a box where it is when it covers nothing', () => {
    expect(freeBoxNear(box, [{ x: 0, y: 0, w: 100, h: 100 }], view, 10)).toEqual({ x: 450, y: 350 });
  });

  it('moves a box off the work it landed on, to the nearest clear place, keeping the gap', () => {
    const work = { x: 400, y: 300, w: 200, h: 200 };
    const to = freeBoxNear(box, [work], view, 10);
    const spot = { ...to, w: 100, h: 100 };
    const apart =
      spot.x >= work.x + work.w + 10 ||
      work.x >= spot.x + spot.w + 10 ||
      spot.y >= work.y + work.h + 10 ||
      work.y >= spot.y + spot.h + 10;
    expect(apart).toBe(true);
    // one step over or down, not a far corner: within two boxes of where it was
    expect(Math.hypot(to.x - box.x, to.y - box.y)).toBeLessThanOrEqual(2 * 110 * Math.SQRT2);
  });

  it('stays inside the view', () => {
    const work = { x: 0, y: 0, w: 1000, h: 700 }; // everything but a strip along the bottom
    const to = freeBoxNear({ x: 450, y: 350, w: 100, h: 50 }, [work], view, 10);
    expect(to.y).toBeGreaterThanOrEqual(710);
    expect(to.y + 50).toBeLessThanOrEqual(800);
  });

  it('keeps its own place when nothing in view is clear', () => {
    expect(freeBoxNear(box, [view], view, 10)).toEqual({ x: 450, y: 350 });
  });
});
