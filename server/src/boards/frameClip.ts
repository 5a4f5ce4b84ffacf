import { BOARD_PAGE_ID, indexAboveAll, recordText, segmentPoints } from '@conjecture/shared/board/index';
import { NOTE_SIZE } from '@conjecture/shared/board/shapeStyle';
import { TEXT_FONT_PX } from '@conjecture/shared/board/textMarkup';
import { parentIdOf } from './parentCycles.js';

/**
 * A frame draws only what lies inside it. tldraw's editor never leaves a shape wholly outside the frame
 * that holds it (`kickoutOccludedShapes` moves it out onto the page when a drag, a nudge or a resize ends),
 * but a script can: a classmate's shape kept in a frame and moved 5,000 px away, or a frame shrunk off its
 * shapes, is drawn nowhere, selected by nothing and counted by no deletion budget. During a drag or a resize
 * the editor itself leaves shapes clipped for a moment, so the room cannot refuse the state: it puts such a
 * shape back in sight once it has stayed hidden (see `BoardRoom`), as tldraw would have.
 *
 * The outline is taken larger than tldraw draws it, so only a shape surely out of sight is moved.
 */

interface Point {
  x: number;
  y: number;
}

interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

type ShapeLike = {
  typeName?: unknown;
  type?: unknown;
  parentId?: unknown;
  index?: unknown;
  x?: unknown;
  y?: unknown;
  rotation?: unknown;
  props?: Record<string, unknown>;
};

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numberOr = (v: unknown, fallback: number) => (finite(v) ? v : fallback);
const asShape = (v: unknown): ShapeLike | null =>
  typeof v === 'object' && v !== null && (v as ShapeLike).typeName === 'shape' ? (v as ShapeLike) : null;

/** tldraw's text size in px for a size name; one it does not know is taken as its largest. */
const fontPx = (size: unknown) => TEXT_FONT_PX[String(size)] ?? TEXT_FONT_PX.xl!;
/** Added on every side: more than tldraw's widest stroke and a label spilling past its box. */
const OUTLINE_MARGIN = 32;
/** Deeper than any board a student draws (a loop of parents is refused elsewhere). */
const MAX_DEPTH = 64;

/**
 * The bindings that name the shape `key` (the room's binding index). An arrow's own say where its bound ends
 * are drawn: at the shapes they point at, not at the points in its record.
 */
export type BindingsOf = (key: string) => Iterable<string>;
const noBindings: BindingsOf = () => [];

/**
 * A shape's outline in its own space, larger than tldraw draws it — or null where it cannot be worked out
 * from records (a group is judged through its members; an arrow bound to a shape that cannot be measured).
 */
export function outlineBounds(
  key: string,
  valueOf: (key: string) => unknown,
  bindingsOf: BindingsOf = noBindings,
): Bounds | null {
  const shape = asShape(valueOf(key));
  if (!shape) return null;
  const props = shape.props ?? {};
  const scale = Math.abs(numberOr(props.scale, 1)) || 1;
  const box =
    shape.type === 'arrow'
      ? arrowBounds(key, shape, valueOf, bindingsOf)
      : ownBounds(String(shape.type), props, scale, shape);
  return box && widened(box, OUTLINE_MARGIN * Math.max(1, scale));
}

const widened = (box: Bounds, by: number): Bounds => ({
  minX: box.minX - by,
  minY: box.minY - by,
  maxX: box.maxX + by,
  maxY: box.maxY + by,
});

/**
 * An arrow runs between its two ends, bowed by its bend, with its label along it. An end bound to a shape is
 * somewhere on that shape (or at its anchor, which tldraw does not bound): the whole of the shape's outline
 * is taken, brought into the arrow's space. Null when a bound shape cannot be measured.
 */
function arrowBounds(
  key: string,
  arrow: ShapeLike,
  valueOf: (key: string) => unknown,
  bindingsOf: BindingsOf,
): Bounds | null {
  const props = arrow.props ?? {};
  const ends: Record<string, unknown[]> = { start: [props.start], end: [props.end] };
  let place: PageTransform | null | undefined; // the arrow's, worked out once, if an end is bound
  for (const bindingKey of bindingsOf(key)) {
    const binding = valueOf(bindingKey) as {
      fromId?: unknown;
      toId?: unknown;
      props?: Record<string, unknown>;
    };
    const terminal = binding?.props?.terminal;
    if (binding?.fromId !== key || (terminal !== 'start' && terminal !== 'end')) continue;
    const reach = boundReach(String(binding.toId), binding.props?.normalizedAnchor, valueOf);
    if (place === undefined) place = pageTransform(key, valueOf);
    if (!reach || !place) return null;
    const arrowPlace = place;
    ends[terminal] = reach.map((p) => fromPage(p, arrowPlace));
  }
  const line = pointBounds([...ends.start!, ...ends.end!], 1, 1);
  const scale = Math.abs(numberOr(props.scale, 1)) || 1;
  const label = (recordText(arrow)?.length ?? 0) * fontPx(props.size) * scale;
  // An elbow arrow leaves a shape square to its side and may turn past it.
  const elbow = props.kind === 'elbow' ? ELBOW_REACH * scale : 0;
  return line && widened(line, Math.abs(numberOr(props.bend, 0)) + label + elbow);
}

/** Farther than an elbow arrow's route runs past the shapes it joins (tldraw keeps it within a few dozen px). */
const ELBOW_REACH = 64;

/** The page points an arrow end bound to `target` may be drawn within: its outline's corners and the anchor. */
function boundReach(target: string, anchor: unknown, valueOf: (key: string) => unknown): Point[] | null {
  const box = outlineBounds(target, valueOf);
  const place = box && pageTransform(target, valueOf);
  if (!box || !place) return null;
  const { x: ax, y: ay } = (anchor ?? {}) as { x?: unknown; y?: unknown };
  const corners = [
    { x: box.minX, y: box.minY },
    { x: box.maxX, y: box.minY },
    { x: box.maxX, y: box.maxY },
    { x: box.minX, y: box.maxY },
  ];
  if (finite(ax) && finite(ay))
    corners.push({ x: box.minX + ax * (box.maxX - box.minX), y: box.minY + ay * (box.maxY - box.minY) });
  return corners.map((p) => toPage(p, place));
}

function ownBounds(
  type: string,
  props: Record<string, unknown>,
  scale: number,
  shape: ShapeLike,
): Bounds | null {
  switch (type) {
    case 'group':
      return null;
    case 'note':
      return sized(NOTE_SIZE * scale, (NOTE_SIZE + Math.max(0, numberOr(props.growY, 0))) * scale);
    case 'text': {
      // Its size is measured in the browser: as wide as every character side by side, as tall as one a line.
      const font = fontPx(props.size);
      const chars = (recordText(shape)?.length ?? 0) + 1;
      return sized(Math.max(numberOr(props.w, 0), font * chars) * scale, font * 1.5 * chars * scale);
    }
    case 'draw':
    case 'highlight': {
      const scaleX = numberOr(props.scaleX, 1);
      const scaleY = numberOr(props.scaleY, 1);
      return pointBounds(segmentPoints(props).flat(), scaleX, scaleY);
    }
    case 'line': {
      const points = typeof props.points === 'object' && props.points !== null ? props.points : {};
      return pointBounds(Object.values(points) as unknown[], scale, scale);
    }
    default: {
      if (!finite(props.w) || !finite(props.h)) return null;
      return sized(props.w, props.h + Math.max(0, numberOr(props.growY, 0)));
    }
  }
}

const sized = (w: number, h: number): Bounds => ({
  minX: Math.min(0, w),
  minY: Math.min(0, h),
  maxX: Math.max(0, w),
  maxY: Math.max(0, h),
});

/** The box around points, scaled (a flip's negative scale included), or null when there are none. */
function pointBounds(points: readonly unknown[], scaleX: number, scaleY: number): Bounds | null {
  let box: Bounds | null = null;
  for (const point of points) {
    const { x, y } = (point ?? {}) as { x?: unknown; y?: unknown };
    if (!finite(x) || !finite(y)) continue;
    const [px, py] = [x * scaleX, y * scaleY];
    box = box
      ? {
          minX: Math.min(box.minX, px),
          minY: Math.min(box.minY, py),
          maxX: Math.max(box.maxX, px),
          maxY: Math.max(box.maxY, py),
        }
      : { minX: px, minY: py, maxX: px, maxY: py };
  }
  return box;
}

/** A point of a shape's own space in its parent's (tldraw: translate to x, y, then rotate about it). */
const intoParent = (p: Point, shape: ShapeLike): Point =>
  turnedAndMoved(p, { x: numberOr(shape.x, 0), y: numberOr(shape.y, 0) }, numberOr(shape.rotation, 0));

/** `p` turned by `rotation` about the origin, then moved to `origin`. */
const turnedAndMoved = (p: Point, origin: Point, rotation: number): Point => ({
  x: origin.x + Math.cos(rotation) * p.x - Math.sin(rotation) * p.y,
  y: origin.y + Math.sin(rotation) * p.x + Math.cos(rotation) * p.y,
});

/** Where a shape's own space lies on the page: its origin there and its turn (all its parents' added). */
interface PageTransform {
  origin: Point;
  rotation: number;
  /** The top-level shape it sits in (itself when it sits on the page). */
  top: ShapeLike;
}

/** The shape `key`'s place on the page through its parents, or null when there is no such shape. */
function pageTransform(key: string, valueOf: (key: string) => unknown): PageTransform | null {
  let current = asShape(valueOf(key));
  if (!current) return null;
  let origin: Point = { x: 0, y: 0 };
  let rotation = 0;
  let top = current;
  const seen = new Set([key]);
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    origin = intoParent(origin, current);
    rotation += numberOr(current.rotation, 0);
    top = current;
    const parentId = parentIdOf(current);
    if (!parentId?.startsWith('shape:') || seen.has(parentId)) break;
    seen.add(parentId);
    current = asShape(valueOf(parentId));
  }
  return { origin, rotation, top };
}

/** Where the shape `key`'s own origin lies on the page, through its parents; null when there is no such shape. */
export const pageOrigin = (key: string, valueOf: (key: string) => unknown): Point | null =>
  pageTransform(key, valueOf)?.origin ?? null;

const toPage = (p: Point, { origin, rotation }: PageTransform): Point => turnedAndMoved(p, origin, rotation);

/** The inverse of `toPage`: moved back by the origin, then turned back. */
const fromPage = (p: Point, { origin, rotation }: PageTransform): Point =>
  turnedAndMoved({ x: p.x - origin.x, y: p.y - origin.y }, { x: 0, y: 0 }, -rotation);

/** The part of a convex polygon inside the box 0…w × 0…h (Sutherland–Hodgman, one side at a time). */
function clipToBox(polygon: readonly Point[], w: number, h: number): Point[] {
  const sides: Array<(p: Point) => number> = [(p) => p.x, (p) => w - p.x, (p) => p.y, (p) => h - p.y];
  let out = [...polygon];
  for (const inside of sides) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const a = input[i]!;
      const b = input[(i + 1) % input.length]!;
      const [da, db] = [inside(a), inside(b)];
      if (da >= 0) out.push(a);
      if (da >= 0 !== db >= 0) {
        const t = da / (da - db);
        out.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
      }
    }
    if (out.length === 0) return out;
  }
  return out;
}

function area(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    twice += a.x * b.y - b.x * a.y;
  }
  return Math.abs(twice) / 2;
}

/**
 * The frame whose clip leaves nothing of the shape `key` in sight — its outline lies wholly outside that frame,
 * or outside what the frames around that one leave of it — or null when some of it is drawn (or it cannot be
 * judged from records). The outline is carried up through each parent's space and cut by each frame in turn.
 */
export function hidingFrame(
  key: string,
  valueOf: (key: string) => unknown,
  bindingsOf: BindingsOf = noBindings,
): string | null {
  let shape = asShape(valueOf(key));
  // Most shapes sit in no frame: found by walking up, before any outline is measured (a stroke's is decoded).
  if (!shape || !inAFrame(key, valueOf)) return null;
  const bounds = outlineBounds(key, valueOf, bindingsOf);
  if (!bounds) return null;
  let polygon: Point[] = [
    { x: bounds.minX, y: bounds.minY },
    { x: bounds.maxX, y: bounds.minY },
    { x: bounds.maxX, y: bounds.maxY },
    { x: bounds.minX, y: bounds.maxY },
  ];
  const seen = new Set([key]);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const parentId = parentIdOf(shape);
    if (parentId === undefined || !parentId.startsWith('shape:') || seen.has(parentId)) return null;
    seen.add(parentId);
    const parent = asShape(valueOf(parentId));
    if (!parent) return null;
    const into = shape;
    polygon = polygon.map((p) => intoParent(p, into));
    if (parent.type === 'frame') {
      const { w, h } = parent.props ?? {};
      if (!finite(w) || !finite(h)) return null;
      polygon = clipToBox(polygon, w, h);
      if (polygon.length < 3 || !(area(polygon) > 0)) return parentId;
    }
    shape = parent;
  }
  return null;
}

/** Whether the shape `key` sits in a frame, at any depth (only then can a frame hide it). */
export function inAFrame(key: string, valueOf: (key: string) => unknown): boolean {
  const seen = new Set([key]);
  let current: ShapeLike | null = asShape(valueOf(key));
  for (let depth = 0; current && depth < MAX_DEPTH; depth++) {
    const parentId = parentIdOf(current);
    if (parentId === undefined || !parentId.startsWith('shape:') || seen.has(parentId)) return false;
    seen.add(parentId);
    current = asShape(valueOf(parentId));
    if (current?.type === 'frame') return true;
  }
  return false;
}

/**
 * The shape `key` moved out of its frames onto the board's page, drawn where it stood and as it was turned,
 * just above the top-level shape it sat in (as tldraw's editor moves a shape dragged out of a frame).
 */
export function placedOnPage(key: string, valueOf: (key: string) => unknown): unknown {
  const shape = asShape(valueOf(key));
  const place = pageTransform(key, valueOf);
  if (!shape || !place) return valueOf(key);
  const turn = 2 * Math.PI;
  return {
    ...shape,
    parentId: BOARD_PAGE_ID,
    x: place.origin.x,
    y: place.origin.y,
    rotation: ((place.rotation % turn) + turn) % turn,
    index: indexAboveAll([place.top]),
  };
}

/**
 * The new values of those of `keys` that a frame hides entirely, each placed on the page (`placedOnPage`).
 * Outermost first: a frame moved out brings what it holds back into sight with it.
 */
export function shapesPlacedInSight(
  keys: Iterable<string>,
  valueOf: (key: string) => unknown,
  bindingsOf: BindingsOf = noBindings,
): Map<string, unknown> {
  const placed = new Map<string, unknown>();
  const current = (key: string) => (placed.has(key) ? placed.get(key) : valueOf(key));
  const depthOf = (key: string) => {
    let depth = 0;
    for (let p = parentIdOf(valueOf(key)); p?.startsWith('shape:') && depth < MAX_DEPTH; depth++)
      p = parentIdOf(valueOf(p));
    return depth;
  };
  const hidden = [...keys].filter((key) => hidingFrame(key, valueOf, bindingsOf) !== null);
  for (const key of hidden.sort((a, b) => depthOf(a) - depthOf(b)))
    if (hidingFrame(key, current, bindingsOf) !== null) placed.set(key, placedOnPage(key, current));
  return placed;
}
