import { describe, expect, it } from 'vitest';
import {
  MAX_NUMBER_LINE_POINTS,
  MAX_NUMBER_LINE_VALUE,
  MAX_POINT_LABEL_CHARS,
  NUMBER_LINE_DEFAULT_PROPS,
  NUMBER_LINE_TYPE,
  numberLineAxisProblem,
  numberLineMigrationIds,
} from './numberLine.js';
import { migrationRoundTrip, shapeError, shapeRecord } from './shapeRecordFixtures.js';

const axis = NUMBER_LINE_DEFAULT_PROPS.axis;
const points = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, value: i / 10, label: `P${i}` }));

describe('number line props', () => {
  it('accepts the default, tenths as decimals, whole steps and the most points', () => {
    expect(shapeError(NUMBER_LINE_TYPE, NUMBER_LINE_DEFAULT_PROPS)).toBeNull();
    const tenths = { ...axis, min: -1, max: 1, tickNumerator: 1, tickDenominator: 10, tickLabels: 'decimal' };
    expect(shapeError(NUMBER_LINE_TYPE, { ...NUMBER_LINE_DEFAULT_PROPS, axis: tenths })).toBeNull();
    const fives = { ...axis, min: -100, max: 100, tickNumerator: 5, tickDenominator: 1 };
    expect(shapeError(NUMBER_LINE_TYPE, { ...NUMBER_LINE_DEFAULT_PROPS, axis: fives })).toBeNull();
    expect(
      shapeError(NUMBER_LINE_TYPE, { ...NUMBER_LINE_DEFAULT_PROPS, points: points(MAX_NUMBER_LINE_POINTS) }),
    ).toBeNull();
  });

  it.each([
    ['min equal to max', { axis: { ...axis, min: 2, max: 2 } }],
    ['min above max', { axis: { ...axis, min: 3, max: 2 } }],
    [
      'a billion ticks',
      { axis: { ...axis, min: 0, max: 1_000_000, tickNumerator: 1, tickDenominator: 100 } },
    ],
    ['201 ticks', { axis: { ...axis, min: 0, max: 200, tickNumerator: 1, tickDenominator: 1 } }],
    ['an end past the bound', { axis: { ...axis, max: MAX_NUMBER_LINE_VALUE * 10 } }],
    ['an infinite end', { axis: { ...axis, max: Infinity } }],
    ['a NaN end', { axis: { ...axis, min: NaN } }],
    ['a fractional denominator', { axis: { ...axis, tickDenominator: 2.5 } }],
    ['a zero numerator', { axis: { ...axis, tickNumerator: 0 } }],
    ['a negative numerator', { axis: { ...axis, tickNumerator: -1 } }],
    ['a denominator past the bound', { axis: { ...axis, tickDenominator: 1000 } }],
    ['an unknown label style', { axis: { ...axis, tickLabels: 'roman' } }],
    ['a number as a string', { axis: { ...axis, min: '0' } }],
    ['an extra axis field', { axis: { ...axis, step: 1 } }],
    ['too many points', { points: points(MAX_NUMBER_LINE_POINTS + 1) }],
    ['a point at NaN', { points: [{ id: 'p1', value: NaN, label: 'A' }] }],
    ['a point at Infinity', { points: [{ id: 'p1', value: Infinity, label: 'A' }] }],
    ['a long label', { points: [{ id: 'p1', value: 1, label: 'x'.repeat(MAX_POINT_LABEL_CHARS + 1) }] }],
    [
      'two points with one id',
      {
        points: [
          { id: 'p1', value: 1, label: 'A' },
          { id: 'p1', value: 2, label: 'B' },
        ],
      },
    ],
    ['a point without a label', { points: [{ id: 'p1', value: 1 }] }],
    ['snapToTicks not a boolean', { snapToTicks: 'yes' }],
    ['zero width', { w: 0 }],
  ])('refuses %s', (_name, change) => {
    expect(shapeError(NUMBER_LINE_TYPE, { ...NUMBER_LINE_DEFAULT_PROPS, ...change })).not.toBeNull();
  });

  it('says why an axis is refused in words the form can show', () => {
    expect(numberLineAxisProblem({ ...axis, min: 1, max: 0 })).toBe('the start must be less than the end');
    expect(numberLineAxisProblem({ ...axis, min: 0, max: 100, tickDenominator: 4 })).toBe(
      'that makes 401 ticks; at most 200',
    );
    expect(numberLineAxisProblem(axis)).toBeNull();
  });

  it('migrates a record up and down unchanged', () => {
    const record = shapeRecord(NUMBER_LINE_TYPE, NUMBER_LINE_DEFAULT_PROPS);
    const { up, down, currentVersion } = migrationRoundTrip(`com.tldraw.shape.${NUMBER_LINE_TYPE}`, record);
    expect(currentVersion).toBe(Object.keys(numberLineMigrationIds).length);
    expect(up).toEqual(record);
    expect(down).toEqual(record);
  });
});
