import { describe, expect, it } from 'vitest';
import {
  MAX_TABLE_CELL_CHARS,
  MAX_TABLE_COLUMNS,
  MAX_TABLE_ROWS,
  TABLE_DEFAULT_PROPS,
  TABLE_TYPE,
  insertTableColumn,
  insertTableRow,
  removeTableColumn,
  removeTableRow,
  setTableCell,
  tableMigrationIds,
} from './table.js';
import { migrationRoundTrip, shapeError, shapeRecord } from './shapeRecordFixtures.js';

const grid = (rows: number, columns: number, text = '1') =>
  Array.from({ length: rows }, () => Array.from({ length: columns }, () => text));

const ratioTable = {
  ...TABLE_DEFAULT_PROPS,
  cells: [
    ['cups', 'servings'],
    ['2', '6'],
    ['4', '12'],
  ],
};

describe('table props', () => {
  it('accepts the defaults, a ratio table and the largest table', () => {
    expect(shapeError(TABLE_TYPE, TABLE_DEFAULT_PROPS)).toBeNull();
    expect(shapeError(TABLE_TYPE, ratioTable)).toBeNull();
    const largest = grid(MAX_TABLE_ROWS, MAX_TABLE_COLUMNS, 'x'.repeat(MAX_TABLE_CELL_CHARS));
    expect(shapeError(TABLE_TYPE, { ...ratioTable, cells: largest, headerRow: false })).toBeNull();
  });

  it.each([
    ['no rows', { cells: [] }],
    ['no columns', { cells: [[]] }],
    ['too many rows', { cells: grid(MAX_TABLE_ROWS + 1, 2) }],
    ['too many columns', { cells: grid(2, MAX_TABLE_COLUMNS + 1) }],
    ['ragged rows', { cells: [['a', 'b'], ['c']] }],
    ['a cell too long', { cells: [['x'.repeat(MAX_TABLE_CELL_CHARS + 1)]] }],
    ['a number cell', { cells: [[1, 2]] }],
    ['cells not an array', { cells: 'a,b' }],
    ['headerRow not a boolean', { headerRow: 'yes' }],
    ['width zero', { w: 0 }],
    ['height infinite', { h: Infinity }],
  ])('refuses %s', (_name, change) => {
    expect(shapeError(TABLE_TYPE, { ...ratioTable, ...change })).not.toBeNull();
  });

  it('migrates a record up and down unchanged', () => {
    const record = shapeRecord(TABLE_TYPE, ratioTable);
    const { up, down, currentVersion } = migrationRoundTrip(`com.tldraw.shape.${TABLE_TYPE}`, record);
    expect(currentVersion).toBe(Object.keys(tableMigrationIds).length);
    expect(up).toEqual(record);
    expect(down).toEqual(record);
  });
});

describe('table edits', () => {
  const cells = ratioTable.cells;

  it('inserts and removes rows and columns where asked, keeping the table rectangular', () => {
    expect(insertTableRow(cells, 1)).toEqual([
      ['cups', 'servings'],
      ['', ''],
      ['2', '6'],
      ['4', '12'],
    ]);
    expect(insertTableColumn(cells, 2)).toEqual([
      ['cups', 'servings', ''],
      ['2', '6', ''],
      ['4', '12', ''],
    ]);
    expect(removeTableRow(cells, 0)).toEqual([
      ['2', '6'],
      ['4', '12'],
    ]);
    expect(removeTableColumn(cells, 0)).toEqual([['servings'], ['6'], ['12']]);
  });

  it('keeps every edit within the limits the validator enforces', () => {
    const full = grid(MAX_TABLE_ROWS, MAX_TABLE_COLUMNS);
    expect(insertTableRow(full, 0)).toBe(full);
    expect(insertTableColumn(full, 0)).toBe(full);
    expect(removeTableRow([['only']], 0)).toEqual([['only']]);
    expect(removeTableColumn([['only']], 0)).toEqual([['only']]);
    const long = setTableCell(cells, 1, 1, 'y'.repeat(MAX_TABLE_CELL_CHARS + 50));
    expect(long[1]?.[1]).toHaveLength(MAX_TABLE_CELL_CHARS);
    expect(shapeError(TABLE_TYPE, { ...ratioTable, cells: long })).toBeNull();
  });
});
