import { fitCamera, freeArea, type FitOptions } from '@conjecture/shared';

export interface Size {
  w: number;
  h: number;
}

/** The projector's grid: boards fill it row by row. */
export interface Arrangement {
  columns: number;
  rows: number;
}

/** Switch only for a clearly larger view: a board growing by a shape must not make the screen jump back and forth. */
export const SWITCH_GAIN = 1.15;

/** Before any board has drawn (or with one board): side by side, two to a row, as the screen always was. */
export function defaultArrangement(count: number): Arrangement {
  const columns = Math.min(Math.max(count, 1), 2);
  return { columns, rows: Math.ceil(Math.max(count, 1) / columns) };
}

/**
 * Every grid with no empty row, each with the fewest columns for its rows (four boards in two rows are two
 * by two, never three and one): one row, two rows, … one column.
 */
function candidates(count: number): Arrangement[] {
  const grids: Arrangement[] = [];
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    if (!grids.some((g) => g.rows === rows)) grids.unshift({ columns, rows });
  }
  return grids;
}

/** One cell of `screen` split into `grid` with `gapPx` between the cells. */
const cellOf = (screen: Size, grid: Arrangement, gapPx: number): Size => ({
  w: (screen.w - gapPx * (grid.columns - 1)) / grid.columns,
  h: (screen.h - gapPx * (grid.rows - 1)) / grid.rows,
});

/**
 * The scale of the smallest board under an arrangement: each board fitted whole to its content as `fit`
 * frames it (padding, caption inset, zoom cap; not its readableZoom, which cuts a long board) in its cell of `screen`
 * split by `gapPx`. An empty board (null) frames nothing and counts for nothing.
 */
export function smallestScale(
  contents: ReadonlyArray<Size | null>,
  screen: Size,
  grid: Arrangement,
  fit: FitOptions,
  gapPx: number,
): number {
  const cell = cellOf(screen, grid, gapPx);
  const whole = { ...fit, readableZoom: undefined };
  const scales = contents.flatMap((size) =>
    size ? [fitCamera({ x: 0, y: 0, w: size.w, h: size.h }, cell, whole).z] : [],
  );
  return scales.length > 0 ? Math.min(...scales) : 0;
}

/**
 * Every board's width fits its cell at `fit.readableZoom` (the least readable scale): a board too long to show
 * whole is then held readable and cut only below (one too wide for its cell is shrunk whole: `fitCamera`).
 */
export function widthsReadable(
  contents: ReadonlyArray<Size | null>,
  screen: Size,
  grid: Arrangement,
  fit: FitOptions,
  gapPx: number,
): boolean {
  const free = freeArea(cellOf(screen, grid, gapPx), fit);
  return contents.every((size) => !size || free.w / Math.max(size.w, 1) >= (fit.readableZoom ?? 0));
}

/**
 * How the projector arranges its boards: first a grid in which every board's width stays readable
 * (`widthsReadable`: four long columns of work in two rows of two, not one row of slivers too narrow to read),
 * then the grid under which the smallest board is shown largest (two wide boards stacked, two tall ones side
 * by side). Ties go to the current grid, then to more columns (the earlier side-by-side screen); the current
 * grid also stays unless another shows the smallest board `SWITCH_GAIN` times larger. Pure and
 * deterministic: its inputs are the boards' content sizes (in the order shown) and the screen's size.
 */
export function arrangeBoards(
  contents: ReadonlyArray<Size | null>,
  screen: Size,
  fit: FitOptions,
  gapPx: number,
  current: Arrangement | null,
): Arrangement {
  const count = contents.length;
  const kept = current && fits(current, count) ? current : null;
  if (count <= 1 || screen.w <= 0 || screen.h <= 0 || contents.every((size) => !size))
    return kept ?? defaultArrangement(count);
  const scaleOf = (grid: Arrangement) => smallestScale(contents, screen, grid, fit, gapPx);
  const readable = (grid: Arrangement) => widthsReadable(contents, screen, grid, fit, gapPx);
  const better = (a: Arrangement, b: Arrangement) =>
    readable(a) !== readable(b) ? readable(a) : scaleOf(a) > scaleOf(b);
  let best = kept ?? defaultArrangement(count);
  for (const grid of candidates(count)) if (better(grid, best)) best = grid;
  if (kept && readable(kept) === readable(best) && scaleOf(best) < scaleOf(kept) * SWITCH_GAIN) return kept;
  return best;
}

/** A grid holds `count` boards with no empty row. */
const fits = (grid: Arrangement, count: number) => Math.ceil(count / grid.columns) === grid.rows;

export const sameArrangement = (a: Arrangement | null, b: Arrangement | null) =>
  a === b || (!!a && !!b && a.columns === b.columns && a.rows === b.rows);
