import { describe, expect, it } from 'vitest';
import {
  arrangeBoards,
  cellsOf,
  defaultArrangement,
  smallestScale,
  type Arrangement,
  type Size,
} from './boardArrangement.js';
import { BOARD_FIT as FIT, BOARD_GAP_PX as GAP_PX } from './projectorFit.js';

const SCREEN = { w: 1366, h: 768 };
const SIDE_BY_SIDE = { columns: 2, rows: 1 };
const STACKED = { columns: 1, rows: 2 };

/** The share of the screen the cells of `grid` cover, gaps aside (an empty cell covers nothing). */
function coveredShare(grid: Arrangement, count: number): number {
  const cells: Size[] = cellsOf(SCREEN, grid, count, 0);
  return cells.reduce((sum, cell) => sum + cell.w * cell.h, 0) / (SCREEN.w * SCREEN.h);
}

describe('arrangeBoards', () => {
  it('stacks two wide boards: each twice as large as side by side', () => {
    const wide = { w: 2500, h: 500 };
    const grid = arrangeBoards([wide, wide], SCREEN, FIT, GAP_PX, null);
    expect(grid).toEqual(STACKED);
    const stacked = smallestScale([wide, wide], SCREEN, STACKED, FIT, GAP_PX);
    const side = smallestScale([wide, wide], SCREEN, SIDE_BY_SIDE, FIT, GAP_PX);
    expect(stacked).toBeGreaterThan(side * 1.9);
  });

  it('keeps two tall or square boards side by side', () => {
    expect(
      arrangeBoards(
        [
          { w: 600, h: 800 },
          { w: 700, h: 700 },
        ],
        SCREEN,
        FIT,
        GAP_PX,
        null,
      ),
    ).toEqual(SIDE_BY_SIDE);
  });

  it('is decided by the smallest board: one wide board among square ones stacks them all', () => {
    const grid = arrangeBoards(
      [
        { w: 3000, h: 400 },
        { w: 500, h: 500 },
      ],
      SCREEN,
      FIT,
      GAP_PX,
      null,
    );
    expect(grid).toEqual(STACKED);
  });

  it('puts three wide boards in one column, three tall ones in one row', () => {
    const wide = { w: 3000, h: 240 };
    expect(arrangeBoards([wide, wide, wide], SCREEN, FIT, GAP_PX, null)).toEqual({ columns: 1, rows: 3 });
    const tall = { w: 300, h: 900 };
    expect(arrangeBoards([tall, tall, tall], SCREEN, FIT, GAP_PX, null)).toEqual({ columns: 3, rows: 1 });
  });

  it('gives four long columns of work two rows of two: one row would cut each mid-line at readable size', () => {
    const column = { w: 700, h: 4000 };
    const four = [column, column, column, column];
    expect(arrangeBoards(four, SCREEN, FIT, GAP_PX, null)).toEqual({ columns: 2, rows: 2 });
    // and it leaves one row for them, however much larger it would show them whole
    expect(arrangeBoards(four, SCREEN, FIT, GAP_PX, { columns: 4, rows: 1 })).toEqual({
      columns: 2,
      rows: 2,
    });
  });

  it('gives four wide rows of work two rows of two: held readable, cut at the right, never strips or slivers', () => {
    // a number line or a row of notes 2,900 wide: four strips showed each task card, four slivers half of one
    const row = { w: 2900, h: 400 };
    for (const screen of [SCREEN, { w: 1920, h: 1080 }]) {
      const grid = arrangeBoards([row, row, row, row], screen, FIT, GAP_PX, null);
      expect(grid, `${screen.w}×${screen.h}`).toEqual({ columns: 2, rows: 2 });
    }
  });

  it('gives three wide rows of work two rows rather than one row of slivers or strips that cut their notes', () => {
    const row = { w: 3000, h: 300 };
    expect(arrangeBoards([row, row, row], SCREEN, FIT, GAP_PX, null)).toMatchObject({ columns: 2, rows: 2 });
  });

  it('leaves no empty quarter with three boards in two rows: one of them takes a whole row', () => {
    // two by two left the fourth cell grey: a quarter of the classroom screen showing nothing
    const row = { w: 3000, h: 300 };
    const note = { w: 700, h: 500 };
    for (const boards of [
      [row, row, row],
      [note, note, note],
      [null, null, null],
    ]) {
      const grid = arrangeBoards(boards, SCREEN, FIT, GAP_PX, null);
      expect(grid.rows, JSON.stringify(boards)).toBe(2);
      expect(coveredShare(grid, boards.length), JSON.stringify(boards)).toBeGreaterThan(0.99);
    }
  });

  it('gives the whole row to the board that needs the width: a wide first one on top, two notes under it', () => {
    const row = { w: 2900, h: 400 };
    const note = { w: 534, h: 400 };
    const first = arrangeBoards([row, note, note], SCREEN, FIT, GAP_PX, null);
    expect(first).toEqual({ columns: 2, rows: 2, span: 'first' });
    const last = arrangeBoards([note, note, row], SCREEN, FIT, GAP_PX, null);
    expect(last).toEqual({ columns: 2, rows: 2, span: 'last' });
    // two wide boards and the task alone: one wide board gains the row (the other is cut in a half either
    // way), even from the grid shown before any board drew, where the task alone had the row at 2×
    const task = { w: 520, h: 110 };
    const before = defaultArrangement(3);
    expect(arrangeBoards([row, row, task], SCREEN, FIT, GAP_PX, before)).toEqual({
      columns: 2,
      rows: 2,
      span: 'first',
    });
    // across the screen the wide board shows twice as much of its row as in a half
    const spanned = cellsOf(SCREEN, first, 3, GAP_PX);
    expect(spanned.map((cell) => Math.round(cell.w))).toEqual([1366, 681, 681]);
  });

  it('never makes four boards strips to hold one wide board readable: a strip showed only each task card', () => {
    // a task card (y 112) with a row of five sticky notes under it, too wide for a quarter of the screen
    const row = { w: 1260, h: 400 };
    const short = { w: 520, h: 110 };
    const column = { w: 700, h: 4000 };
    for (const screen of [SCREEN, { w: 1920, h: 1080 }]) {
      const grid = arrangeBoards([column, column, row, short], screen, FIT, GAP_PX, null);
      expect(grid, `${screen.w}×${screen.h}`).toEqual({ columns: 2, rows: 2 });
    }
  });

  it('judges grids by how large the smallest board is drawn, a long one held readable and cut', () => {
    // a lesson's four boards at 1920×1080: two notes, a column of ten, a row of five, the task alone
    const boards = [
      { w: 534, h: 400 },
      { w: 520, h: 2550 },
      { w: 1260, h: 390 },
      { w: 520, h: 110 },
    ];
    // four columns shrank the row to a third; the column, shown whole, weighed as if it were not held
    expect(arrangeBoards(boards, { w: 1920, h: 1080 }, FIT, GAP_PX, null)).toEqual({ columns: 2, rows: 2 });
  });

  it('still stacks short wide boards shown whole, however low their cells', () => {
    const wide = { w: 1200, h: 150 };
    expect(arrangeBoards([wide, wide, wide, wide], SCREEN, FIT, GAP_PX, null)).toEqual({
      columns: 1,
      rows: 4,
    });
  });

  it('keeps the current grid unless another shows the smallest board clearly larger', () => {
    // side by side would show these 6 % larger: not worth moving the class's screen
    const slightly = { w: 760, h: 400 };
    expect(arrangeBoards([slightly, slightly], SCREEN, FIT, GAP_PX, STACKED)).toEqual(STACKED);
    expect(arrangeBoards([slightly, slightly], SCREEN, FIT, GAP_PX, null)).toEqual(SIDE_BY_SIDE);
    // a third larger: it moves
    const clearly = { w: 600, h: 400 };
    expect(arrangeBoards([clearly, clearly], SCREEN, FIT, GAP_PX, STACKED)).toEqual(SIDE_BY_SIDE);
  });

  it('moves boards grown wide from side by side to stacked: held readable either way, stacked shows twice the row', () => {
    const row = { w: 2900, h: 400 };
    expect(arrangeBoards([row, row], SCREEN, FIT, GAP_PX, SIDE_BY_SIDE)).toEqual(STACKED);
  });

  it('does not flip back and forth as a board grows and shrinks by a shape', () => {
    // around 806 page units wide the two grids show these boards equally large
    let grid = arrangeBoards(
      [
        { w: 820, h: 400 },
        { w: 820, h: 400 },
      ],
      SCREEN,
      FIT,
      GAP_PX,
      null,
    );
    const seen = new Set<string>();
    for (const w of [790, 830, 780, 840, 800]) {
      grid = arrangeBoards(
        [
          { w, h: 400 },
          { w, h: 400 },
        ],
        SCREEN,
        FIT,
        GAP_PX,
        grid,
      );
      seen.add(JSON.stringify(grid));
    }
    expect(seen.size).toBe(1);
  });

  it('keeps the earlier screen until a board has drawn, and with one board', () => {
    expect(arrangeBoards([null, null], SCREEN, FIT, GAP_PX, null)).toEqual(defaultArrangement(2));
    expect(arrangeBoards([null, null, null], SCREEN, FIT, GAP_PX, null)).toEqual({
      columns: 2,
      rows: 2,
      span: 'last',
    });
    expect(arrangeBoards([{ w: 3000, h: 300 }], SCREEN, FIT, GAP_PX, null)).toEqual({ columns: 1, rows: 1 });
  });

  it('drops a current grid that no longer fits the boards (one taken off the screen)', () => {
    const wide = { w: 3000, h: 300 };
    expect(arrangeBoards([wide, wide], SCREEN, FIT, GAP_PX, { columns: 1, rows: 3 })).toEqual(STACKED);
    // two boards taken off four in a row: the two left fill the screen, no empty columns beside them
    // (tall ones, drawn as large in a quarter of the width as in a half)
    const tall = { w: 300, h: 700 };
    expect(arrangeBoards([tall, tall], SCREEN, FIT, GAP_PX, { columns: 4, rows: 1 })).toEqual(SIDE_BY_SIDE);
  });
});
