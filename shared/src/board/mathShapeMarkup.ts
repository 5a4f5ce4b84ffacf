import { numberLineTicks, type TickSpacing } from '../domain/math/ticks.js';
import { COORDINATE_PLANE_TYPE } from './coordinatePlane.js';
import { EQUATION_TYPE } from './equation.js';
import { FRACTION_BAR_TYPE } from './fractionBar.js';
import { NUMBER_LINE_TYPE } from './numberLine.js';
import { TABLE_TYPE } from './table.js';
import { latexToHtml } from './equationHtml.js';

/**
 * Our math shapes as simplified SVG for previews drawn from records (the dashboard's thumbnails): recognisable
 * at a glance — an equation's text, a table's grid and cells, a number line's ticks and points, a fraction
 * model's parts and shading, a coordinate plane's axes, points and functions — without KaTeX or the editor.
 * Records come from a board's doc, so every prop is read defensively. Null for any other type.
 */
export function mathShapeMarkup(type: string, props: Record<string, unknown>): string | null {
  const w = num(props.w, 100);
  const h = num(props.h, 100);
  switch (type) {
    case EQUATION_TYPE:
      return equation(w, h, props);
    case TABLE_TYPE:
      return table(w, h, props);
    case FRACTION_BAR_TYPE:
      return fractionBar(w, h, props);
    case NUMBER_LINE_TYPE:
      return numberLine(w, h, props);
    case COORDINATE_PLANE_TYPE:
      return coordinatePlane(w, h, props);
    default:
      return null;
  }
}

const MAX_LABEL_CHARS = 40;
const INK = '#1d1d1d';

const num = (value: unknown, fallback = 0) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const r = (n: number) => Math.round(n * 10) / 10;
const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
const frame = (w: number, h: number) =>
  `<rect width="${r(w)}" height="${r(h)}" fill="#fff" stroke="#9fa8b2" stroke-width="1.5"/>`;

function label(text: string, x: number, y: number, size: number, anchor = 'middle'): string {
  const line = text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;
  if (line === '') return '';
  return `<text x="${r(x)}" y="${r(y)}" font-size="${r(size)}" font-family="sans-serif" text-anchor="${anchor}" fill="${INK}">${escapeXml(line)}</text>`;
}

/** LaTeX as a line of plain text: `\frac{a}{b}` → a/b, operators as their signs, other commands dropped. */
export function latexToText(latex: string): string {
  return latex
    .replace(/\\d?frac\{([^{}]*)\}\{([^{}]*)\}/g, '$1/$2')
    .replace(/\\sqrt\{([^{}]*)\}/g, '√($1)')
    .replace(/\\(cdot|times)/g, '×')
    .replace(/\\div/g, '÷')
    .replace(/\\(le|leq)\b/g, '≤')
    .replace(/\\(ge|geq)\b/g, '≥')
    .replace(/\\pi\b/g, 'π')
    .replace(/\\[a-zA-Z]+/g, '')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * An equation as the editor shows it (no frame; a fraction stacked, variables in italics) at its font size,
 * centred in its box: HTML laid out by the browser in a foreignObject.
 */
function equation(w: number, h: number, props: Record<string, unknown>): string {
  const size = Math.min(400, Math.max(8, num(props.fontSize, 32)));
  const style = `display:flex;align-items:center;justify-content:center;width:100%;height:100%;white-space:nowrap;font-family:KaTeX_Main,'Times New Roman',serif;font-size:${r(size)}px;line-height:1.2;color:${INK}`;
  return (
    `<foreignObject width="${r(w)}" height="${r(h)}" overflow="visible">` +
    `<div xmlns="http://www.w3.org/1999/xhtml" style="${style}">${latexToHtml(str(props.latex))}</div></foreignObject>`
  );
}

function table(w: number, h: number, props: Record<string, unknown>): string {
  const cells = arr(props.cells).map((row) => arr(row).map(str));
  const rows = Math.max(1, cells.length);
  const columns = Math.max(1, ...cells.map((row) => row.length));
  const cw = w / columns;
  const ch = h / rows;
  let out = frame(w, h);
  if (props.headerRow === true) out += `<rect width="${r(w)}" height="${r(ch)}" fill="#e9ecef"/>`;
  for (let i = 1; i < rows; i++)
    out += `<line x1="0" y1="${r(i * ch)}" x2="${r(w)}" y2="${r(i * ch)}" stroke="#9fa8b2"/>`;
  for (let j = 1; j < columns; j++)
    out += `<line x1="${r(j * cw)}" y1="0" x2="${r(j * cw)}" y2="${r(h)}" stroke="#9fa8b2"/>`;
  const size = Math.min(ch * 0.6, 20);
  cells.forEach((row, i) =>
    row.forEach((text, j) => (out += label(text, (j + 0.5) * cw, (i + 0.5) * ch + size / 3, size))),
  );
  return out;
}

function fractionBar(w: number, h: number, props: Record<string, unknown>): string {
  const partition = (props.partition ?? {}) as Record<string, unknown>;
  const rows = Math.min(12, Math.max(1, Math.round(num(partition.rows, 1))));
  const columns = Math.min(24, Math.max(1, Math.round(num(partition.columns, 1))));
  const shaded = new Set(arr(partition.shaded).map((i) => num(i, -1)));
  const labelH = props.showLabel === true ? Math.min(28, h * 0.25) : 0;
  const pw = w / columns;
  const ph = (h - labelH) / rows;
  let out = '';
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < columns; j++)
      out += `<rect x="${r(j * pw)}" y="${r(i * ph)}" width="${r(pw)}" height="${r(ph)}" fill="${shaded.has(i * columns + j) ? '#4ba1f1' : '#fff'}" stroke="${INK}" stroke-width="1.5"/>`;
  if (labelH > 0) out += label(`${shaded.size}/${rows * columns}`, w / 2, h - labelH * 0.2, labelH * 0.8);
  return out;
}

function numberLine(w: number, h: number, props: Record<string, unknown>): string {
  const axis = props.axis as TickSpacing | undefined;
  const y = h / 2;
  let out = `<line x1="0" y1="${r(y)}" x2="${r(w)}" y2="${r(y)}" stroke="${INK}" stroke-width="2"/>`;
  if (!axis || !(num(axis.max) > num(axis.min))) return out;
  const ticks = numberLineTicks(axis);
  const stride = Math.max(1, Math.ceil(ticks.length / 12));
  ticks.forEach((tick, k) => {
    const x = tick.at * w;
    const len = tick.major ? 10 : 6;
    out += `<line x1="${r(x)}" y1="${r(y - len)}" x2="${r(x)}" y2="${r(y + len)}" stroke="${INK}"/>`;
    if (k % stride === 0) out += label(tick.label, x, y + 28, 14);
  });
  for (const point of arr(props.points) as Array<Record<string, unknown>>) {
    const x = ((num(point.value) - axis.min) / (axis.max - axis.min)) * w;
    out += `<circle cx="${r(x)}" cy="${r(y)}" r="6" fill="#e03131"/>${label(str(point.label), x, y - 14, 14)}`;
  }
  return out;
}

function coordinatePlane(w: number, h: number, props: Record<string, unknown>): string {
  const win = (props.window ?? {}) as Record<string, unknown>;
  const [xMin, xMax, yMin, yMax] = [
    num(win.xMin, -10),
    num(win.xMax, 10),
    num(win.yMin, -10),
    num(win.yMax, 10),
  ];
  let out = frame(w, h);
  if (!(xMax > xMin && yMax > yMin)) return out;
  const px = (x: number) => ((x - xMin) / (xMax - xMin)) * w;
  const py = (y: number) => h - ((y - yMin) / (yMax - yMin)) * h;
  if (xMin <= 0 && xMax >= 0)
    out += `<line x1="${r(px(0))}" y1="0" x2="${r(px(0))}" y2="${r(h)}" stroke="${INK}"/>`;
  if (yMin <= 0 && yMax >= 0)
    out += `<line x1="0" y1="${r(py(0))}" x2="${r(w)}" y2="${r(py(0))}" stroke="${INK}"/>`;
  for (const point of arr(props.points) as Array<Record<string, unknown>>) {
    const [x, y] = [px(num(point.x)), py(num(point.y))];
    out += `<circle cx="${r(x)}" cy="${r(y)}" r="5" fill="#e03131"/>${label(str(point.label), x + 8, y - 8, 14, 'start')}`;
  }
  (arr(props.functions) as Array<Record<string, unknown>>).forEach((fn, i) => {
    out += label(str(fn.text), 8, 22 + i * 20, 16, 'start');
  });
  return out;
}
