import { describe, expect, it } from 'vitest';
import { freeSpotNear, indexAboveAll, shapeBox, type Box } from './freeSpot.js';
import { isInsidePage, MAX_PAGE_COORDINATE } from './placement.js';

const size = { w: 320, h: 200 };
const gap = 40;
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('a free spot near the anchor', () => {
  const anchor = { x: 0, y: 0, w: 200, h: 100 };

  it('is right beside the anchor when that is free', () => {
    expect(freeSpotNear(anchor, size, [anchor], gap)).toEqual({ x: 240, y: 0 });
  });

  it('goes around shapes that fill the right side, staying near and overlapping nothing', () => {
    const right = { x: 220, y: -200, w: 600, h: 600 };
    const spot = freeSpotNear(anchor, size, [anchor, right], gap);
    expect(spot).not.toBeNull();
    const box = { ...spot!, ...size };
    expect(overlaps(box, right)).toBe(false);
    expect(overlaps(box, anchor)).toBe(false);
    expect(Math.hypot(box.x - anchor.x, box.y - anchor.y)).toBeLessThan(600);
  });

  it('finds space on a crowded board, never on top of work', () => {
    // A grid of shapes all around the anchor, with one hole far below.
    const work: Box[] = [];
    for (let i = -3; i <= 3; i++)
      for (let j = -3; j <= 3; j++)
        if (i !== 0 || j !== 0) work.push({ x: i * 260, y: j * 160, w: 240, h: 140 });
    const spot = freeSpotNear(anchor, size, [anchor, ...work], gap)!;
    for (const w of [anchor, ...work]) expect(overlaps({ ...spot, ...size }, w)).toBe(false);
  });

  it('stays inside the page next to an anchor at its edge', () => {
    const edge = { x: MAX_PAGE_COORDINATE - 100, y: 0, w: 100, h: 100 };
    const spot = freeSpotNear(edge, size, [edge], gap);
    expect(spot && isInsidePage(spot, size)).toBe(true);
  });
});

describe('shape boxes', () => {
  it('reads size from props (times scale), a default for unsized shapes, and skips non-page or non-finite ones', () => {
    const shape = (extra: object) => ({ typeName: 'shape', parentId: 'page:page', x: 10, y: 20, ...extra });
    expect(shapeBox(shape({ props: { w: 100, h: 50, scale: 2 } }))).toEqual({ x: 10, y: 20, w: 200, h: 100 });
    expect(shapeBox(shape({ props: {} }))).toEqual({ x: 10, y: 20, w: 200, h: 100 });
    expect(shapeBox(shape({ parentId: 'shape:frame' }))).toBeNull();
    expect(shapeBox(shape({ x: Infinity }))).toBeNull();
    expect(shapeBox({ typeName: 'binding' })).toBeNull();
  });
});

describe('the index above all', () => {
  it('is above every shape on the page', () => {
    const shapes = ['a1', 'a5', 'a3V'].map((index) => ({ typeName: 'shape', parentId: 'page:page', index }));
    const top = indexAboveAll(shapes);
    for (const s of shapes) expect(top > s.index).toBe(true);
    expect(indexAboveAll([])).toBe('a0');
  });

  it('survives a stored shape with an invalid index', () => {
    expect(typeof indexAboveAll([{ typeName: 'shape', parentId: 'page:page', index: '' }])).toBe('string');
  });
});
