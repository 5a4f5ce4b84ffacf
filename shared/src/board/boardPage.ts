import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import { indexAboveAll, shapeBox, type Box } from './freeSpot.js';
import { isInsidePage } from './placement.js';

/**
 * A board is one page. The teacher's thumbnails, the projector, snapshots and exports show a board as one
 * picture, and the task and posed questions are placed on this page: work on a second page (tldraw's page
 * menu offers one) never reached the projector and was drawn over the first page's in the thumbnails, and a
 * script deleting this page hid the whole board from the group without deleting a shape.
 */
export const BOARD_PAGE_ID = 'page:page';

/** The parts of a record the gathering reads; everything else travels untouched. */
export interface PagedRecord {
  id: string;
  typeName: string;
  parentId?: unknown;
  x?: unknown;
  y?: unknown;
  index?: unknown;
}

export interface GatheredPages<R> {
  /** The new values of the top-level shapes placed on the board's page from elsewhere. */
  moved: R[];
  /** Page records other than the board's page: to delete once their shapes are moved. */
  strayPages: string[];
}

/** Room left between the work already on the page and what is gathered beside it, in page units. */
export const GATHER_GAP = 200;

const pageOf = (r: PagedRecord): string | null =>
  r.typeName === 'shape' && typeof r.parentId === 'string' && r.parentId.startsWith('page:')
    ? r.parentId
    : null;

/**
 * The page a record puts work on other than the board's — a page record's own id, or a top-level shape's
 * page — or null: what the write policy refuses, and what `gatherOntoBoardPage` gathers.
 */
export function otherPageOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as PagedRecord;
  const page = r.typeName === 'page' ? r.id : pageOf(r);
  return page !== null && page !== BOARD_PAGE_ID ? page : null;
}

function boundsOf(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: left, y: top, w: right - left, h: bottom - top };
}

const byIndexThenId = (a: PagedRecord, b: PagedRecord) => {
  const ai = String(a.index ?? '');
  const bi = String(b.index ?? '');
  return ai < bi ? -1 : ai > bi ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/**
 * Gathers a board written with more than one page (before a board had one) onto its page, losing nothing:
 * each other page's top-level shapes — and those of a page that is gone — keep their layout as a block,
 * placed right of everything already on the page (top-aligned with it), page after page in the pages'
 * order, and above it in z-order. Children ride with their parents untouched. A block that would land
 * outside the page keeps its place (overlapping, but kept).
 */
export function gatherOntoBoardPage<R extends PagedRecord>(records: readonly R[]): GatheredPages<R> {
  const pages = records.filter((r) => r.typeName === 'page').sort(byIndexThenId);
  const strayPages = pages.map((p) => p.id).filter((id) => id !== BOARD_PAGE_ID);
  const groups = new Map<string, R[]>(strayPages.map((id) => [id, []]));
  const home: R[] = [];
  for (const r of records) {
    const page = pageOf(r);
    if (page === BOARD_PAGE_ID) home.push(r);
    else if (page !== null) {
      const group = groups.get(page);
      if (group) group.push(r);
      else groups.set(page, [r]);
    }
  }
  const moved: R[] = [];
  let placed = boundsOf(home.map(shapeBox).filter((b): b is Box => b !== null));
  let index: IndexKey = indexAboveAll(home);
  for (const shapes of groups.values()) {
    const block = boundsOf(shapes.map(shapeBox).filter((b): b is Box => b !== null));
    let dx = 0;
    let dy = 0;
    if (placed && block) {
      dx = placed.x + placed.w + GATHER_GAP - block.x;
      dy = placed.y - block.y;
      if (!isInsidePage({ x: block.x + dx, y: block.y + dy }, block)) dx = dy = 0;
    }
    if (block)
      placed = boundsOf([...(placed ? [placed] : []), { ...block, x: block.x + dx, y: block.y + dy }]);
    for (const shape of [...shapes].sort(byIndexThenId)) {
      moved.push({
        ...shape,
        parentId: BOARD_PAGE_ID,
        x: typeof shape.x === 'number' ? shape.x + dx : shape.x,
        y: typeof shape.y === 'number' ? shape.y + dy : shape.y,
        index,
      });
      index = getIndexAbove(index);
    }
  }
  return { moved, strayPages };
}
