import { segmentPoints } from './drawPoints.js';
import { SHAPE_COLORS } from './shapeDrawing.js';
import { QUESTION_CARD_TYPE } from './questionCard.js';
import { TASK_CARD_TYPE } from './taskCard.js';
import {
  CARD_HEADING_PX,
  LABEL_FONT_PX,
  LABEL_PADDING_PX,
  TEXT_FONT_PX,
  estimateTextHeight,
  estimateTextWidth,
  textBlockMarkup,
} from './textMarkup.js';
import { arrowMarkup } from './arrowMarkup.js';
import { isStoredAssetUrl } from '../protocol/rest.js';
import {
  INK,
  NOTE_FILL,
  NOTE_SIZE,
  SEMI_FILL,
  colorOf,
  dashOf,
  escapeXml,
  num,
  r,
  str,
  strokeOf,
} from './shapeStyle.js';

/**
 * tldraw's own shapes as SVG close to how its editor draws them — geo outlines with their labels, notes,
 * texts, arrows with heads, bends and labels, strokes at their size, images, frames with their names — from a
 * record alone (the projector and the dashboard's thumbnails draw boards with it, no editor). Null for a
 * type it does not draw (our math shapes have `mathShapeMarkup`). Records come from clients: every prop is
 * read defensively. Pure: no DOM.
 */

export interface ShapeMarkup {
  markup: string;
  /** The shape's size in its own space (the frame a view fits). */
  w: number;
  h: number;
}

/** What a shape's markup needs from the rest of the board. */
export interface MarkupContext {
  /** An image asset's URL, by asset id. */
  assetSrc(assetId: string): string | null;
  /** An arrow's ends in its own space, with bindings to the shapes it points at resolved. */
  arrowEnds?: { start: Point; end: Point };
}

interface Point {
  x: number;
  y: number;
}

export function shapeMarkup(
  type: string,
  props: Record<string, unknown>,
  text: string | null,
  context: MarkupContext,
): ShapeMarkup | null {
  switch (type) {
    case 'geo':
      return geo(props, text);
    case 'note':
      return note(props, text);
    case 'text':
      return textShape(props, text);
    case 'arrow':
      return arrowMarkup(props, text, context.arrowEnds);
    case 'draw':
    case 'highlight':
    case 'line':
      return strokes(type, props);
    case 'image':
      return image(props, context);
    case 'frame':
      return frame(props);
    case TASK_CARD_TYPE:
      return taskCard(props);
    case QUESTION_CARD_TYPE:
      return questionCard(props);
    default:
      return null;
  }
}

/** tldraw's fills: `semi` the canvas white, `solid` the colour's light tint, `fill` the colour itself. */
function fillOf(props: Record<string, unknown>, color: string): string {
  const tint = SEMI_FILL[str(props.color, 'black')] ?? `${color}33`;
  switch (str(props.fill, 'none')) {
    case 'none':
      return 'none';
    case 'semi':
      return '#fcfffe';
    case 'fill':
      return color;
    default:
      return tint; // solid, and pattern (as a tint, not tldraw's hatching)
  }
}

function outline(kind: string, w: number, h: number): string {
  const poly = (points: Array<[number, number]>) =>
    `<polygon points="${points.map(([x, y]) => `${r(x)},${r(y)}`).join(' ')}"`;
  switch (kind) {
    case 'ellipse':
    case 'oval':
      return `<ellipse cx="${r(w / 2)}" cy="${r(h / 2)}" rx="${r(w / 2)}" ry="${r(h / 2)}"`;
    case 'triangle':
      return poly([
        [w / 2, 0],
        [w, h],
        [0, h],
      ]);
    case 'diamond':
      return poly([
        [w / 2, 0],
        [w, h / 2],
        [w / 2, h],
        [0, h / 2],
      ]);
    case 'hexagon':
      return poly([
        [w / 4, 0],
        [(3 * w) / 4, 0],
        [w, h / 2],
        [(3 * w) / 4, h],
        [w / 4, h],
        [0, h / 2],
      ]);
    case 'rhombus':
      return poly([
        [w / 4, 0],
        [w, 0],
        [(3 * w) / 4, h],
        [0, h],
      ]);
    case 'trapezoid':
      return poly([
        [w / 4, 0],
        [(3 * w) / 4, 0],
        [w, h],
        [0, h],
      ]);
    default:
      return `<rect width="${r(w)}" height="${r(h)}" rx="${kind === 'rectangle' ? 0 : 8}"`;
  }
}

function geo(props: Record<string, unknown>, text: string | null): ShapeMarkup {
  const scale = num(props.scale, 1);
  const w = num(props.w, 100) * scale;
  const h = (num(props.h, 100) + num(props.growY)) * scale;
  const color = colorOf(props);
  const width = strokeOf(props) * scale;
  const shape = `${outline(str(props.geo, 'rectangle'), w, h)} fill="${fillOf(props, color)}" stroke="${color}" stroke-width="${r(width)}" stroke-linejoin="round"${dashOf(props, width)}/>`;
  const label = labelMarkup(props, text, w, h, SHAPE_COLORS[str(props.labelColor, 'black')] ?? INK);
  return { markup: shape + label, w, h };
}

/** A geo shape's or a note's label: its text laid out in the shape's box, in the shape's size and font. */
function labelMarkup(
  props: Record<string, unknown>,
  text: string | null,
  w: number,
  h: number,
  color: string,
) {
  const scale = num(props.scale, 1);
  return textBlockMarkup({
    text: text ?? '',
    x: 0,
    y: 0,
    w,
    h,
    sizePx: (LABEL_FONT_PX[str(props.size, 'm')] ?? 22) * scale,
    font: props.font,
    color,
    align: props.align,
    verticalAlign: props.verticalAlign,
    padding: LABEL_PADDING_PX * scale,
  });
}

function note(props: Record<string, unknown>, text: string | null): ShapeMarkup {
  const scale = num(props.scale, 1);
  const w = NOTE_SIZE * scale;
  const h = (NOTE_SIZE + num(props.growY)) * scale;
  const fill = NOTE_FILL[str(props.color, 'black')] ?? NOTE_FILL.black!;
  const ink = '#000000';
  const paper =
    `<rect x="1" y="3" width="${r(w - 2)}" height="${r(h - 2)}" rx="2" fill="#000" opacity="0.12"/>` +
    `<rect width="${r(w)}" height="${r(h)}" rx="2" fill="${fill}"/>`;
  const label = labelMarkup(props, text, w, h, ink);
  return { markup: paper + label, w, h };
}

function textShape(props: Record<string, unknown>, text: string | null): ShapeMarkup {
  const scale = num(props.scale, 1);
  const size = (TEXT_FONT_PX[str(props.size, 'm')] ?? 24) * scale;
  // An auto-sized text keeps w at tldraw's minimum (8) and is as wide as its longest line: estimated from
  // it, or a column of one-line texts framed as a word per line (a screen's height for each).
  const autoSize = props.autoSize !== false;
  const w = autoSize
    ? Math.max(estimateTextWidth(text ?? '', size), size)
    : Math.max(num(props.w, 100) * scale, size);
  const h = estimateTextHeight(text ?? '', size, autoSize ? Infinity : w); // unwrapped: a line each
  const markup = textBlockMarkup({
    text: text ?? '',
    x: 0,
    y: 0,
    w,
    h,
    sizePx: size,
    font: props.font,
    color: colorOf(props),
    align: props.textAlign ?? 'start',
    verticalAlign: 'start',
    noWrap: autoSize,
  });
  return { markup, w, h };
}

/** A line shape's handles, in their order (tldraw keeps them as a map keyed by id, ordered by `index`). */
function linePoints(props: Record<string, unknown>): Array<{ x: number; y: number }> {
  const handles = props.points && typeof props.points === 'object' ? Object.values(props.points) : [];
  return (handles as Array<{ x?: unknown; y?: unknown; index?: unknown }>)
    .filter((p) => typeof p?.x === 'number' && typeof p?.y === 'number')
    .sort((a, b) => (String(a.index) < String(b.index) ? -1 : 1))
    .map((p) => ({ x: p.x as number, y: p.y as number }));
}

/**
 * A freehand stroke smoothed as the editor smooths it: a quadratic curve through the midpoints between the
 * points it recorded, so a sparse stroke reads as the curve the student drew, not a zig-zag.
 */
function smoothPath(points: Array<{ x: number; y: number }>): string {
  const [first, ...rest] = points;
  if (!first) return '';
  if (rest.length === 0) return `M${r(first.x)} ${r(first.y)}Z`; // a dot: a zero-length path, round cap
  let d = `M${r(first.x)} ${r(first.y)}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const [p, q] = [rest[i]!, rest[i + 1]!];
    d += `Q${r(p.x)} ${r(p.y)} ${r((p.x + q.x) / 2)} ${r((p.y + q.y) / 2)}`;
  }
  const last = rest[rest.length - 1]!;
  return `${d}L${r(last.x)} ${r(last.y)}`;
}

function strokes(type: string, props: Record<string, unknown>): ShapeMarkup {
  const scale = num(props.scale, 1);
  const color = colorOf(props);
  const highlight = type === 'highlight';
  const width = (highlight ? 12 : strokeOf(props)) * scale * (highlight ? 1.6 : 1);
  let maxX = 1;
  let maxY = 1;
  const lines = type === 'line' ? [linePoints(props)] : segmentPoints(props);
  const paths = lines
    .filter((points) => points.length > 0)
    .map((points) => {
      const scaled = points.map((p) => ({ x: p.x * scale, y: p.y * scale }));
      for (const p of scaled) {
        maxX = Math.max(maxX, p.x);
        maxY = Math.max(maxY, p.y);
      }
      const d =
        type === 'line'
          ? scaled.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)} ${r(p.y)}`).join('')
          : smoothPath(scaled);
      return `<path d="${d}" fill="none" stroke="${color}" stroke-width="${r(width)}" stroke-linecap="round" stroke-linejoin="round"${highlight ? ' opacity="0.35"' : dashOf(props, width)}/>`;
    });
  return { markup: paths.join(''), w: maxX, h: maxY };
}

/** Only images our server stores, or inline ones: a record cannot make the viewer fetch another host. */
/** An image drawn inline; any other src must be a file this server stored (`isStoredAssetUrl`). */
const INLINE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[\w+/=]+$/;
const isSafeSrc = (src: string) => isStoredAssetUrl(src) || INLINE_IMAGE.test(src);

function image(props: Record<string, unknown>, context: MarkupContext): ShapeMarkup {
  const w = num(props.w, 100);
  const h = num(props.h, 100);
  const assetId = str(props.assetId, '');
  const src = assetId ? context.assetSrc(assetId) : null;
  const markup =
    src && isSafeSrc(src)
      ? `<image href="${escapeXml(src)}" width="${r(w)}" height="${r(h)}" preserveAspectRatio="none"/>`
      : `<rect width="${r(w)}" height="${r(h)}" fill="#f1f3f5" stroke="#9fa8b2" stroke-width="2" stroke-dasharray="6 4"/>`;
  return { markup, w, h };
}

function frame(props: Record<string, unknown>): ShapeMarkup {
  const w = num(props.w, 100);
  const h = num(props.h, 100);
  const name = str(props.name, '');
  const title = name
    ? `<text y="-8" font-size="14" font-family="'tldraw_sans', sans-serif" fill="#495057">${escapeXml(name)}</text>`
    : '';
  return {
    markup: `<rect width="${r(w)}" height="${r(h)}" fill="#fff" stroke="#9fa8b2" stroke-width="1"/>${title}`,
    w,
    h,
  };
}

/**
 * A card the server places on a board (the task, a teacher's question): a rounded frame in the card's
 * colours, an optional heading, and the text in the UI font at 18 px, wrapped from the top left.
 */
function placedCard(
  w: number,
  h: number,
  colours: { fill: string; stroke: string },
  heading: string | null,
  text: string,
): string {
  const top = heading ? 38 : 12;
  return (
    `<rect x="1" y="1" width="${r(w - 2)}" height="${r(h - 2)}" rx="8" fill="${colours.fill}" stroke="${colours.stroke}" stroke-width="2"/>` +
    (heading
      ? `<text x="16" y="30" font-size="${CARD_HEADING_PX}" font-weight="700" letter-spacing="0.72" font-family="system-ui, sans-serif" fill="${colours.stroke}">${heading}</text>`
      : '') +
    textBlockMarkup({
      text,
      x: 16,
      y: top,
      w: w - 32,
      h: Math.max(1, h - top - 12),
      sizePx: 18,
      font: 'ui',
      color: INK,
      align: 'start',
      verticalAlign: 'start',
    })
  );
}

/** The class's task as its card shows it on the board: a violet card, a "Task" heading, the prompt. */
function taskCard(props: Record<string, unknown>): ShapeMarkup {
  const w = num(props.w, 520);
  const h = num(props.h, 100);
  const markup = placedCard(w, h, { fill: '#f3f0ff', stroke: '#5f3dc4' }, 'TASK', str(props.text, ''));
  return { markup, w, h };
}

/**
 * The teacher's question as the students' card shows it: every word, wrapped (the projector shows the
 * question a class is discussing; one line cut at 40 characters hid it). The answer box is not drawn:
 * answers are not in the record.
 */
function questionCard(props: Record<string, unknown>): ShapeMarkup {
  const w = num(props.w, 320);
  const h = num(props.h, 200);
  const markup = placedCard(w, h, { fill: '#e7f5ff', stroke: '#1971c2' }, null, str(props.text, ''));
  return { markup, w, h };
}
