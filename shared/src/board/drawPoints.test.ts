import { describe, expect, it } from 'vitest';
import { b64Vecs } from '@tldraw/tlschema';
import { strokesExtended } from './drawPoints.js';

type Pt = { x: number; y: number; z?: number };
const line = (n: number, from = 0): Pt[] =>
  Array.from({ length: n }, (_, i) => ({ x: from + i * 3, y: i * 2, z: 0.5 }));
const segment = (points: Pt[], dim?: 2, type = 'free') => ({
  type,
  path: b64Vecs.encodePoints(points, dim),
  ...(dim ? { dim } : {}),
});

describe('whether a drawing’s strokes are carried on', () => {
  for (const dim of [undefined, 2] as const) {
    describe(`encoded with ${dim ?? 3} dimensions`, () => {
      it('is so while the draw tool draws: a point added, the last one moved, a segment added', () => {
        const drawn = line(40);
        expect(strokesExtended([segment(drawn, dim)], [segment(line(41), dim)])).toBe(true);
        const lastMoved = [...drawn.slice(0, -1), { x: 999, y: -5, z: 0.5 }];
        expect(strokesExtended([segment(drawn, dim)], [segment(lastMoved, dim)])).toBe(true);
        const shiftClicked = [
          segment(drawn, dim),
          segment([drawn[39]!, { x: 500, y: 500 }], dim, 'straight'),
        ];
        expect(strokesExtended([segment(drawn, dim)], shiftClicked)).toBe(true);
        // a straight segment being dragged: its end moves, its start stays
        const dragged = [segment(drawn, dim), segment([drawn[39]!, { x: 20, y: 700 }], dim, 'straight')];
        expect(strokesExtended(shiftClicked, dragged)).toBe(true);
        expect(strokesExtended(shiftClicked, shiftClicked)).toBe(true);
      });

      it('is not so for strokes replaced, cut down or moved', () => {
        const drawn = [segment(line(40), dim)];
        expect(strokesExtended(drawn, [segment(line(40, 7), dim)])).toBe(false); // another drawing
        expect(strokesExtended(drawn, [segment(line(60, 7), dim)])).toBe(false);
        expect(strokesExtended(drawn, [segment(line(1), dim)])).toBe(false); // cut to a dot
        expect(strokesExtended(drawn, [segment(line(20), dim)])).toBe(false);
        expect(strokesExtended(drawn, [])).toBe(false);
        const earlierChanged = [segment(line(40, 1), dim), segment(line(5), dim)];
        expect(strokesExtended([segment(line(40), dim), segment(line(5), dim)], earlierChanged)).toBe(false);
      });
    });
  }

  it('is not so when a segment’s kind or encoding changes', () => {
    expect(strokesExtended([segment(line(40))], [segment(line(40), undefined, 'straight')])).toBe(false);
    expect(strokesExtended([segment(line(40))], [segment(line(40), 2)])).toBe(false);
  });

  it('is so for a drawing that had no strokes yet, or a dot whose one point moves', () => {
    expect(strokesExtended([], [segment(line(3))])).toBe(true);
    expect(strokesExtended(undefined, [segment(line(3))])).toBe(true);
    expect(strokesExtended([segment(line(1))], [segment(line(1, 50))])).toBe(true);
  });
});
