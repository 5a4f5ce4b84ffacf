import { describe, expect, it } from 'vitest';
import {
  FRACTION_BAR_DEFAULT_PROPS,
  FRACTION_BAR_TYPE,
  MAX_FRACTION_COLUMNS,
  MAX_FRACTION_ROWS,
  fractionBarMigrationIds,
  asBarPartition,
  fractionLabel,
  repartition,
  toggleShadedPart,
} from './fractionBar.js';
import { migrationRoundTrip, shapeError, shapeRecord } from './shapeRecordFixtures.js';

const threeEighths = {
  ...FRACTION_BAR_DEFAULT_PROPS,
  partition: { rows: 1, columns: 8, shaded: [0, 1, 2] },
};
const area = {
  ...FRACTION_BAR_DEFAULT_PROPS,
  model: 'area',
  partition: { rows: 3, columns: 4, shaded: [0, 5, 11] },
};

describe('fraction bar props', () => {
  it('accepts a bar, an area model and the largest partition', () => {
    expect(shapeError(FRACTION_BAR_TYPE, FRACTION_BAR_DEFAULT_PROPS)).toBeNull();
    expect(shapeError(FRACTION_BAR_TYPE, threeEighths)).toBeNull();
    expect(shapeError(FRACTION_BAR_TYPE, area)).toBeNull();
    const parts = MAX_FRACTION_ROWS * MAX_FRACTION_COLUMNS;
    const all = { rows: MAX_FRACTION_ROWS, columns: MAX_FRACTION_COLUMNS, shaded: [...Array(parts).keys()] };
    expect(shapeError(FRACTION_BAR_TYPE, { ...area, partition: all })).toBeNull();
  });

  it.each([
    ['an unknown model', { model: 'circle' }],
    ['zero columns', { partition: { rows: 1, columns: 0, shaded: [] } }],
    ['too many columns', { partition: { rows: 1, columns: MAX_FRACTION_COLUMNS + 1, shaded: [] } }],
    ['too many rows', { partition: { rows: MAX_FRACTION_ROWS + 1, columns: 2, shaded: [] } }],
    ['fractional rows', { partition: { rows: 1.5, columns: 2, shaded: [] } }],
    ['a shaded index past the last part', { partition: { rows: 2, columns: 4, shaded: [8] } }],
    ['a negative shaded index', { partition: { rows: 1, columns: 4, shaded: [-1] } }],
    ['a fractional shaded index', { partition: { rows: 1, columns: 4, shaded: [0.5] } }],
    ['a part shaded twice', { partition: { rows: 1, columns: 4, shaded: [1, 1] } }],
    ['shaded parts out of order', { partition: { rows: 1, columns: 4, shaded: [2, 1] } }],
    ['shaded not an array', { partition: { rows: 1, columns: 4, shaded: '1,2' } }],
    ['an extra partition field', { partition: { rows: 1, columns: 4, shaded: [], colors: [] } }],
    ['showLabel not a boolean', { showLabel: 1 }],
    ['width NaN', { w: NaN }],
  ])('refuses %s', (_name, change) => {
    expect(shapeError(FRACTION_BAR_TYPE, { ...threeEighths, ...change })).not.toBeNull();
  });

  it('migrates a record up and down unchanged', () => {
    const record = shapeRecord(FRACTION_BAR_TYPE, area);
    const { up, down, currentVersion } = migrationRoundTrip(`com.tldraw.shape.${FRACTION_BAR_TYPE}`, record);
    expect(currentVersion).toBe(Object.keys(fractionBarMigrationIds).length);
    expect(up).toEqual(record);
    expect(down).toEqual(record);
  });
});

describe('fraction bar shading', () => {
  it('labels the shaded parts over all parts, unreduced', () => {
    expect(fractionLabel(threeEighths.partition)).toBe('3/8');
    expect(fractionLabel({ rows: 2, columns: 2, shaded: [0, 3] })).toBe('2/4');
  });

  it('toggles a part on and off, keeping indices ascending, and ignores parts that do not exist', () => {
    const p = { rows: 1, columns: 4, shaded: [2] };
    expect(toggleShadedPart(p, 0).shaded).toEqual([0, 2]);
    expect(toggleShadedPart(p, 2).shaded).toEqual([]);
    expect(toggleShadedPart(p, 4)).toBe(p);
    expect(toggleShadedPart(p, -1)).toBe(p);
  });

  it('keeps shaded parts at their row and column when repartitioned, and drops those cut off', () => {
    // 2×3: parts 1 (row 0, col 1) and 5 (row 1, col 2)
    const p = { rows: 2, columns: 3, shaded: [1, 5] };
    expect(repartition(p, 2, 4)).toEqual({ rows: 2, columns: 4, shaded: [1, 6] });
    expect(repartition(p, 2, 2)).toEqual({ rows: 2, columns: 2, shaded: [1] });
    expect(repartition(p, 99, 0)).toEqual({ rows: MAX_FRACTION_ROWS, columns: 1, shaded: [] });
  });

  it('flattens an area model into a bar keeping part numbers, and cuts what does not fit in one strip', () => {
    expect(asBarPartition({ rows: 2, columns: 3, shaded: [1, 5] })).toEqual({
      rows: 1,
      columns: 6,
      shaded: [1, 5],
    });
    expect(
      asBarPartition({ rows: MAX_FRACTION_ROWS, columns: MAX_FRACTION_COLUMNS, shaded: [3, 30] }),
    ).toEqual({
      rows: 1,
      columns: MAX_FRACTION_COLUMNS,
      shaded: [3],
    });
  });
});
