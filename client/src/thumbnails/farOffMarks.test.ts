import { describe, expect, it } from 'vitest';
import { farOffMarkup } from './farOffMarks.js';

const view = { x: 0, y: 0, w: 1_000, h: 500 };
const marks = (markup: string) =>
  [...markup.matchAll(/translate\(([-\d.]+) ([-\d.]+)\) rotate\(([-\d.]+)\)/g)].map(([, x, y, a]) => ({
    x: Number(x),
    y: Number(y),
    angle: Number(a),
  }));

describe('marks toward shapes far off a view', () => {
  it('sit at the edge of the view, pointing where each shape lies', () => {
    const [right, above] = marks(
      farOffMarkup(
        [
          { x: 9_000_000, y: 250 },
          { x: 500, y: -40_000 },
        ],
        view,
        1,
      ),
    );
    expect(right).toEqual({ x: 985, y: 250, angle: 0 });
    expect(above).toEqual({ x: 500, y: 15, angle: -90 });
  });

  it('are sized for the screen at any zoom, and none is drawn for a shape the view shows', () => {
    const zoomedOut = farOffMarkup([{ x: 9_000_000, y: 250 }], view, 0.5);
    expect(marks(zoomedOut)[0]).toMatchObject({ x: 970 }); // twice the page units, the same on screen
    expect(farOffMarkup([{ x: 900, y: 100 }], view, 1)).toBe('');
    expect(farOffMarkup([], view, 1)).toBe('');
    expect(farOffMarkup([{ x: 9e6, y: 0 }], null, 1)).toBe('');
  });

  it('are at most twelve', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ x: 1e6 + i, y: i }));
    expect(marks(farOffMarkup(many, view, 1))).toHaveLength(12);
  });
});
