/**
 * Text in a preview drawn from records, laid out by the browser as the editor lays it out: an HTML block in
 * a `<foreignObject>`, wrapped in the shape's width, in tldraw's fonts and sizes. SVG `<text>` cannot wrap,
 * so a note's sentence became one clipped line; at projector distance the words must read as students
 * wrote them. Where no browser lays it out (an SVG kept as an image), the text falls back to a system font.
 */

/** tldraw's font sizes in px (its rem sizes × 16): a text shape's, and a label's inside a geo or note. */
export const TEXT_FONT_PX: Record<string, number> = { s: 18, m: 24, l: 36, xl: 44 };
export const LABEL_FONT_PX: Record<string, number> = { s: 18, m: 22, l: 26, xl: 32 };
export const ARROW_LABEL_FONT_PX: Record<string, number> = { s: 18, m: 20, l: 24, xl: 28 };
/**
 * The heading of a card the server places on a board (the task's "TASK"), as the editor draws it
 * (`taskCard.css`): no smaller than the students' smallest type, which the projector holds readable. At 14 px
 * it read at 11 px on a laptop projector.
 */
export const CARD_HEADING_PX = 18;
/** tldraw's padding around a label inside its shape, and its line height. */
export const LABEL_PADDING_PX = 16;
export const LINE_HEIGHT = 1.35;

/** The font families the app registers (`client/src/fonts`), by tldraw's `font` style name. */
const FONT_FAMILY: Record<string, string> = {
  draw: "'tldraw_draw', sans-serif",
  sans: "'tldraw_sans', sans-serif",
  serif: "'tldraw_serif', serif",
  mono: "'tldraw_mono', monospace",
  /** The page's own font (our cards, which the editor draws in the app's font, not tldraw's). */
  ui: 'inherit',
};

const ALIGN: Record<string, string> = {
  start: 'left',
  middle: 'center',
  end: 'right',
  'start-legacy': 'left',
  'middle-legacy': 'center',
  'end-legacy': 'right',
};
const JUSTIFY: Record<string, string> = { start: 'flex-start', middle: 'center', end: 'flex-end' };

export interface TextBlock {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  sizePx: number;
  font: unknown;
  color: string;
  /** Horizontal alignment (tldraw's `align`/`textAlign`: start, middle, end). */
  align?: unknown;
  /** Vertical alignment in the box (tldraw's `verticalAlign`). */
  verticalAlign?: unknown;
  padding?: number;
  /** Keep each line whole (an auto-sized text shape: its width is its longest line's). */
  noWrap?: boolean;
  /** A background behind the words (an arrow's label sits on the canvas colour over its line). */
  background?: string;
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
const round = (n: number) => Math.round(n * 100) / 100;

/** The block's markup: a foreignObject holding a flex box that places the words as tldraw does. */
export function textBlockMarkup(block: TextBlock): string {
  if (!block.text) return '';
  const family = FONT_FAMILY[typeof block.font === 'string' ? block.font : 'draw'] ?? FONT_FAMILY.draw!;
  const align = ALIGN[typeof block.align === 'string' ? block.align : 'middle'] ?? 'center';
  const justify = JUSTIFY[typeof block.verticalAlign === 'string' ? block.verticalAlign : 'middle'];
  const style = [
    'display:flex',
    'flex-direction:column',
    `justify-content:${justify ?? 'center'}`,
    'width:100%',
    'height:100%',
    'box-sizing:border-box',
    `padding:${round(block.padding ?? 0)}px`,
    `font-family:${family}`,
    `font-size:${round(block.sizePx)}px`,
    `line-height:${LINE_HEIGHT}`,
    `color:${block.color}`,
    `text-align:${align}`,
    block.noWrap ? 'white-space:pre' : 'white-space:pre-wrap',
    'overflow-wrap:break-word',
  ].join(';');
  const words = block.background
    ? `<span style="background:${block.background};border-radius:4px;padding:0 4px">${escapeXml(block.text)}</span>`
    : escapeXml(block.text);
  return (
    `<foreignObject x="${round(block.x)}" y="${round(block.y)}" width="${round(block.w)}" height="${round(block.h)}" overflow="visible">` +
    `<div xmlns="http://www.w3.org/1999/xhtml" style="${style}">${words}</div></foreignObject>`
  );
}

/** About how wide a character of the board's fonts is, for its size (estimates only: the browser lays it out). */
const CHAR_WIDTH_EM = 0.55;

/** About how tall a text's lines stand (for a frame around shapes whose height tldraw measures). */
export function estimateTextHeight(text: string, sizePx: number, widthPx: number): number {
  const perLine = Math.max(1, Math.floor(widthPx / (sizePx * CHAR_WIDTH_EM)));
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return Math.max(1, lines) * sizePx * LINE_HEIGHT;
}

/** About how wide a text's longest line runs unwrapped (an auto-sized text shape, whose width tldraw measures). */
export function estimateTextWidth(text: string, sizePx: number): number {
  const longest = Math.max(1, ...text.split('\n').map((line) => line.length));
  return longest * sizePx * CHAR_WIDTH_EM;
}
