import { describe, expect, it } from 'vitest';
import { b64Vecs } from '@tldraw/tlschema';
import { strokeTakenAway } from './drawPoints.js';

const stroke = (n: number, dim?: 3) => ({
  props: {
    segments: [
      {
        type: 'free',
        path: b64Vecs.encodePoints(Array.from({ length: n }, (_, i) => ({ x: i * 3, y: i * 2, z: 0.5 }))),
        ...(dim ? { dim } : {}),
      },
    ],
  },
});

describe('whether a rewrite takes a drawing away', () => {
  it('is so when fewer than half of its points are left', () => {
    expect(strokeTakenAway(stroke(200), stroke(1))).toBe(true);
    expect(strokeTakenAway(stroke(200), stroke(99))).toBe(true);
    expect(strokeTakenAway(stroke(200), { props: { segments: [] } })).toBe(true);
  });

  it('is not so for a stroke that grows, keeps its points, or loses a few', () => {
    expect(strokeTakenAway(stroke(10), stroke(200))).toBe(false);
    expect(strokeTakenAway(stroke(200), stroke(200))).toBe(false);
    expect(strokeTakenAway(stroke(200), stroke(150))).toBe(false);
  });

  it('is not so for a shape without a stroke', () => {
    expect(strokeTakenAway({ props: { w: 10 } }, { props: { w: 1 } })).toBe(false);
    expect(strokeTakenAway(undefined, undefined)).toBe(false);
  });
});
