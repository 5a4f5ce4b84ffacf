import { describe, expect, it } from 'vitest';
import { workFocus, type PageBounds } from './workFocus.js';

const box = (x: number, y: number, w = 100, h = 80): PageBounds => ({
  minX: x,
  minY: y,
  maxX: x + w,
  maxY: y + h,
});
/** A group's ordinary work: a grid of shapes over about 1,200 × 900. */
const work = Array.from({ length: 30 }, (_, i) => box((i % 6) * 200, Math.floor(i / 6) * 180));

describe('where a board’s work is', () => {
  it('is every shape on an ordinary board, spread or not', () => {
    expect(workFocus(work)).toEqual({ bounds: { minX: 0, minY: 0, maxX: 1_100, maxY: 800 }, leftOut: [] });
    const spread = [...work, ...work.map((b) => ({ ...b, minX: b.minX + 6_000, maxX: b.maxX + 6_000 }))];
    expect(workFocus(spread).leftOut).toEqual([]); // two areas of work, half each: both framed
  });

  it('leaves out a shape flung far off, and says which', () => {
    const flung = [...work.slice(0, 10), box(9_000_000, -9_000_000), ...work.slice(10)];
    expect(workFocus(flung)).toEqual({ bounds: { minX: 0, minY: 0, maxX: 1_100, maxY: 800 }, leftOut: [10] });
  });

  it('leaves out a few far shapes together, but not more than a tenth of the work', () => {
    const few = [...work, box(50_000, 0), box(50_200, 100), box(-40_000, 30_000)];
    expect(workFocus(few).leftOut).toEqual([30, 31, 32]);
    const many = [...work, ...Array.from({ length: 12 }, (_, i) => box(50_000 + i * 150, 0))];
    expect(workFocus(many).leftOut).toEqual([]);
    const aTenth = [...work.slice(0, 20), box(50_000, 0), box(50_000, 200), box(50_000, 400)];
    expect(workFocus(aTenth).leftOut).toEqual([]); // 3 of 23
    expect(workFocus([box(0, 0), box(300, 0), box(9_000_000, 0)]).leftOut).toEqual([2]); // one, however few
  });

  it('frames everything when leaving out would hardly enlarge the work, or there is too little to judge', () => {
    expect(workFocus([...work, box(9_000, 0)]).leftOut).toEqual([]); // several screens off: still the work
    const longLine = box(0, 1_000, 40_000, 10); // the work already spans 40,000
    expect(workFocus([...work, longLine, box(55_000, 0)]).leftOut).toEqual([]); // hardly enlarges it
    expect(workFocus([box(0, 0), box(9_000_000, 0)]).leftOut).toEqual([]);
    expect(workFocus([])).toEqual({ bounds: null, leftOut: [] });
  });
});
