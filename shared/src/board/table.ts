import { T } from '@tldraw/validate';
import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';
import type { RecordProps, TLBaseShape } from '@tldraw/tlschema';
import { boundedString, shapeSide } from './boundedProps.js';

/**
 * A table of plain-text cells (a ratio table, a table of values). The cells are the table: their array is
 * rows × columns, so there is no separate count that could disagree with them.
 */
export const TABLE_TYPE = 'table';

export const MAX_TABLE_ROWS = 20;
export const MAX_TABLE_COLUMNS = 20;
export const MAX_TABLE_CELL_CHARS = 200;

export interface TableProps {
  w: number;
  h: number;
  /** cells[row][column]; every row has the same number of columns. */
  cells: string[][];
  /** The first row is a header (drawn bold, shaded). */
  headerRow: boolean;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [TABLE_TYPE]: TableProps;
  }
}

export type TableShape = TLBaseShape<typeof TABLE_TYPE, TableProps>;

const tableCells = T.arrayOf(T.arrayOf(boundedString(MAX_TABLE_CELL_CHARS))).check('rectangular', (rows) => {
  if (rows.length < 1 || rows.length > MAX_TABLE_ROWS) {
    throw new T.ValidationError(`Expected 1…${MAX_TABLE_ROWS} rows, got ${rows.length}`);
  }
  const columns = rows[0]?.length ?? 0;
  if (columns < 1 || columns > MAX_TABLE_COLUMNS) {
    throw new T.ValidationError(`Expected 1…${MAX_TABLE_COLUMNS} columns, got ${columns}`);
  }
  rows.forEach((row, i) => {
    if (row.length !== columns)
      throw new T.ValidationError(`Row ${i} has ${row.length} cells, not ${columns}`);
  });
});

export const tableProps: RecordProps<TableShape> = {
  w: shapeSide,
  h: shapeSide,
  cells: tableCells,
  headerRow: T.boolean,
};

export const tableMigrationIds = createShapePropsMigrationIds(TABLE_TYPE, {});
export const tableMigrations = createShapePropsMigrationSequence({ sequence: [] });

/** Page pixels per cell at the default size. */
export const TABLE_CELL_SIZE = { w: 96, h: 40 } as const;

export const TABLE_DEFAULT_PROPS: TableProps = {
  w: TABLE_CELL_SIZE.w * 3,
  h: TABLE_CELL_SIZE.h * 3,
  cells: [
    ['x', 'y', ''],
    ['', '', ''],
    ['', '', ''],
  ],
  headerRow: true,
};

/** The number of rows and columns of a table's cells. */
export function tableSize(cells: readonly (readonly string[])[]): { rows: number; columns: number } {
  return { rows: cells.length, columns: cells[0]?.length ?? 0 };
}

/** Cells with a row inserted at `at` (clamped), or the same cells when the table is already full. */
export function insertTableRow(cells: string[][], at: number): string[][] {
  const { rows, columns } = tableSize(cells);
  if (rows >= MAX_TABLE_ROWS) return cells;
  const index = Math.max(0, Math.min(rows, at));
  return [...cells.slice(0, index), Array.from({ length: columns }, () => ''), ...cells.slice(index)];
}

/** Cells without row `at`, or the same cells when it is the last row. */
export function removeTableRow(cells: string[][], at: number): string[][] {
  if (cells.length <= 1 || at < 0 || at >= cells.length) return cells;
  return cells.filter((_, i) => i !== at);
}

/** Cells with a column inserted at `at` (clamped), or the same cells when the table is already full. */
export function insertTableColumn(cells: string[][], at: number): string[][] {
  const { columns } = tableSize(cells);
  if (columns >= MAX_TABLE_COLUMNS) return cells;
  const index = Math.max(0, Math.min(columns, at));
  return cells.map((row) => [...row.slice(0, index), '', ...row.slice(index)]);
}

/** Cells without column `at`, or the same cells when it is the last column. */
export function removeTableColumn(cells: string[][], at: number): string[][] {
  const { columns } = tableSize(cells);
  if (columns <= 1 || at < 0 || at >= columns) return cells;
  return cells.map((row) => row.filter((_, i) => i !== at));
}

/** Cells with one cell's text replaced (cut to MAX_TABLE_CELL_CHARS so the record stays valid). */
export function setTableCell(cells: string[][], row: number, column: number, text: string): string[][] {
  return cells.map((r, i) =>
    i === row ? r.map((c, j) => (j === column ? text.slice(0, MAX_TABLE_CELL_CHARS) : c)) : r,
  );
}
