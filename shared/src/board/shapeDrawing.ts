import { segmentPoints } from './drawPoints.js';
import { EQUATION_TYPE } from './equation.js';
import { TABLE_TYPE } from './table.js';
import { FRACTION_BAR_TYPE } from './fractionBar.js';
import { NUMBER_LINE_TYPE } from './numberLine.js';
import { COORDINATE_PLANE_TYPE } from './coordinatePlane.js';
import { describeCoordinatePlane, describeFractionBar, describeNumberLine } from './shapeDescriptions.js';

/**
 * A shape drawn from its record alone, without a tldraw editor, as a few primitives in the shape's own space
 * (origin at its top-left): the dashboard's thumbnails write them as SVG, the server's PDF exports draw them
 * with pdf-lib. A simplified style (outlines, note squares, plain text, strokes; our math shapes as a box
 * with their LaTeX or their cells); shapes it does not know are drawn as their box. Pure: no DOM.
 */
export type DrawOp =
  | {
      op: 'rect';
      x?: number;
      y?: number;
      w: number;
      h: number;
      fill: string;
      stroke?: string;
      width?: number;
      dashed?: boolean;
      rounded?: boolean;
    }
  | { op: 'ellipse'; w: number; h: number; fill: string; stroke: string; width: number }
  | { op: 'path'; points: { x: number; y: number }[]; stroke: string; width: number; opacity?: number }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number }
  | { op: 'text'; x: number; y: number; size: number; fill: string; text: string };

export interface ShapeDrawing {
  ops: DrawOp[];
  w: number;
  h: number;
}

// tldraw's default palette (light theme), by style name.
export const SHAPE_COLORS: Record<string, string> = {
  black: '#1d1d1d',
  grey: '#9fa8b2',
  'light-violet': '#e085f4',
  violet: '#ae3ec9',
  blue: '#4465e9',
  'light-blue': '#4ba1f1',
  yellow: '#f1ac4b',
  orange: '#e16919',
  green: '#099268',
  'light-green': '#4cb05e',
  'light-red': '#f87777',
  red: '#e03131',
  white: '#ffffff',
};
const NOTE_FILL: Record<string, string> = { ...SHAPE_COLORS, yellow: '#fed49a', black: '#2c2c2c' };
const NOTE_SIZE = 200;
const FONT_SIZE: Record<string, number> = { s: 18, m: 24, l: 36, xl: 44 };
/** A line of text is cut here: a preview, not a reading copy (the CSVs carry the full text). */
const MAX_LINE_CHARS = 60;
const INK = '#1d1d1d';
const FAINT = '#9fa8b2';

const num = (value: unknown, fallback = 0) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
const str = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
const colorOf = (props: Record<string, unknown>) => SHAPE_COLORS[str(props.color, 'black')] ?? INK;
const oneLine = (text: string, max = MAX_LINE_CHARS) =>
  text.length > max ? `${text.slice(0, max - 3)}…` : text;

function centredText(text: string | null, props: Record<string, unknown>, w: number, fill: string): DrawOp[] {
  if (!text) return [];
  const size = FONT_SIZE[str(props.size, 'm')] ?? 24;
  return [{ op: 'text', x: w / 2, y: size, size, fill, text: oneLine(text) }];
}

export function shapeDrawing(
  type: string,
  props: Record<string, unknown>,
  text: string | null,
): ShapeDrawing {
  const scale = num(props.scale, 1);
  const stroke = colorOf(props);
  switch (type) {
    case 'geo': {
      const w = num(props.w, 100);
      const h = num(props.h, 100) + num(props.growY);
      const fill = str(props.fill, 'none') === 'none' ? 'none' : `${stroke}33`;
      const outline: DrawOp =
        props.geo === 'ellipse' || props.geo === 'oval'
          ? { op: 'ellipse', w, h, fill, stroke, width: 3 }
          : { op: 'rect', w, h, fill, stroke, width: 3, rounded: true };
      return { ops: [outline, ...centredText(text, props, w, stroke)], w, h };
    }
    case 'note': {
      const w = NOTE_SIZE * scale;
      const h = (NOTE_SIZE + num(props.growY)) * scale;
      const fill = NOTE_FILL[str(props.color, 'yellow')] ?? NOTE_FILL.yellow!;
      return { ops: [{ op: 'rect', w, h, fill }, ...centredText(text, props, w, INK)], w, h };
    }
    case 'text': {
      const w = num(props.w, 100) * scale;
      const h = (FONT_SIZE[str(props.size, 'm')] ?? 24) * 1.4 * scale;
      return { ops: centredText(text, props, w, stroke), w, h };
    }
    case 'draw':
    case 'highlight':
    case 'line': {
      let maxX = 1;
      let maxY = 1;
      const ops: DrawOp[] = segmentPoints(props)
        .filter((points) => points.length > 0)
        .map((points) => {
          const scaled = points.map((p) => ({ x: p.x * scale, y: p.y * scale }));
          for (const p of scaled) {
            maxX = Math.max(maxX, p.x);
            maxY = Math.max(maxY, p.y);
          }
          return type === 'highlight'
            ? { op: 'path', points: scaled, stroke, width: 12, opacity: 0.4 }
            : { op: 'path', points: scaled, stroke, width: 3 };
        });
      return { ops, w: maxX, h: maxY };
    }
    case 'arrow': {
      const start = (props.start ?? {}) as { x?: unknown; y?: unknown };
      const end = (props.end ?? {}) as { x?: unknown; y?: unknown };
      const [x1, y1, x2, y2] = [num(start.x), num(start.y), num(end.x), num(end.y)];
      return {
        ops: [{ op: 'line', x1, y1, x2, y2, stroke, width: 3 }],
        w: Math.max(x1, x2, 1),
        h: Math.max(y1, y2, 1),
      };
    }
    case TABLE_TYPE:
      return tableDrawing(props);
    default: {
      // Frames, images and the other math shapes: their box, with their text (an equation: its LaTeX).
      const w = num(props.w, 100) * scale;
      const h = num(props.h, 100) * scale;
      const label = type === EQUATION_TYPE ? str(props.latex, '') : (text ?? mathShapeLabel(type, props));
      return {
        ops: [
          { op: 'rect', w, h, fill: 'none', stroke: FAINT, width: 2, dashed: true },
          ...centredText(label, props, w, INK),
        ],
        w,
        h,
      };
    }
  }
}

/** What a fraction bar, number line or coordinate plane shows, in words (as a screen reader hears it). */
function mathShapeLabel(type: string, props: Record<string, unknown>): string | null {
  const describe = MATH_DESCRIPTIONS[type];
  try {
    return describe ? describe(props as never) : null;
  } catch {
    return null; // a record that does not carry the shape's props: its box alone
  }
}
const MATH_DESCRIPTIONS: Record<string, (props: never) => string> = {
  [FRACTION_BAR_TYPE]: describeFractionBar,
  [NUMBER_LINE_TYPE]: describeNumberLine,
  [COORDINATE_PLANE_TYPE]: describeCoordinatePlane,
};

/** A table as its grid and the text of each cell (cut to the cell). */
function tableDrawing(props: Record<string, unknown>): ShapeDrawing {
  const w = num(props.w, 100);
  const h = num(props.h, 100);
  const cells = Array.isArray(props.cells) ? (props.cells as unknown[][]) : [];
  const rows = Math.max(cells.length, 1);
  const columns = Math.max(cells[0]?.length ?? 0, 1);
  const cw = w / columns;
  const ch = h / rows;
  const size = Math.max(8, Math.min(18, ch * 0.45));
  const ops: DrawOp[] = [{ op: 'rect', w, h, fill: 'none', stroke: INK, width: 1.5 }];
  for (let c = 1; c < columns; c++)
    ops.push({ op: 'line', x1: c * cw, y1: 0, x2: c * cw, y2: h, stroke: INK, width: 1 });
  for (let r = 1; r < rows; r++)
    ops.push({ op: 'line', x1: 0, y1: r * ch, x2: w, y2: r * ch, stroke: INK, width: 1 });
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const text = typeof cell === 'string' ? cell.trim() : '';
      if (text)
        ops.push({
          op: 'text',
          x: c * cw + cw / 2,
          y: r * ch + ch / 2 + size / 3,
          size,
          fill: INK,
          text: oneLine(text, Math.max(3, Math.floor(cw / (size * 0.55)))),
        });
    }),
  );
  return { ops, w, h };
}

const round = (n: number) => Math.round(n * 100) / 100;
const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** The primitives as SVG markup (in the shape's own space). */
export function drawOpsToSvg(ops: readonly DrawOp[]): string {
  return ops.map(opToSvg).join('');
}

function opToSvg(op: DrawOp): string {
  switch (op.op) {
    case 'rect': {
      const at = op.x || op.y ? ` x="${round(op.x ?? 0)}" y="${round(op.y ?? 0)}"` : '';
      const outline = op.stroke ? ` stroke="${op.stroke}" stroke-width="${op.width ?? 1}"` : '';
      return `<rect${at} width="${round(op.w)}" height="${round(op.h)}"${op.rounded ? ' rx="4"' : ''} fill="${op.fill}"${outline}${op.dashed ? ' stroke-dasharray="6 4"' : ''}/>`;
    }
    case 'ellipse':
      return `<ellipse cx="${round(op.w / 2)}" cy="${round(op.h / 2)}" rx="${round(op.w / 2)}" ry="${round(op.h / 2)}" fill="${op.fill}" stroke="${op.stroke}" stroke-width="${op.width}"/>`;
    case 'path':
      return `<path d="M${op.points.map((p) => `${round(p.x)} ${round(p.y)}`).join('L')}" fill="none" stroke="${op.stroke}" stroke-width="${op.width}" stroke-linecap="round" stroke-linejoin="round"${op.opacity !== undefined ? ` opacity="${op.opacity}"` : ''}/>`;
    case 'line':
      return `<line x1="${round(op.x1)}" y1="${round(op.y1)}" x2="${round(op.x2)}" y2="${round(op.y2)}" stroke="${op.stroke}" stroke-width="${op.width}"/>`;
    case 'text':
      return `<text x="${round(op.x)}" y="${round(op.y)}" font-size="${round(op.size)}" font-family="sans-serif" text-anchor="middle" fill="${op.fill}">${escapeXml(op.text)}</text>`;
  }
}
