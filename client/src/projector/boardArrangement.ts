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
 * frames it (padding, caption inset, zoom cap; not its readableZoom, which cuts a long or wide board) in its
 * cell of `screen` split by `gapPx`. An empty board (null) frames nothing and counts for nothing.
 */
export function smallestScale(
  contents: ReadonlyArray<Size | null>,
  screen: Size,
  grid: Arrangement,
  fit: FitOptions,
  gapPx: number,
): number {
  return smallestFramed(contents, cellOf(screen, grid, gapPx), { ...fit, readableZoom: undefined });
}

/**
 * The scale the smallest board is drawn at under an arrangement: as `smallestScale`, but a long or wide board
 * held at `fit.readableZoom` and cut, as the projector draws it. Weighed whole, a long column of work made four
 * narrow columns look as good as two by two, where a wide board beside it was drawn at half the size.
 */
export function smallestShownScale(
  contents: ReadonlyArray<Size | null>,
  screen: Size,
  grid: Arrangement,
  fit: FitOptions,
  gapPx: number,
): number {
  return smallestFramed(contents, cellOf(screen, grid, gapPx), fit);
}

function smallestFramed(contents: ReadonlyArray<Size | null>, cell: Size, fit: FitOptions): number {
  const scales = contents.flatMap((size) =>
    size ? [fitCamera({ x: 0, y: 0, w: size.w, h: size.h }, cell, fit).z] : [],
  );
  return scales.length > 0 ? Math.min(...scales) : 0;
}

/**
 * How much of a long board a cell must show, in page units, for the class to see its work: the task card
 * (about 110 for a two-line task) and a sticky note (200) of work under it. Four strips a quarter of a
 * laptop screen high showed each board's task card and "More below", and none of the work.
 */
export const MIN_SHOWN_PAGE_H = 320;

/**
 * How much of a wide board a cell must show across, in page units: three sticky notes (200) of a row and
 * the gaps between them, more than a task card's width (about 520). Four slivers a quarter of a laptop
 * screen wide showed a number line's first marks and "More to the right".
 */
export const MIN_SHOWN_PAGE_W = 640;

/**
 * How many boards are readable in their cells (an empty one is): every board is drawn at least at
 * `fit.readableZoom` (the least readable scale) from its top-left corner, cut below or at the right where it
 * does not fit (`fitCamera`), so a board is readable when its cell shows all of it or at least
 * MIN_SHOWN_PAGE_W across and MIN_SHOWN_PAGE_H down — no strip, no sliver.
 */
export function readableBoards(
  contents: ReadonlyArray<Size | null>,
  screen: Size,
  grid: Arrangement,
  fit: FitOptions,
  gapPx: number,
): number {
  const free = freeArea(cellOf(screen, grid, gapPx), fit);
  const zoom = fit.readableZoom ?? 0;
  const shown = { w: free.w / zoom, h: free.h / zoom };
  return contents.filter(
    (size) =>
      !size ||
      (shown.w >= Math.min(size.w, MIN_SHOWN_PAGE_W) && shown.h >= Math.min(size.h, MIN_SHOWN_PAGE_H)),
  ).length;
}

/**
 * How the projector arranges its boards: first a grid in which the most boards stay readable
 * (`readableBoards`: four long columns of work, or four wide rows, in two rows of two, not one row of
 * slivers nor one column of strips), then the grid under which the smallest board is drawn largest
 * (`smallestShownScale`: two tall boards side by side), then the one showing the most of its boards cut
 * below or at the right (`smallestScale`: two wide boards stacked, each given the screen's width). Ties go
 * to the current grid, then to more columns (the earlier side-by-side screen); the current
 * grid also stays unless another shows the smallest board `SWITCH_GAIN` times larger, or, boards held
 * readable in both, `SWITCH_GAIN` times more of them. Pure and
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
  const readable = (grid: Arrangement) => readableBoards(contents, screen, grid, fit, gapPx);
  const scaleOf = (grid: Arrangement) => smallestShownScale(contents, screen, grid, fit, gapPx);
  // Boards held readable are drawn alike in any grid: then the one showing more of them whole is better.
  const wholeOf = (grid: Arrangement) => smallestScale(contents, screen, grid, fit, gapPx);
  const better = (a: Arrangement, b: Arrangement) =>
    readable(a) !== readable(b)
      ? readable(a) > readable(b)
      : scaleOf(a) !== scaleOf(b)
        ? scaleOf(a) > scaleOf(b)
        : wholeOf(a) > wholeOf(b);
  let best = kept ?? defaultArrangement(count);
  for (const grid of candidates(count)) if (better(grid, best)) best = grid;
  // Boards held readable in both grids are drawn alike: then clearly more of them shown is worth the move.
  const clearlyBetter = (grid: Arrangement, than: Arrangement) =>
    scaleOf(grid) >= scaleOf(than) * SWITCH_GAIN || wholeOf(grid) >= wholeOf(than) * SWITCH_GAIN;
  if (kept && readable(kept) === readable(best) && !clearlyBetter(best, kept)) return kept;
  return best;
}

/** A grid holds `count` boards with no empty row or column (four in a row kept for two left two empty). */
const fits = (grid: Arrangement, count: number) =>
  candidates(count).some((candidate) => sameArrangement(candidate, grid));

export const sameArrangement = (a: Arrangement | null, b: Arrangement | null) =>
  a === b || (!!a && !!b && a.columns === b.columns && a.rows === b.rows);
