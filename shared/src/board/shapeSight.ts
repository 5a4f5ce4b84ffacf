import { segmentPoints } from './drawPoints.js';

/**
 * How faint and how small a shape may be and still be seen: the server refuses a write that goes past these
 * (`outOfSight.ts`, `shapeOpacity.ts`), and the board's editor keeps a student's own edits within them
 * (`keepShapesInSight.ts`), so the refusal is met only by a script.
 */

/** tldraw's faintest opacity: its style panel offers 0.1 to 1. */
export const MIN_SHAPE_OPACITY = 0.1;
/** A shape's scale: tldraw sets 1 / zoom in its dynamic-size mode (0.125 at its closest zoom). */
export const MIN_SHAPE_SCALE = 0.05;
/**
 * A note's font size as a share of its size's: tldraw shrinks a long note's text a pixel at a time to 14 px
 * (0.44 at the largest size) and writes the share; null and 1 are its full size.
 */
export const MIN_NOTE_FONT_ADJUSTMENT = 0.25;
/** A box's side in page units: tldraw resizes no box below 1 (text measures itself and is left out). */
export const MIN_SHAPE_SIDE = 1;

/**
 * The least share of its picture an image's crop may show, per side. tldraw's crop tool keeps the crop box
 * inside the picture (each corner in 0…1) and at least 8 px of a picture shown at its uncropped size, so
 * 0.001 is a crop of 8 px from a picture 8,000 px across; a script's inverted, empty or far-off crop box showed
 * nothing of the picture in any classmate's editor.
 */
export const MIN_CROP_SHARE = 0.001;

/**
 * The scale under which a shape's words are drawn under a pixel at the board's own zoom: tldraw's smallest
 * font is its size `s`, 1.125 × its theme's 16 px = 18 px, for a text, a note and a box's or an arrow's label.
 * tldraw writes a scale when it creates a shape in its dynamic-size mode (1 / zoom: 0.125 at its closest zoom,
 * 8) and when a text or a note is resized from its corner (down to 0.01 of it, which the board's editor
 * stops at `MIN_SHAPE_SCALE`); so a scale between the two is one no creation writes, and only shrinking
 * words past 2.25 × what a student zoomed all the way in writes reaches it.
 */
export const MIN_WORDS_SCALE = 1 / 18;

const scaleOf = (value: unknown): number | null => {
  const scale = (value as { props?: { scale?: unknown } } | null)?.props?.scale;
  return typeof scale === 'number' ? scale : null;
};

/**
 * Whether writing `after` over `before` shrinks the shape's words out of reading: its `scale` lowered under
 * `MIN_WORDS_SCALE`. The server lets such a scale stand (above `MIN_SHAPE_SCALE` the shape is still drawn),
 * so a classmate's words shrunk in bulk to specks are counted as taken away, like words drawn white. The
 * caller asks only of a shape with words (`writtenContent`): a box's scale shrinks its outline's stroke, not
 * the box.
 */
export function wordsShrunkAway(before: unknown, after: unknown): boolean {
  const [was, now] = [scaleOf(before), scaleOf(after)];
  return now !== null && now < MIN_WORDS_SCALE && (was === null || now < was);
}

/**
 * Whether a freehand stroke (draw, highlight) is resized so that its longest side is drawn under
 * `MIN_SHAPE_SIDE`: tldraw takes any non-zero `scaleX` and `scaleY`, so a script set 1e-9 on a classmate's
 * drawing. Its points are read only when a scale is below 1; a dot, with no side to shrink, never is.
 */
export function strokeShrunkOutOfSight(props: Record<string, unknown>): boolean {
  const { scaleX, scaleY } = props;
  if (typeof scaleX !== 'number' || typeof scaleY !== 'number') return false;
  if (Math.abs(scaleX) >= 1 && Math.abs(scaleY) >= 1) return false;
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const stroke of segmentPoints(props))
    for (const { x, y } of stroke) {
      box.minX = Math.min(box.minX, x);
      box.maxX = Math.max(box.maxX, x);
      box.minY = Math.min(box.minY, y);
      box.maxY = Math.max(box.maxY, y);
    }
  const [w, h] = [box.maxX - box.minX, box.maxY - box.minY];
  if (!(Math.max(w, h) >= MIN_SHAPE_SIDE)) return false; // a dot, or nothing readable
  return Math.max(w * Math.abs(scaleX), h * Math.abs(scaleY)) < MIN_SHAPE_SIDE;
}

/** Products of tldraw's steps (0.5 × 0.2) land a hair either side of 0.1: within this, it is 0.1. */
const EPSILON = 1e-9;
export const isTooFaint = (opacity: number): boolean => opacity < MIN_SHAPE_OPACITY - EPSILON;

/** Deeper than any board a student draws: a chain longer than this is not walked further. */
const MAX_DEPTH = 1_000;

/** A shape's own opacity (1 when it has none). */
export const opacityOf = (value: unknown): number => {
  const { opacity } = (value ?? {}) as { opacity?: unknown };
  return typeof opacity === 'number' ? opacity : 1;
};

const shapeParentOf = (value: unknown): string | undefined => {
  const { parentId } = (value ?? {}) as { parentId?: unknown };
  return typeof parentId === 'string' && parentId.startsWith('shape:') ? parentId : undefined;
};

/**
 * The opacity tldraw draws the shape `key` at: its own times each of its parents' (a frame fades everything
 * it holds). `valueOf` reads a record of the board (undefined: not there).
 */
export function drawnOpacity(key: string, valueOf: (key: string) => unknown): number {
  const value = valueOf(key);
  return opacityOf(value) * parentsOpacity(value, valueOf);
}

/** What the shape `value`'s parents multiply its opacity by. */
export function parentsOpacity(value: unknown, valueOf: (key: string) => unknown): number {
  let opacity = 1;
  let at = shapeParentOf(value);
  for (let depth = 0; at !== undefined && depth < MAX_DEPTH; depth++) {
    const parent = valueOf(at);
    if (parent === undefined) break;
    opacity *= opacityOf(parent);
    at = shapeParentOf(parent);
  }
  return opacity;
}

/**
 * Whether a shape is drawn in white, which on the board's white canvas is out of sight: a stroke, a text, a
 * shape's outline and label (a note is the exception: white paper with its words in their own colour, unless
 * those are white too). tldraw's style panel leaves white out, but its Alt+T shortcut sets it on whatever is
 * selected, so select-all and one key hid a group's whole board.
 */
export function drawnWhite(value: unknown): boolean {
  const { type, props } = (value ?? {}) as {
    type?: unknown;
    props?: { color?: unknown; labelColor?: unknown };
  };
  if (props?.color !== 'white') return false;
  if (type === 'note') return props.labelColor === 'white';
  return type !== 'frame'; // a frame's colour is its name tag's; its border stays drawn
}

/** The fills tldraw draws light under a box's words (none, or a tint of its colour): white words vanish there. */
const LIGHT_FILLS: ReadonlySet<unknown> = new Set(['none', 'semi', 'solid', 'pattern']);

/**
 * Whether a box's or an arrow's words (its label) are drawn white where nothing dark lies under them: a box
 * unfilled or lightly filled, an arrow (its label sits on the canvas). The label's colour is a style of its
 * own (`labelColor`) that tldraw's style panel and shortcuts never set — Alt+T whitens a box's outline, not
 * its words — so only a script writes it: white labels emptied the group's boxes and arrows of their words,
 * each still drawn. A box filled with its own colour keeps white words in sight.
 */
export function wordsDrawnWhite(value: unknown): boolean {
  const { type, props } = (value ?? {}) as {
    type?: unknown;
    props?: { color?: unknown; labelColor?: unknown; fill?: unknown };
  };
  if (props?.labelColor !== 'white') return false;
  if (type === 'arrow') return true;
  return type === 'geo' && (props.color === 'white' || LIGHT_FILLS.has(props.fill));
}
