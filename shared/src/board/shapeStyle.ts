import { SHAPE_COLORS } from './shapeDrawing.js';

/** tldraw's look, shared by the shape drawings in `shapeMarkup` and `arrowMarkup`. Records are read defensively. */

// tldraw's stroke widths by size, and its light theme's note and semi-transparent fills by colour.
export const STROKE_PX: Record<string, number> = { s: 2, m: 3.5, l: 5, xl: 10 };
export const NOTE_FILL: Record<string, string> = {
  black: '#fce19c',
  blue: '#8aa3ff',
  green: '#6fc896',
  grey: '#c0cad3',
  'light-blue': '#9bc4fd',
  'light-green': '#98d08a',
  'light-red': '#f7a5a1',
  'light-violet': '#dfb0f9',
  orange: '#faa475',
  red: '#fc8282',
  violet: '#db91fd',
  yellow: '#fed49a',
  white: '#ffffff',
};
export const SEMI_FILL: Record<string, string> = {
  black: '#e8e8e8',
  blue: '#dce1f8',
  green: '#d3e9e3',
  grey: '#eceef0',
  'light-blue': '#ddedfa',
  'light-green': '#dbf0e0',
  'light-red': '#f4dadb',
  'light-violet': '#f5eafa',
  orange: '#f8e2d4',
  red: '#f4dadb',
  violet: '#ecdcf2',
  yellow: '#f9f0e6',
  white: '#ffffff',
};
export const NOTE_SIZE = 200;
export const INK = '#1d1d1d';

export const num = (value: unknown, fallback = 0) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
export const str = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
export const r = (n: number) => Math.round(n * 100) / 100;
export const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
export const colorOf = (props: Record<string, unknown>) => SHAPE_COLORS[str(props.color, 'black')] ?? INK;
export const strokeOf = (props: Record<string, unknown>) => STROKE_PX[str(props.size, 'm')] ?? 3.5;
export const dashOf = (props: Record<string, unknown>, width: number) =>
  props.dash === 'dashed'
    ? ` stroke-dasharray="${r(width * 2)} ${r(width * 2)}"`
    : props.dash === 'dotted'
      ? ` stroke-dasharray="0 ${r(width * 2)}" stroke-linecap="round"`
      : '';
