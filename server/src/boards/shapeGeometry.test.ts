import { describe, expect, it } from 'vitest';
import { arrowShape, geoShape } from '../test/records.js';
import {
  cloudBumps,
  drawingWeight,
  geometryRefusal,
  MAX_CLOUD_BUMPS,
  MAX_SHAPE_EXTENT,
} from './shapeGeometry.js';

type Props = Record<string, unknown>;
const withProps = (shape: Record<string, unknown>, props: Props) => ({
  ...shape,
  props: { ...(shape.props as Props), ...props },
});
const cloud = (w: number, h: number, more: Props = {}) =>
  withProps(geoShape('shape:c'), { geo: 'cloud', w, h, ...more });
const refusalOf = (shape: Record<string, unknown>) => geometryRefusal(shape.id as string, shape);

describe('the outline a stock shape makes every browser work out', () => {
  it('lets what a hand draws stand: a cloud, a frame around a big board, a long arrow, a line', () => {
    expect(refusalOf(cloud(300, 180))).toBeNull();
    expect(refusalOf(cloud(10_000, 10_000, { size: 's' }))).toBeNull();
    expect(refusalOf(withProps(geoShape('shape:e'), { geo: 'ellipse', w: 20_000, h: 9_000 }))).toBeNull();
    expect(
      refusalOf(withProps(arrowShape('shape:a'), { end: { x: 40_000, y: -3_000 }, bend: 800 })),
    ).toBeNull();
    const line = {
      ...geoShape('shape:l'),
      type: 'line',
      props: {
        points: { a1: { id: 'a1', index: 'a1', x: 0, y: 0 }, a2: { id: 'a2', index: 'a2', x: 5e4, y: 0 } },
      },
    };
    expect(refusalOf(line)).toBeNull();
  });

  it('refuses a thin cloud of one bump per pixel, and a huge one', () => {
    expect(cloudBumps(cloud(100_000, 1).props as Props)).toBeGreaterThan(100_000);
    expect(refusalOf(cloud(100_000, 1))).toMatch(/a cloud of \d+ bumps/);
    expect(refusalOf(cloud(2_000, 0.5))).toMatch(/bumps/); // h is taken as 1 px, as tldraw does
    expect(refusalOf(cloud(90_000, 90_000, { size: 's' }))).toMatch(/bumps/);
    expect(refusalOf(cloud(200, 100, { growY: 99_000 }))).toMatch(/bumps/); // grown by its label
  });

  it('counts bumps as tldraw does: one per spacing of its size, at least six', () => {
    expect(cloudBumps(cloud(300, 180).props as Props)).toBe(Math.ceil(((Math.PI * 90 + 120) * 2) / 70));
    expect(cloudBumps(cloud(10, 10).props as Props)).toBe(6);
    expect(cloudBumps(withProps(geoShape('shape:r'), { w: 100_000, h: 1 }).props as Props)).toBe(0);
    expect(MAX_CLOUD_BUMPS).toBeGreaterThan(cloudBumps(cloud(10_000, 10_000, { size: 's' }).props as Props));
  });

  it('refuses any size, point or bend of a stock shape beyond the bound', () => {
    const far = MAX_SHAPE_EXTENT + 1;
    expect(refusalOf(withProps(geoShape('shape:e'), { geo: 'ellipse', w: 1e7, h: 1e7 }))).toMatch(
      /props\.w is beyond/,
    );
    expect(refusalOf(withProps(geoShape('shape:g'), { growY: far }))).toMatch(/props\.growY/);
    expect(refusalOf(withProps(geoShape('shape:s'), { scale: 1e300 }))).toMatch(/props\.scale/);
    expect(refusalOf(withProps(arrowShape('shape:a'), { bend: -far }))).toMatch(/props\.bend/);
    expect(refusalOf(withProps(arrowShape('shape:a'), { end: { x: 1e300, y: 0 } }))).toMatch(/props\.end\.x/);
    const line = {
      ...geoShape('shape:l'),
      type: 'line',
      props: { points: { a1: { id: 'a1', index: 'a1', x: 0, y: far } } },
    };
    expect(refusalOf(line)).toMatch(/props\.points\.a1\.y/);
  });

  it('leaves text and strokes to their length bounds, and our own shapes to their validators', () => {
    const label = { type: 'doc', content: [{ type: 'heading', attrs: { level: 1e6 } }] };
    expect(refusalOf(withProps(geoShape('shape:t'), { richText: label }))).toBeNull();
    const plane = {
      ...geoShape('shape:p'),
      type: 'coordinatePlane',
      props: { window: { xMin: -1e6, xMax: 1e6 } },
    };
    expect(refusalOf(plane)).toBeNull();
    expect(
      geometryRefusal('binding:b', { typeName: 'binding', type: 'arrow', props: { x: 1e9 } }),
    ).toBeNull();
  });
});

describe('what a record weighs for every browser that loads the board', () => {
  it('is one for an ordinary shape, a binding, a page, and our own shapes', () => {
    expect(drawingWeight(geoShape('shape:r'))).toBe(1);
    expect(drawingWeight(cloud(300, 180))).toBe(1);
    expect(drawingWeight(arrowShape('shape:a'))).toBe(1);
    expect(drawingWeight({ typeName: 'binding', type: 'arrow', props: {} })).toBe(1);
    expect(drawingWeight({ typeName: 'shape', type: 'numberLine', props: { w: 9_000 } })).toBe(1);
    expect(drawingWeight(null)).toBe(1);
  });

  it('grows with a stroke’s points: one drawn by hand weighs 1', () => {
    const stroke = (chars: number) => ({
      ...geoShape('shape:d'),
      type: 'draw',
      props: { segments: [{ type: 'free', path: 'A'.repeat(chars) }], scale: 1 },
    });
    expect(drawingWeight(stroke(4_000))).toBe(1);
    expect(drawingWeight(stroke(144_000))).toBe(5);
  });

  it('grows with a cloud’s bumps and an outline’s length', () => {
    expect(drawingWeight(cloud(800, 1))).toBe(17); // 1,600 bumps
    expect(drawingWeight(withProps(geoShape('shape:e'), { geo: 'ellipse', w: 1e5, h: 1e5 }))).toBe(5);
    expect(drawingWeight(withProps(arrowShape('shape:a'), { end: { x: 90_000, y: 0 }, bend: 90_000 }))).toBe(
      3,
    );
    expect(
      drawingWeight(
        withProps(arrowShape('shape:a'), { start: { x: -50_000, y: 0 }, end: { x: 50_000, y: 0 } }),
      ),
    ).toBe(2);
  });
});
