import { fitCamera, freeArea, type FitOptions } from '@conjecture/shared';

export interface Size {
  w: number;
  h: number;
}

/**
 * The projector's grid: boards fill it row by row. Three boards in two rows would leave the fourth cell grey,
 * a quarter of the classroom screen showing nothing: one of them (`span`, the first or the last, so the
 * boards keep their order) takes a whole row instead.
 */
export interface Arrangement {
  columns: number;
  rows: number;
  span?: 'first' | 'last';
}

/** Switch only for a clearly larger view: a board growing by a shape must not make the screen jump back and forth. */
export const SWITCH_GAIN = 1.15;

/**
 * With one cell more than boards, a grid of two columns gives the whole of a row to its first or its last
 * board (the only such case the projector meets: three boards in two rows).
 */
const spanned = (grid: Arrangement, count: number): Arrangement[] =>
  grid.columns === 2 && grid.columns * grid.rows === count + 1
    ? [
        { ...grid, span: 'last' },
        { ...grid, span: 'first' },
      ]
    : [grid];

/**
 * Before any board has drawn (or with one board): side by side, two to a row, as the screen always was; a
 * third board under the two, across the screen.
 */
export function defaultArrangement(count: number): Arrangement {
  const columns = Math.min(Math.max(count, 1), 2);
  return spanned({ columns, rows: Math.ceil(Math.max(count, 1) / columns) }, count)[0]!;
}

/**
 * Every grid with no empty row and no empty cell, each with the fewest columns for its rows (four boards in
 * two rows are two by two, never three and one): one row, two rows, … one column.
 */
function candidates(count: number): Arrangement[] {
  const grids: Arrangement[] = [];
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    if (!grids.some((g) => g.rows === rows)) grids.unshift(...spanned({ columns, rows }, count));
  }
  return grids;
}

/** Board `index` of `count` takes a whole row of `grid` (its `span`). */
export const spansRow = (grid: Arrangement, index: number, count: number): boolean =>
  (grid.span === 'first' && index === 0) || (grid.span === 'last' && index === count - 1);

/** The style of a cell across every column of the grid (`spansRow`). */
export const WHOLE_ROW = { gridColumn: '1 / -1' } as const;

/** The cells of `count` boards in `screen` split into `grid` with `gapPx` between the cells, in order. */
export function cellsOf(screen: Size, grid: Arrangement, count: number, gapPx: number): Size[] {
  const h = (screen.h - gapPx * (grid.rows - 1)) / grid.rows;
  const w = (screen.w - gapPx * (grid.columns - 1)) / grid.columns;
  return Array.from({ length: count }, (_, i) => ({ w: spansRow(grid, i, count) ? screen.w : w, h }));
}

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
  return wholeScales(contents, screen, grid, fit, gapPx)[0] ?? 0;
}

/** Every board's scale as `smallestScale` weighs the smallest, smallest first. */
export function wholeScales(
  contents: ReadonlyArray<Size | null>,
  screen: Size,
  grid: Arrangement,
  fit: FitOptions,
  gapPx: number,
): number[] {
  return scalesFramed(contents, cellsOf(screen, grid, contents.length, gapPx), {
    ...fit,
    readableZoom: undefined,
  });
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
  return scalesFramed(contents, cellsOf(screen, grid, contents.length, gapPx), fit)[0] ?? 0;
}

/** Each board's scale fitted by `fit` in its cell, smallest first; an empty board (null) has none. */
function scalesFramed(contents: ReadonlyArray<Size | null>, cells: Size[], fit: FitOptions): number[] {
  return contents
    .flatMap((size, i) => (size ? [fitCamera({ x: 0, y: 0, w: size.w, h: size.h }, cells[i]!, fit).z] : []))
    .sort((a, b) => a - b);
}

/**
 * How much larger `a` shows the first board it shows differently from `b`, both smallest first (1 when
 * alike): with the smallest alike, two wide boards and a short one in two rows tied whichever had the whole
 * row, and it went to the short one, drawn at 2× across the screen beside two wide boards cut in halves.
 */
function gainOver(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! / b[i]!;
  return 1;
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
  const cells = cellsOf(screen, grid, contents.length, gapPx);
  const zoom = fit.readableZoom ?? 0;
  return contents.filter((size, i) => {
    const free = freeArea(cells[i]!, fit);
    const shown = { w: free.w / zoom, h: free.h / zoom };
    return (
      !size ||
      (shown.w >= Math.min(size.w, MIN_SHOWN_PAGE_W) && shown.h >= Math.min(size.h, MIN_SHOWN_PAGE_H))
    );
  }).length;
}

/**
 * How the projector arranges its boards: first a grid in which the most boards stay readable
 * (`readableBoards`: four long columns of work, or four wide rows, in two rows of two, not one row of
 * slivers nor one column of strips), then the grid under which the smallest board is drawn largest
 * (`smallestShownScale`: two tall boards side by side), then the one showing the most of its boards cut
 * below or at the right (`wholeScales`, the smallest first, then the next: two wide boards stacked, each
 * given the screen's width). Three boards by the same rules: three tall ones across, each the screen's
 * height; else two rows, the whole of one row to the board it shows most of (a wide first board on top),
 * the third under the two when none gains. Ties go to the current grid, then to more columns (the earlier
 * side-by-side screen); the current grid also stays unless another shows the smallest board `SWITCH_GAIN`
 * times larger, or, boards held readable in both, `SWITCH_GAIN` times more of one. Pure and deterministic:
 * its inputs are the boards' content sizes (in the order shown) and the screen's size.
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
  const wholeOf = (grid: Arrangement) => wholeScales(contents, screen, grid, fit, gapPx);
  const better = (a: Arrangement, b: Arrangement) =>
    readable(a) !== readable(b)
      ? readable(a) > readable(b)
      : scaleOf(a) !== scaleOf(b)
        ? scaleOf(a) > scaleOf(b)
        : gainOver(wholeOf(a), wholeOf(b)) > 1;
  let best = kept ?? defaultArrangement(count);
  for (const grid of candidates(count)) if (better(grid, best)) best = grid;
  // Boards held readable in both grids are drawn alike: then clearly more of them shown is worth the move.
  const clearlyBetter = (grid: Arrangement, than: Arrangement) =>
    scaleOf(grid) >= scaleOf(than) * SWITCH_GAIN || gainOver(wholeOf(grid), wholeOf(than)) >= SWITCH_GAIN;
  if (kept && readable(kept) === readable(best) && !clearlyBetter(best, kept)) return kept;
  return best;
}

/** A grid holds `count` boards with no empty row or column (four in a row kept for two left two empty). */
const fits = (grid: Arrangement, count: number) =>
  candidates(count).some((candidate) => sameArrangement(candidate, grid));

export const sameArrangement = (a: Arrangement | null, b: Arrangement | null) =>
  a === b || (!!a && !!b && a.columns === b.columns && a.rows === b.rows && a.span === b.span);
