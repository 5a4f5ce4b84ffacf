import { T } from '@tldraw/validate';
import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';
import type { RecordProps, TLBaseShape } from '@tldraw/tlschema';
import { boundedInteger, shapeSide } from './boundedProps.js';

/**
 * A fraction bar or an area model: a whole cut into equal parts, some of them shaded. A bar is one strip of
 * `rows × columns` parts (the UI keeps rows at 1); an area model is a rows × columns grid. Parts are numbered
 * row by row from the top left.
 *
 * The partition and its shading are one prop so the validator can check them together: tldraw validates
 * each prop on its own, and a shaded index is only valid for the partition it belongs to.
 */
export const FRACTION_BAR_TYPE = 'fraction-bar';

export const MAX_FRACTION_ROWS = 12;
export const MAX_FRACTION_COLUMNS = 24;

export const FRACTION_MODELS = ['bar', 'area'] as const;
export type FractionModel = (typeof FRACTION_MODELS)[number];

export interface FractionPartition {
  rows: number;
  columns: number;
  /** Indices of the shaded parts, ascending, each once. */
  shaded: number[];
}

export interface FractionBarProps {
  w: number;
  h: number;
  model: FractionModel;
  partition: FractionPartition;
  /** Show "shaded/parts" under the model. */
  showLabel: boolean;
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    [FRACTION_BAR_TYPE]: FractionBarProps;
  }
}

export type FractionBarShape = TLBaseShape<typeof FRACTION_BAR_TYPE, FractionBarProps>;

const MAX_PARTS = MAX_FRACTION_ROWS * MAX_FRACTION_COLUMNS;

const partition = T.object({
  rows: boundedInteger(1, MAX_FRACTION_ROWS),
  columns: boundedInteger(1, MAX_FRACTION_COLUMNS),
  shaded: T.arrayOf(boundedInteger(0, MAX_PARTS - 1)),
}).check('shaded parts exist', ({ rows, columns, shaded }) => {
  const parts = rows * columns;
  shaded.forEach((index, i) => {
    if (index >= parts) throw new T.ValidationError(`Shaded part ${index} is not one of the ${parts} parts`);
    const previous = shaded[i - 1];
    if (previous !== undefined && index <= previous) {
      throw new T.ValidationError('Shaded parts must be ascending, each listed once');
    }
  });
});

export const fractionBarProps: RecordProps<FractionBarShape> = {
  w: shapeSide,
  h: shapeSide,
  model: T.literalEnum(...FRACTION_MODELS),
  partition,
  showLabel: T.boolean,
};

export const fractionBarMigrationIds = createShapePropsMigrationIds(FRACTION_BAR_TYPE, {});
export const fractionBarMigrations = createShapePropsMigrationSequence({ sequence: [] });

export const FRACTION_BAR_DEFAULT_PROPS: FractionBarProps = {
  w: 320,
  h: 64,
  model: 'bar',
  partition: { rows: 1, columns: 4, shaded: [] },
  showLabel: true,
};

export function partCount(p: FractionPartition): number {
  return p.rows * p.columns;
}

/** The shaded fraction as written on the board, e.g. "3/8" (not reduced: the parts are what was drawn). */
export function fractionLabel(p: FractionPartition): string {
  return `${p.shaded.length}/${partCount(p)}`;
}

/** The partition with one part's shading flipped; indices outside the partition change nothing. */
export function toggleShadedPart(p: FractionPartition, index: number): FractionPartition {
  if (!Number.isInteger(index) || index < 0 || index >= partCount(p)) return p;
  const shaded = p.shaded.includes(index)
    ? p.shaded.filter((i) => i !== index)
    : [...p.shaded, index].sort((a, b) => a - b);
  return { ...p, shaded };
}

/**
 * A new number of rows and columns (clamped to the limits). Shading keeps each part at the same row and
 * column where it still exists.
 */
export function repartition(p: FractionPartition, rows: number, columns: number): FractionPartition {
  const r = Math.max(1, Math.min(MAX_FRACTION_ROWS, Math.round(rows)));
  const c = Math.max(1, Math.min(MAX_FRACTION_COLUMNS, Math.round(columns)));
  const shaded = p.shaded
    .map((index) => ({ row: Math.floor(index / p.columns), column: index % p.columns }))
    .filter(({ row, column }) => row < r && column < c)
    .map(({ row, column }) => row * c + column)
    .sort((a, b) => a - b);
  return { rows: r, columns: c, shaded };
}

/** The same parts as one strip (the bar model), keeping each part's number when they fit in one strip. */
export function asBarPartition(p: FractionPartition): FractionPartition {
  const parts = partCount(p);
  if (p.rows === 1) return p;
  if (parts <= MAX_FRACTION_COLUMNS) return { rows: 1, columns: parts, shaded: p.shaded };
  return { rows: 1, columns: MAX_FRACTION_COLUMNS, shaded: p.shaded.filter((i) => i < MAX_FRACTION_COLUMNS) };
}
