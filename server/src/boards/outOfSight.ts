/**
 * A shape taken out of everyone's sight without being deleted: the budget of others' work deleted or emptied
 * never sees it, and nobody can see it to put it back. tldraw's validators take any positive number for what
 * fades or shrinks a shape; its UI offers none of these. Probed with a stock client beside a classmate's open
 * board: opacity 0, a rectangle's scale (or its size) set to 1e-9, and a note's font adjustment of 1e-9 each
 * left nothing to see — the rectangle's label and the note's words went with them.
 */

import {
  MIN_NOTE_FONT_ADJUSTMENT,
  MIN_SHAPE_OPACITY,
  MIN_SHAPE_SCALE,
  MIN_SHAPE_SIDE,
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
];

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
