import { describe, expect, it } from 'vitest';
import {
  COORDINATE_PLANE_DEFAULT_PROPS,
  COORDINATE_PLANE_TYPE,
  coordinatePlaneMigrationIds,
  MAX_PLANE_FUNCTIONS,
  MAX_PLANE_POINTS,
  planeWindowProblem,
} from './coordinatePlane.js';
import { MAX_EXPRESSION_CHARS } from '../domain/math/tokens.js';
import { migrationRoundTrip, shapeError, shapeRecord } from './shapeRecordFixtures.js';

const base = COORDINATE_PLANE_DEFAULT_PROPS;
const win = base.window;
const fns = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `f${i}`, text: `${i}x`, color: 'red' }));
const pts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, x: i, y: -i, label: `P${i}` }));

describe('coordinate plane props', () => {
  it('accepts the default, the most points and functions, and a function that does not parse', () => {
    expect(shapeError(COORDINATE_PLANE_TYPE, base)).toBeNull();
    expect(shapeError(COORDINATE_PLANE_TYPE, { ...base, points: pts(MAX_PLANE_POINTS) })).toBeNull();
    expect(shapeError(COORDINATE_PLANE_TYPE, { ...base, functions: fns(MAX_PLANE_FUNCTIONS) })).toBeNull();
    // stored as typed: the shape shows the parse error, the record is fine
    const broken = [{ id: 'f1', text: '2x+)', color: 'blue' }];
    expect(shapeError(COORDINATE_PLANE_TYPE, { ...base, functions: broken })).toBeNull();
    const longest = [{ id: 'f1', text: 'x'.repeat(MAX_EXPRESSION_CHARS), color: 'blue' }];
    expect(shapeError(COORDINATE_PLANE_TYPE, { ...base, functions: longest })).toBeNull();
    const money = { xMin: 0, xMax: 100, yMin: 0, yMax: 5000, xStep: 10, yStep: 500 };
    expect(shapeError(COORDINATE_PLANE_TYPE, { ...base, window: money })).toBeNull();
  });

  it.each([
    ['xMin equal to xMax', { window: { ...win, xMin: 1, xMax: 1 } }],
    ['yMin above yMax', { window: { ...win, yMin: 5, yMax: -5 } }],
    ['a zero grid step', { window: { ...win, xStep: 0 } }],
    ['a negative grid step', { window: { ...win, yStep: -1 } }],
    ['a grid of a million lines', { window: { ...win, xMin: 0, xMax: 1_000_000, xStep: 1 } }],
    ['a tiny grid step', { window: { ...win, yStep: 1e-9 } }],
    ['an infinite bound', { window: { ...win, xMax: Infinity } }],
    ['a NaN bound', { window: { ...win, yMin: NaN } }],
    ['a bound past the limit', { window: { ...win, xMax: 1e12, xStep: 1e10 } }],
    ['a missing window field', { window: { xMin: -1, xMax: 1, yMin: -1, yMax: 1, xStep: 1 } }],
    ['too many points', { points: pts(MAX_PLANE_POINTS + 1) }],
    ['too many functions', { functions: fns(MAX_PLANE_FUNCTIONS + 1) }],
    [
      'function text too long',
      { functions: [{ id: 'f1', text: 'x'.repeat(MAX_EXPRESSION_CHARS + 1), color: 'blue' }] },
    ],
    ['function text not a string', { functions: [{ id: 'f1', text: 42, color: 'blue' }] }],
    ['an unknown colour', { functions: [{ id: 'f1', text: 'x', color: 'url(javascript:1)' }] }],
    [
      'two functions with one id',
      {
        functions: [
          { id: 'f1', text: 'x', color: 'blue' },
          { id: 'f1', text: '2x', color: 'red' },
        ],
      },
    ],
    ['a point at NaN', { points: [{ id: 'p1', x: NaN, y: 0, label: 'A' }] }],
    ['a point at -Infinity', { points: [{ id: 'p1', x: 0, y: -Infinity, label: 'A' }] }],
    ['points not an array', { points: {} }],
  ])('refuses %s', (_name, change) => {
    expect(shapeError(COORDINATE_PLANE_TYPE, { ...base, ...change })).not.toBeNull();
  });

  it('says why a window is refused', () => {
    expect(planeWindowProblem({ ...win, xMin: 3, xMax: 2 })).toBe('x min must be less than x max');
    expect(planeWindowProblem({ ...win, yStep: 0.01 })).toBe(
      'that makes too many grid lines; at most 200 each way',
    );
    expect(planeWindowProblem(win)).toBeNull();
  });

  it('migrates a record up and down unchanged', () => {
    const record = shapeRecord(COORDINATE_PLANE_TYPE, { ...base, points: pts(2) });
    const { up, down, currentVersion } = migrationRoundTrip(
      `com.tldraw.shape.${COORDINATE_PLANE_TYPE}`,
      record,
    );
    expect(currentVersion).toBe(Object.keys(coordinatePlaneMigrationIds).length);
    expect(up).toEqual(record);
    expect(down).toEqual(record);
  });
});
