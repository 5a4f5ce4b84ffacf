import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import { isInsidePage, type Point } from './placement.js';

/**
 * Where the server puts a card (a teacher's question) on a board that already holds work: in free space
 * near the shape it is about, and above everything in z-order, so no student's shape covers its text or
 * its answer box. Pure: the board's records come in, a position and an index come out.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A shape without a size of its own in its props (text, a drawing, an arrow) is taken as this big. */
const UNSIZED_SHAPE = { w: 200, h: 100 } as const;

const overlaps = (a: Box, b: Box, gap: number) =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The page-level box a shape record takes (its x, y and, when its props have them, w and h times its
 * scale), or null for records that are not shapes on the page or sit at a non-finite point.
 */
export function shapeBox(record: unknown): Box | null {
  if (record === null || typeof record !== 'object') return null;
  const r = record as {
    typeName?: unknown;
    parentId?: unknown;
    x?: unknown;
    y?: unknown;
    props?: { w?: unknown; h?: unknown; scale?: unknown };
  };
  if (r.typeName !== 'shape' || typeof r.parentId !== 'string' || !r.parentId.startsWith('page:'))
    return null;
  if (!finite(r.x) || !finite(r.y)) return null;
  const scale = finite(r.props?.scale) && r.props.scale > 0 ? r.props.scale : 1;
  const w = finite(r.props?.w) && r.props.w > 0 ? r.props.w * scale : UNSIZED_SHAPE.w;
  const h = finite(r.props?.h) && r.props.h > 0 ? r.props.h * scale : UNSIZED_SHAPE.h;
  return { x: r.x, y: r.y, w, h };
}

/** How many steps outward the search goes along each side of the anchor before it gives up on nearness. */
const SEARCH_STEPS = 12;

/**
 * A spot for a box of `size` near `anchor` that overlaps none of `obstacles` (with `gap` around each) and
 * lies inside the page: first right of the anchor, then left, below and above, each slid step by step along
 * that side; then further out. Failing all of those, right of everything on the board (always free). Null
 * only when even that is outside the page (a board reaching to its edge), for the caller's own fallback.
 */
export function freeSpotNear(
  anchor: Box,
  size: { w: number; h: number },
  obstacles: readonly Box[],
  gap: number,
): Point | null {
  const free = (p: Point) =>
    isInsidePage(p, size) && !obstacles.some((o) => overlaps({ ...p, ...size }, o, gap / 2));
  const stepY = size.h / 2 + gap;
  const stepX = size.w / 2 + gap;
  for (let ring = 0; ring <= SEARCH_STEPS; ring++) {
    const out = ring * gap * 2; // each ring also moves away from the anchor
    const slides = ring === 0 ? [0] : [ring, -ring];
    const candidates: Point[] = [];
    for (const k of ring === 0 ? [0] : [0, ...slides]) {
      candidates.push({ x: anchor.x + anchor.w + gap + out, y: anchor.y + k * stepY });
      candidates.push({ x: anchor.x - size.w - gap - out, y: anchor.y + k * stepY });
      candidates.push({ x: anchor.x + k * stepX, y: anchor.y + anchor.h + gap + out });
      candidates.push({ x: anchor.x + k * stepX, y: anchor.y - size.h - gap - out });
    }
    const spot = candidates.find(free);
    if (spot) return spot;
  }
  const right = Math.max(anchor.x + anchor.w, ...obstacles.map((o) => o.x + o.w)) + gap;
  const beyond = { x: right, y: anchor.y };
  return isInsidePage(beyond, size) ? beyond : null;
}

/** The index that puts a new shape above every shape on the page (tldraw draws higher indices on top). */
export function indexAboveAll(records: Iterable<unknown>): IndexKey {
  let top: IndexKey | null = null;
  for (const record of records) {
    const r = record as { typeName?: unknown; parentId?: unknown; index?: unknown } | null;
    if (r?.typeName !== 'shape' || typeof r.parentId !== 'string' || !r.parentId.startsWith('page:'))
      continue;
    if (typeof r.index !== 'string') continue;
    if (top === null || r.index > top) top = r.index as IndexKey;
  }
  try {
    return getIndexAbove(top);
  } catch {
    // A stored record with an index that is not a valid fractional key: start above the defaults instead.
    return getIndexAbove(null);
  }
}
