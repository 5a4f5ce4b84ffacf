import { describe, expect, it } from 'vitest';
import { cameraOf, frameViewBox, hiddenBelow, hiddenRight } from '../thumbnails/viewFrame.js';
import { arrangeBoards, type Arrangement, type Size } from './boardArrangement.js';
import { MAX_SNAPSHOTS_SIDE_BY_SIDE } from '@conjecture/shared';
import { CARD_HEADING_PX } from '@conjecture/shared/board/textMarkup';
import {
  BOARD_FIT,
  BOARD_GAP_PX,
  READABLE_TEXT_PX,
  SMALLEST_BOARD_TEXT_PX,
  STEP_FIT,
} from './projectorFit.js';

const LAPTOP_PROJECTOR = { w: 1366, h: 768 };
/** A long vertical column of work: a page of steps, one under the other. */
const TALL = { x: 0, y: 0, w: 700, h: 4000 };
/** A long row of work: a number line, or notes side by side under the task card (measured at 4.1 px in 2×2). */
const WIDE = { x: 0, y: 0, w: 2900, h: 400 };

/** The size of one cell of the projector's grid (as `.projector` lays it out). */
const cellOf = (screen: Size, grid: Arrangement): Size => ({
  w: (screen.w - BOARD_GAP_PX * (grid.columns - 1)) / grid.columns,
  h: (screen.h - BOARD_GAP_PX * (grid.rows - 1)) / grid.rows,
});

/** How a board is framed on the projector among `count` boards like it, and the px its smallest type measures. */
function projected(board: typeof TALL, count: number) {
  const grid = arrangeBoards(Array<Size>(count).fill(board), LAPTOP_PROJECTOR, BOARD_FIT, BOARD_GAP_PX, null);
  const cell = cellOf(LAPTOP_PROJECTOR, grid);
  const view = frameViewBox(board, cell, BOARD_FIT)!;
  const z = cameraOf(view, cell.w).z;
  return { view, z, smallestTextPx: SMALLEST_BOARD_TEXT_PX * z };
}

describe('a tall board on the projector', () => {
  it.each([1, 2, 4])('keeps its smallest text readable at 1366×768 among %i boards', (count) => {
    const { smallestTextPx } = projected(TALL, count);
    expect(smallestTextPx).toBeGreaterThanOrEqual(READABLE_TEXT_PX - 1e-9);
  });

  it.each([1, 2, 4])(
    'shows the top of the work, all its width, and says there is more below (%i boards)',
    (count) => {
      const { view } = projected(TALL, count);
      expect(view.y).toBeLessThanOrEqual(TALL.y);
      expect(view.x).toBeLessThanOrEqual(TALL.x);
      expect(view.x + view.w).toBeGreaterThanOrEqual(TALL.x + TALL.w);
      expect(hiddenBelow(TALL, view)).toBe(true);
    },
  );

  it('is shown whole, as before, when it fits at a readable size', () => {
    const board = { x: 0, y: 0, w: 700, h: 500 };
    const { view } = projected(board, 1);
    expect(view).toEqual(frameViewBox(board, LAPTOP_PROJECTOR, { ...BOARD_FIT, readableZoom: undefined }));
    expect(hiddenBelow(board, view)).toBe(false);
  });

  it.each([1, 2, 4])(
    "reads the task card's heading, a board's smallest type, at the readable size too (%i boards)",
    (count) => {
      expect(CARD_HEADING_PX * projected(TALL, count).z).toBeGreaterThanOrEqual(READABLE_TEXT_PX - 1e-9);
    },
  );

  it('still caps the zoom at 2×: one short note is not blown up to fill the screen', () => {
    expect(projected({ x: 0, y: 0, w: 200, h: 60 }, 1).z).toBeCloseTo(BOARD_FIT.maxZoom!);
  });
});

describe('a wide board on the projector', () => {
  it.each([1, 2, 4])('keeps its smallest text readable at 1366×768 among %i boards', (count) => {
    expect(projected(WIDE, count).smallestTextPx).toBeGreaterThanOrEqual(READABLE_TEXT_PX - 1e-9);
  });

  it.each([1, 2, 4])(
    'shows it from its top-left corner, where the task card is, and says there is more to the right (%i boards)',
    (count) => {
      const { view } = projected(WIDE, count);
      expect(view.x).toBeLessThanOrEqual(WIDE.x);
      expect(view.y).toBeLessThanOrEqual(WIDE.y);
      expect(hiddenRight(WIDE, view)).toBe(true);
      expect(hiddenBelow(WIDE, view)).toBe(false);
    },
  );

  it('is shown whole, saying nothing of the right, when it fits at a readable size', () => {
    const board = { x: 0, y: 0, w: 1200, h: 300 };
    expect(hiddenRight(board, projected(board, 1).view)).toBe(false);
  });
});

/** The step screen's header (the step's count and its question) above the snapshots at 1366×768. */
const STEP_HEADER_PX = 72;

/**
 * How a snapshot is framed in a presented step among `count` like it, arranged as the step screen arranges
 * them (by the live boards' rule, in the area under the header), and the px its smallest type measures.
 */
function presented(snapshot: typeof TALL, count: number) {
  const area = { w: LAPTOP_PROJECTOR.w, h: LAPTOP_PROJECTOR.h - STEP_HEADER_PX };
  const grid = arrangeBoards(Array<Size>(count).fill(snapshot), area, STEP_FIT, BOARD_GAP_PX, null);
  const cell = cellOf(area, grid);
  const view = frameViewBox(snapshot, cell, STEP_FIT)!;
  return { view, smallestTextPx: SMALLEST_BOARD_TEXT_PX * cameraOf(view, cell.w).z };
}

describe('a long or wide snapshot presented as a step of the discussion', () => {
  it.each([1, 2, MAX_SNAPSHOTS_SIDE_BY_SIDE])(
    'keeps its smallest text as readable as a live board at 1366×768 (%i snapshots)',
    (count) => {
      expect(presented(TALL, count).smallestTextPx).toBeGreaterThanOrEqual(READABLE_TEXT_PX - 1e-9);
    },
  );

  it('shows the top of the work, all its width, and the rest below', () => {
    const { view } = presented(TALL, 2);
    expect(view.y).toBeLessThanOrEqual(TALL.y);
    expect(view.x + view.w).toBeGreaterThanOrEqual(TALL.x + TALL.w);
    expect(hiddenBelow(TALL, view)).toBe(true);
  });

  it('holds a wide snapshot readable from its left, the rest to the right', () => {
    for (const count of [1, 2, MAX_SNAPSHOTS_SIDE_BY_SIDE]) {
      const { view, smallestTextPx } = presented(WIDE, count);
      expect(smallestTextPx, `${count} snapshots`).toBeGreaterThanOrEqual(READABLE_TEXT_PX - 1e-9);
      expect(view.x).toBeLessThanOrEqual(WIDE.x);
      expect(hiddenRight(WIDE, view)).toBe(true);
    }
  });

  it('is shown whole when it fits, and one short note is still capped at 3×', () => {
    const board = { x: 0, y: 0, w: 700, h: 500 };
    expect(hiddenBelow(board, presented(board, 1).view)).toBe(false);
    expect(presented({ x: 0, y: 0, w: 200, h: 60 }, 1).smallestTextPx).toBeCloseTo(
      SMALLEST_BOARD_TEXT_PX * STEP_FIT.maxZoom!,
    );
  });
});
