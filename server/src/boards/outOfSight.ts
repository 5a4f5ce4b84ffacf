/**
 * A shape taken out of everyone's sight without being deleted: the budget of others' work deleted or emptied
 * never sees it, and nobody can see it to put it back. tldraw's validators take any positive number for what
 * fades or shrinks a shape; its UI offers none of these. Probed with a stock client beside a classmate's open
 * board: opacity 0, a rectangle's scale (or its size) set to 1e-9, and a note's font adjustment of 1e-9 each
 * left nothing to see — the rectangle's label and the note's words went with them; an image's crop box
 * inverted or blown up to ±100,000 showed nothing of its picture.
 */

import {
  MIN_CROP_SHARE,
  MIN_NOTE_FONT_ADJUSTMENT,
  MIN_SHAPE_OPACITY,
  MIN_SHAPE_SCALE,
  MIN_SHAPE_SIDE,
  strokeShrunkOutOfSight,
} from '@conjecture/shared/board/index';

type Shape = { typeName?: unknown; type?: unknown; opacity?: unknown; props?: Record<string, unknown> };

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Each way a shape can be out of sight: the value that makes it so, and why (null when it is in sight). */
const CHECKS: ReadonlyArray<(s: Shape) => { field: string; value: number; why: string } | null> = [
  (s) => {
    const opacity = num(s.opacity);
    return opacity !== null && opacity < MIN_SHAPE_OPACITY
      ? { field: 'opacity', value: opacity, why: `fainter than tldraw offers (${MIN_SHAPE_OPACITY})` }
      : null;
  },
  (s) => {
    const scale = num(s.props?.scale);
    return scale !== null && scale < MIN_SHAPE_SCALE
      ? { field: 'props.scale', value: scale, why: `smaller than ${MIN_SHAPE_SCALE}` }
      : null;
  },
  (s) => {
    const adjustment = s.type === 'note' ? num(s.props?.fontSizeAdjustment) : null;
    return adjustment !== null && adjustment < MIN_NOTE_FONT_ADJUSTMENT
      ? {
          field: 'props.fontSizeAdjustment',
          value: adjustment,
          why: `smaller than ${MIN_NOTE_FONT_ADJUSTMENT}`,
        }
      : null;
  },
  (s) => {
    if (s.type === 'text') return null;
    for (const side of ['w', 'h'] as const) {
      const value = num(s.props?.[side]);
      if (value !== null && value < MIN_SHAPE_SIDE)
        return { field: `props.${side}`, value, why: `narrower than ${MIN_SHAPE_SIDE}` };
    }
    return null;
  },
  (s) => cropOutOfSight(s.props?.crop),
  (s) => strokeOutOfSight(s.props ?? {}),
];

/** A freehand stroke (draw, highlight) resized under a pixel: the scale that shrinks it most. */
function strokeOutOfSight(
  props: Record<string, unknown>,
): { field: string; value: number; why: string } | null {
  if (!strokeShrunkOutOfSight(props)) return null;
  const field = Math.abs(props.scaleX as number) <= Math.abs(props.scaleY as number) ? 'scaleX' : 'scaleY';
  return {
    field: `props.${field}`,
    value: props[field] as number,
    why: `shrinks the stroke under ${MIN_SHAPE_SIDE} px`,
  };
}

/** Float noise at a crop's edges (tldraw computes them from sizes): within this of 0 or 1 is on the edge. */
const CROP_EPSILON = 1e-9;

/** An image's crop that shows nothing of its picture (null and absent show all of it). */
function cropOutOfSight(crop: unknown): { field: string; value: number; why: string } | null {
  if (typeof crop !== 'object' || crop === null) return null;
  const { topLeft, bottomRight } = crop as { topLeft?: unknown; bottomRight?: unknown };
  const corner = (c: unknown) => (typeof c === 'object' && c !== null ? (c as Record<string, unknown>) : {});
  const [from, to] = [corner(topLeft), corner(bottomRight)];
  for (const axis of ['x', 'y'] as const) {
    const [start, end] = [num(from[axis]), num(to[axis])];
    if (start === null || end === null) continue; // tldraw's validators refuse these first
    if (start < -CROP_EPSILON || end > 1 + CROP_EPSILON)
      return {
        field: `props.crop.${axis}`,
        value: start < -CROP_EPSILON ? start : end,
        why: 'beyond the picture',
      };
    if (end - start < MIN_CROP_SHARE)
      return {
        field: `props.crop.${axis}`,
        value: end - start,
        why: `less of the picture than ${MIN_CROP_SHARE}`,
      };
  }
  return null;
}

/**
 * Why a write takes the shape out of sight, or null. Only a value the write changes counts: a shape stored
 * out of sight before these bounds (a script's, or an old fixture's) can still be moved, or put right.
 */
export function outOfSightRefusal(key: string, before: unknown, after: unknown): string | null {
  const shape = after as Shape | null;
  if (shape?.typeName !== 'shape') return null;
  const old = (before ?? null) as Shape | null;
  for (const check of CHECKS) {
    const found = check(shape);
    if (found === null) continue;
    const was = old?.typeName === 'shape' ? check(old) : null;
    if (was !== null && was.field === found.field && was.value === found.value) continue;
    return `${key}: ${found.field} ${found.value} is ${found.why}`;
  }
  return null;
}

/**
 * The shape put back in sight, every other value as it was: each value past a bound raised to it, a note's
 * font share to its full size (tldraw works it out again at the next edit), a crop that shows nothing of its
 * picture dropped (the whole picture) and a stroke shrunk under a pixel back at the size it was drawn. For a
 * board stored before these bounds (see `BoardRecords.repair`).
 */
export function inSight(shape: unknown): unknown {
  const { opacity, type, props = {} } = shape as Shape;
  const mended: Record<string, unknown> = { ...props };
  const raise = (name: string, least: number) => {
    const value = num(mended[name]);
    if (value !== null && value < least) mended[name] = least;
  };
  raise('scale', MIN_SHAPE_SCALE);
  if (type !== 'text') for (const side of ['w', 'h']) raise(side, MIN_SHAPE_SIDE);
  const adjustment = num(mended.fontSizeAdjustment);
  if (type === 'note' && adjustment !== null && adjustment < MIN_NOTE_FONT_ADJUSTMENT)
    mended.fontSizeAdjustment = 1;
  if (cropOutOfSight(mended.crop) !== null) mended.crop = null;
  if (strokeShrunkOutOfSight(mended)) Object.assign(mended, { scaleX: 1, scaleY: 1 }); // its drawn size
  const faded = num(opacity) !== null && (opacity as number) < MIN_SHAPE_OPACITY;
  return { ...(shape as object), ...(faded ? { opacity: MIN_SHAPE_OPACITY } : {}), props: mended };
}
