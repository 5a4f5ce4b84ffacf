import { describe, expect, it } from 'vitest';
import {
  BOARD_PAGE_ID,
  GATHER_GAP,
  gatherOntoBoardPage,
  otherPageOf,
  type PagedRecord,
} from './boardPage.js';
import { MAX_PAGE_COORDINATE } from './placement.js';

const page = (id: string, index: string) => ({ id, typeName: 'page', index });
const box = (id: string, parentId: string, x: number, y: number, index = 'a1') => ({
  id,
  typeName: 'shape',
  parentId,
  x,
  y,
  index,
  props: { w: 100, h: 50 },
});
const placeOf = (moved: PagedRecord[], id: string) => {
  const r = moved.find((m) => m.id === id);
  return r && { parentId: r.parentId, x: r.x, y: r.y };
};

describe('work on a page other than the board’s', () => {
  it('is a page record of another id, or a top-level shape on another page', () => {
    expect(otherPageOf(page('page:second', 'a2'))).toBe('page:second');
    expect(otherPageOf(box('shape:s', 'page:second', 0, 0))).toBe('page:second');
    expect(otherPageOf(page(BOARD_PAGE_ID, 'a1'))).toBeNull();
    expect(otherPageOf(box('shape:s', BOARD_PAGE_ID, 0, 0))).toBeNull();
    expect(otherPageOf(box('shape:child', 'shape:frame', 0, 0))).toBeNull();
    expect(otherPageOf(undefined)).toBeNull();
  });
});

describe('gathering a board onto its one page', () => {
  it('leaves a board of one page as it is', () => {
    const records = [page(BOARD_PAGE_ID, 'a1'), box('shape:a', BOARD_PAGE_ID, 0, 0)];
    expect(gatherOntoBoardPage(records)).toEqual({ moved: [], strayPages: [] });
  });

  it('places another page’s work right of the board’s, top-aligned, its layout kept, above in z-order', () => {
    const { moved, strayPages } = gatherOntoBoardPage([
      page(BOARD_PAGE_ID, 'a1'),
      page('page:second', 'a2'),
      box('shape:home', BOARD_PAGE_ID, 0, 100, 'a5'),
      box('shape:s1', 'page:second', 0, 0, 'a1'),
      box('shape:s2', 'page:second', 300, 40, 'a2'),
      { ...box('shape:child', 'shape:s1', 10, 10), props: {} },
    ]);
    expect(strayPages).toEqual(['page:second']);
    expect(moved.map((m) => m.id)).toEqual(['shape:s1', 'shape:s2']); // the child rides with its parent
    const left = 100 + GATHER_GAP;
    expect(placeOf(moved, 'shape:s1')).toEqual({ parentId: BOARD_PAGE_ID, x: left, y: 100 });
    expect(placeOf(moved, 'shape:s2')).toEqual({ parentId: BOARD_PAGE_ID, x: left + 300, y: 140 });
    const [i1, i2] = moved.map((m) => String(m.index));
    expect(i1! > 'a5' && i2! > i1!).toBe(true);
  });

  it('places pages one after the other, in the pages’ order; shapes of a page that is gone too', () => {
    const { moved, strayPages } = gatherOntoBoardPage<PagedRecord>([
      page(BOARD_PAGE_ID, 'a1'),
      page('page:third', 'a3'),
      page('page:second', 'a2'),
      box('shape:home', BOARD_PAGE_ID, 0, 0),
      box('shape:t', 'page:third', 0, 0),
      box('shape:s', 'page:second', 0, 0),
      box('shape:lost', 'page:gone', 0, 0),
    ]);
    expect(strayPages).toEqual(['page:second', 'page:third']);
    expect(moved.map((m) => [m.id, m.x])).toEqual([
      ['shape:s', 100 + GATHER_GAP],
      ['shape:t', 2 * (100 + GATHER_GAP)],
      ['shape:lost', 3 * (100 + GATHER_GAP)],
    ]);
  });

  it('keeps positions when the board’s page is empty or gone, and a block’s place when moving it leaves the page', () => {
    const alone = gatherOntoBoardPage([page('page:other', 'a1'), box('shape:o', 'page:other', 5, 6)]);
    expect(alone.strayPages).toEqual(['page:other']);
    expect(placeOf(alone.moved, 'shape:o')).toEqual({ parentId: BOARD_PAGE_ID, x: 5, y: 6 });

    const edge = MAX_PAGE_COORDINATE - 100;
    const far = gatherOntoBoardPage([
      box('shape:home', BOARD_PAGE_ID, edge, 0),
      box('shape:o', 'page:other', 0, 0),
      page('page:other', 'a2'),
    ]);
    expect(placeOf(far.moved, 'shape:o')).toEqual({ parentId: BOARD_PAGE_ID, x: 0, y: 0 });
  });
});
