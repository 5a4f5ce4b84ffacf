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

/** Whether the arrow `key` is bound to a shape (its ends are then where that shape is, not in its record). */
export type ArrowBound = (key: string) => boolean;
/** When nothing says otherwise, every arrow is taken as bound: not judged. */
const everyArrowBound: ArrowBound = () => true;

/**
 * A shape's outline in its own space, larger than tldraw draws it — or null where it depends on more than the
 * record (an arrow bound to others, a group's children: a group is judged through its members).
 */
export function outlineBounds(value: unknown, bound = true): Bounds | null {
  const shape = asShape(value);
  if (!shape) return null;
  const props = shape.props ?? {};
  const scale = Math.abs(numberOr(props.scale, 1)) || 1;
  if (shape.type === 'arrow' && bound) return null;
  const box = ownBounds(String(shape.type), props, scale, shape);
  if (!box) return null;
  const margin = OUTLINE_MARGIN * Math.max(1, scale);
  return {
    minX: box.minX - margin,
    minY: box.minY - margin,
    maxX: box.maxX + margin,
    maxY: box.maxY + margin,
  };
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
    case 'arrow': {
      // An unbound arrow runs between its two points, bowed by its bend, with its label along it.
      const line = pointBounds([props.start, props.end], 1, 1);
      const label = (recordText(shape)?.length ?? 0) * fontPx(props.size) * scale;
      const reach = Math.abs(numberOr(props.bend, 0)) + label;
      return (
        line && {
          minX: line.minX - reach,
          minY: line.minY - reach,
          maxX: line.maxX + reach,
          maxY: line.maxY + reach,
        }
      );
    }
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
function intoParent(p: Point, shape: ShapeLike): Point {
  const rotation = numberOr(shape.rotation, 0);
  const [cos, sin] = [Math.cos(rotation), Math.sin(rotation)];
  return {
    x: numberOr(shape.x, 0) + cos * p.x - sin * p.y,
    y: numberOr(shape.y, 0) + sin * p.x + cos * p.y,
  };
}

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
  arrowBound: ArrowBound = everyArrowBound,
): string | null {
  let shape = asShape(valueOf(key));
  // Most shapes sit in no frame: found by walking up, before any outline is measured (a stroke's is decoded).
  if (!shape || !inAFrame(key, valueOf)) return null;
  const bounds = outlineBounds(shape, shape.type === 'arrow' && arrowBound(key));
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
  if (!shape) return valueOf(key);
  let origin: Point = { x: 0, y: 0 };
  let rotation = 0;
  let current: ShapeLike = shape;
  let top: ShapeLike = shape;
  const seen = new Set([key]);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    origin = intoParent(origin, current);
    rotation += numberOr(current.rotation, 0);
    top = current;
    const parentId = parentIdOf(current);
    const parent = parentId?.startsWith('shape:') && !seen.has(parentId) ? asShape(valueOf(parentId)) : null;
    if (!parent) break;
    seen.add(parentId!);
    current = parent;
  }
  const turn = 2 * Math.PI;
  return {
    ...shape,
    parentId: BOARD_PAGE_ID,
    x: origin.x,
    y: origin.y,
    rotation: ((rotation % turn) + turn) % turn,
    index: indexAboveAll([top]),
  };
}

/**
 * The new values of those of `keys` that a frame hides entirely, each placed on the page (`placedOnPage`).
 * Outermost first: a frame moved out brings what it holds back into sight with it.
 */
export function shapesPlacedInSight(
  keys: Iterable<string>,
  valueOf: (key: string) => unknown,
  arrowBound: ArrowBound = everyArrowBound,
): Map<string, unknown> {
  const placed = new Map<string, unknown>();
  const current = (key: string) => (placed.has(key) ? placed.get(key) : valueOf(key));
  const depthOf = (key: string) => {
    let depth = 0;
    for (let p = parentIdOf(valueOf(key)); p?.startsWith('shape:') && depth < MAX_DEPTH; depth++)
      p = parentIdOf(valueOf(p));
    return depth;
  };
  const hidden = [...keys].filter((key) => hidingFrame(key, valueOf, arrowBound) !== null);
  for (const key of hidden.sort((a, b) => depthOf(a) - depthOf(b)))
    if (hidingFrame(key, current, arrowBound) !== null) placed.set(key, placedOnPage(key, current));
  return placed;
}
