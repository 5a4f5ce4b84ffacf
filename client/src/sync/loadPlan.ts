import type { TLRecord, TLShape } from 'tldraw';

/** A rectangle in page coordinates: where the editor will look first. */
export interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LoadPlan {
  /** Put before the editor mounts: every non-shape record and the shapes in (or nearest) the view. */
  first: TLRecord[];
  /** The rest, nearest the view first, each record after those it depends on. */
  rest: TLRecord[];
}

/**
 * At most this many shapes go in before the editor mounts, however many the view holds: the mount (tldraw's
 * UI and these shapes) is one task, so the rest of the first view follows in the first batches. A few rather
 * than none, so that tldraw loads the fonts they use before its first render instead of measuring every
 * text twice (once in a fallback font).
 */
export const FIRST_SHAPES_MAX = 16;

/**
 * A board with at most this many shapes goes in whole before the editor mounts, as stock tldraw loads it:
 * each batch of a progressive load costs tldraw a walk over the shapes already on the page and the browser
 * a frame, more than a small board gains from coming in parts.
 */
export const ONE_GO_SHAPES = 300;

export const loadsInOneGo = (records: TLRecord[], oneGoShapes = ONE_GO_SHAPES): boolean =>
  records.reduce((shapes, r) => shapes + Number(r.typeName === 'shape'), 0) <= oneGoShapes;

/** A shape's size when it has none of its own (text before measuring, notes): only the order depends on it. */
const FALLBACK_SIZE = 200;

type Linked = { typeName: string; parentId?: string; fromId?: string; toId?: string };

/** The records a record needs in the store before it: a shape's parent shape, a binding's two shapes. */
export function dependenciesOf(record: TLRecord): string[] {
  const r = record as Linked;
  if (r.typeName === 'shape') return r.parentId?.startsWith('shape:') ? [r.parentId] : [];
  if (r.typeName !== 'binding') return [];
  const ends: string[] = [];
  for (const id of [r.fromId, r.toId]) if (id !== undefined) ends.push(id);
  return ends;
}

function roughBox(shape: TLShape): ViewBox {
  const props = shape.props as { w?: unknown; h?: unknown; scale?: unknown };
  const scale = typeof props.scale === 'number' ? props.scale : 1;
  const w = typeof props.w === 'number' ? props.w : FALLBACK_SIZE;
  const h = typeof props.h === 'number' ? props.h : FALLBACK_SIZE;
  return { x: shape.x, y: shape.y, w: w * scale, h: h * scale };
}

const intersects = (a: ViewBox, b: ViewBox) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const distance = (a: ViewBox, b: ViewBox) =>
  Math.hypot(a.x + a.w / 2 - (b.x + b.w / 2), a.y + a.h / 2 - (b.y + b.h / 2));

/**
 * Orders a board's records for a load in batches: the shapes the user sees first, then outward. Whole
 * subtrees move together (a group or frame before its children, positioned by its top-level ancestor, since
 * children's coordinates are relative to it), shapes on other pages than the first (the one the editor opens
 * on) come last, and a binding follows the later of its two shapes. Pure: the same records and view always
 * give the same plan.
 */
export function planLoad(records: TLRecord[], view: ViewBox): LoadPlan {
  const { others: first, shapes, bindings } = byKind(records);

  const pageId = firstPageId(first);
  const { roots, subtree } = shapeTrees(shapes);

  const ranked = roots
    .map((root) => {
      const box = roughBox(root);
      const onPage = root.parentId === pageId;
      return { root, onPage, inView: onPage && intersects(box, view), distance: distance(box, view) };
    })
    .sort(
      (a, b) =>
        Number(b.onPage) - Number(a.onPage) ||
        Number(b.inView) - Number(a.inView) ||
        a.distance - b.distance ||
        (a.root.id < b.root.id ? -1 : a.root.id > b.root.id ? 1 : 0),
    );

  const ordered: TLShape[] = [];
  let firstShapes = 0;
  for (const { root, inView } of ranked) {
    const tree = subtree(root);
    if (inView && firstShapes < FIRST_SHAPES_MAX) {
      first.push(...tree);
      firstShapes += tree.length;
    } else ordered.push(...tree);
  }

  // Each binding right after the later of its shapes (or up front when both are already in).
  const placedAt = new Map<string, number>();
  for (const record of first) placedAt.set(record.id, -1);
  ordered.forEach((shape, i) => placedAt.set(shape.id, i));
  const bindingsAfter = new Map<number, TLRecord[]>();
  for (const binding of bindings) {
    const at = Math.max(...dependenciesOf(binding).map((id) => placedAt.get(id) ?? ordered.length - 1));
    if (at < 0) first.push(binding);
    else bindingsAfter.set(at, [...(bindingsAfter.get(at) ?? []), binding]);
  }
  const rest: TLRecord[] = [];
  ordered.forEach((shape, i) => rest.push(shape, ...(bindingsAfter.get(i) ?? [])));
  if (ordered.length === 0) rest.push(...[...bindingsAfter.values()].flat());
  return { first, rest };
}

/**
 * What a picture of the view needs (the board's preview while the editor loads): every record that is not a
 * shape, and the shapes of the first page whose top-level shape lies in `view` — at most `maxShapes` of them,
 * a whole subtree at a time — with bindings kept only between shapes that are drawn. Pure.
 */
export function recordsInView<R extends TLRecord>(
  records: readonly R[],
  view: ViewBox,
  maxShapes: number,
): R[] {
  const { others, shapes, bindings } = byKind(records);
  const pageId = firstPageId(others);
  const { roots, subtree } = shapeTrees(shapes);
  const drawn = new Set<string>();
  const picked: R[] = [];
  for (const root of roots) {
    if (root.parentId !== pageId || !intersects(roughBox(root), view)) continue;
    const tree = subtree(root);
    if (drawn.size + tree.length > maxShapes) break;
    for (const shape of tree) {
      drawn.add(shape.id);
      picked.push(shape as unknown as R);
    }
  }
  const linked = bindings.filter((b) => dependenciesOf(b).every((id) => drawn.has(id)));
  return [...others, ...picked, ...linked];
}

/** A board's records by kind: its shapes by id, its bindings, and the rest (document, pages, assets…). */
function byKind<R extends TLRecord>(records: readonly R[]) {
  const others: R[] = [];
  const bindings: R[] = [];
  const shapes = new Map<string, TLShape>();
  for (const record of records) {
    if (record.typeName === 'shape') shapes.set(record.id, record as TLShape);
    else if (record.typeName === 'binding') bindings.push(record);
    else others.push(record);
  }
  return { others, shapes, bindings };
}

/**
 * The shapes as trees: the top-level shapes (whose parent is a page, or missing), and each one's subtree, the
 * root first and every parent before its children (children's coordinates are relative to their parent).
 */
function shapeTrees(shapes: ReadonlyMap<string, TLShape>) {
  const children = new Map<string, TLShape[]>();
  const roots: TLShape[] = [];
  for (const shape of shapes.values()) {
    if (shapes.has(shape.parentId)) {
      const siblings = children.get(shape.parentId) ?? [];
      siblings.push(shape);
      children.set(shape.parentId, siblings);
    } else roots.push(shape);
  }
  const subtree = (root: TLShape): TLShape[] => {
    const out = [root];
    for (let i = 0; i < out.length; i++) out.push(...(children.get((out[i] as TLShape).id) ?? []));
    return out;
  };
  return { roots, subtree };
}

/** The page tldraw opens a fresh session on: the first by index (fractional keys sort as strings). */
function firstPageId(records: TLRecord[]): string | undefined {
  let first: { id: string; index: string } | undefined;
  for (const r of records) {
    if (r.typeName !== 'page') continue;
    if (!first || r.index < first.index) first = r;
  }
  return first?.id;
}

/**
 * The next batch size: scaled so the next batch takes about `budgetMs`, by the time the last one took per
 * record (never more than doubling or less than halving at once, so one slow frame does not collapse it).
 */
export function nextBatchSize(
  current: number,
  elapsedMs: number,
  budgetMs: number,
  limits: { min: number; max: number },
): number {
  const factor = Math.min(2, Math.max(0.5, budgetMs / Math.max(elapsedMs, 1)));
  return Math.min(limits.max, Math.max(limits.min, Math.round(current * factor)));
}

/** How much one batch moves the estimate of a record's cost (the rest is the batches before it). */
const COST_SMOOTHING = 1 / 3;

/**
 * A record's cost, smoothed over the batches so far: a batch a garbage collection lands in (a scavenge is
 * 40–80 ms at 1x while a 5,000-shape board loads) costs up to twice a clean one, and sizing each batch on the
 * last alone made the size follow the collector — halved after a collection, doubled after a clean batch,
 * which the next collection then made a long task. Null before the first batch.
 */
export function smoothedCost(previous: number | null, sample: number): number {
  return previous === null ? sample : previous + COST_SMOOTHING * (sample - previous);
}

/**
 * At most about this many batches on a machine too slow to keep them short: each batch costs tldraw a walk
 * over every shape already on the page and the browser a frame, so ever smaller batches would make a slow
 * machine's load quadratic (80 took a 5,000-shape board 1.26x as long at 4x CPU throttling as 40).
 */
const MAX_BATCHES = 40;
/** Up to this many where that keeps every batch's task short. */
const MAX_BATCHES_SHORT = 80;
/** A task this long is where a page starts to feel frozen (200 ms), less a margin for the measure's noise. */
const SHORT_TASK_MS = 150;

/**
 * The smallest batch a load of `total` records may use, given the least a record has cost so far (null
 * before the first batch): the finer floor where a batch of that size stays a short task, else the coarser
 * one. On a fast machine the tasks stay short; on a slow one, where no batch of a useful size is short, the
 * load keeps its length.
 */
export function smallestBatch(total: number, msPerRecord: number | null): number {
  const fine = Math.ceil(total / MAX_BATCHES_SHORT);
  if (msPerRecord === null || fine * msPerRecord <= SHORT_TASK_MS) return fine;
  return Math.ceil(total / MAX_BATCHES);
}
