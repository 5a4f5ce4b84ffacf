import { ARROW_LABEL_FONT_PX, estimateTextHeight, textBlockMarkup } from './textMarkup.js';
import { SHAPE_COLORS } from './shapeDrawing.js';
import { INK, colorOf, dashOf, num, r, str, strokeOf } from './shapeStyle.js';
import type { ShapeMarkup } from './shapeMarkup.js';

interface Point {
  x: number;
  y: number;
}

/** An arrowhead at `tip`, pointing away from `from`. */
function head(tip: Point, from: Point, size: number, color: string, width: number): string {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const wing = (turn: number) => ({
    x: tip.x - size * Math.cos(angle + turn),
    y: tip.y - size * Math.sin(angle + turn),
  });
  const [a, b] = [wing(Math.PI / 6), wing(-Math.PI / 6)];
  return `<path d="M${r(a.x)} ${r(a.y)}L${r(tip.x)} ${r(tip.y)}L${r(b.x)} ${r(b.y)}" fill="none" stroke="${color}" stroke-width="${r(width)}" stroke-linecap="round" stroke-linejoin="round"/>`;
}

/** An arrow as tldraw draws it: its line (bent through `bend`), its heads, its label over the middle. */
export function arrowMarkup(
  props: Record<string, unknown>,
  text: string | null,
  ends: { start: Point; end: Point } | undefined,
): ShapeMarkup {
  const scale = num(props.scale, 1);
  const point = (value: unknown) => {
    const p = (value ?? {}) as { x?: unknown; y?: unknown };
    return { x: num(p.x), y: num(p.y) };
  };
  const { start, end } = ends ?? { start: point(props.start), end: point(props.end) };
  const color = colorOf(props);
  const width = strokeOf(props) * scale;
  // tldraw bends an arrow through the point `bend` off its middle: a quadratic curve through that point.
  const bend = num(props.bend);
  const length = Math.hypot(end.x - start.x, end.y - start.y) || 1;
  const normal = { x: (end.y - start.y) / length, y: -(end.x - start.x) / length };
  const middle = { x: (start.x + end.x) / 2 + normal.x * bend, y: (start.y + end.y) / 2 + normal.y * bend };
  const control = { x: 2 * middle.x - (start.x + end.x) / 2, y: 2 * middle.y - (start.y + end.y) / 2 };
  let markup = `<path d="M${r(start.x)} ${r(start.y)}Q${r(control.x)} ${r(control.y)} ${r(end.x)} ${r(end.y)}" fill="none" stroke="${color}" stroke-width="${r(width)}" stroke-linecap="round"${dashOf(props, width)}/>`;
  const headSize = Math.min(length / 3, 12 + width * 3);
  if (str(props.arrowheadEnd, 'arrow') !== 'none') markup += head(end, control, headSize, color, width);
  if (str(props.arrowheadStart, 'none') !== 'none') markup += head(start, control, headSize, color, width);
  if (text) {
    const size = (ARROW_LABEL_FONT_PX[str(props.size, 'm')] ?? 20) * scale;
    const w = Math.min(Math.max(size * 4, text.length * size * 0.6), 320 * scale);
    const h = estimateTextHeight(text, size, w) + 8;
    markup += textBlockMarkup({
      text,
      x: middle.x - w / 2,
      y: middle.y - h / 2,
      w,
      h,
      sizePx: size,
      font: props.font,
      color: SHAPE_COLORS[str(props.labelColor, 'black')] ?? INK,
      background: '#ffffff',
    });
  }
  const minX = Math.min(start.x, end.x, middle.x);
  const minY = Math.min(start.y, end.y, middle.y);
  // The frame a view fits runs from the shape's origin: arrows pointing up or left reach below zero.
  return {
    markup,
    w: Math.max(start.x, end.x, middle.x, 1) - Math.min(0, minX),
    h: Math.max(start.y, end.y, middle.y, 1) - Math.min(0, minY),
  };
}
