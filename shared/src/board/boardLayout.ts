import { recordText } from './plainText.js';
import { drawOpsToSvg, shapeDrawing, type ShapeDrawing } from './shapeDrawing.js';

/** A shape placed on the page: its drawing in its own space, its place in its parent's, and its children. */
export interface LaidOutShape {
  id: string;
  x: number;
  y: number;
  /** Radians, about the shape's top-left, as tldraw stores it. */
  rotation: number;
  drawing: ShapeDrawing;
  children: LaidOutShape[];
}

export interface BoardLayout {
  /** Top-level shapes in paint order (tldraw's fractional index). */
  shapes: LaidOutShape[];
  /** The page-space box around every shape (rotation ignored), or null for an empty board. */
  box: { x: number; y: number; w: number; h: number } | null;
}

interface ShapeLike {
  id: string;
  typeName: string;
  type?: unknown;
  parentId?: unknown;
  index?: unknown;
  x?: unknown;
  y?: unknown;
  rotation?: unknown;
  props?: unknown;
}

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const byIndex = (a: ShapeLike, b: ShapeLike) => {
  const [ia, ib] = [String(a.index ?? ''), String(b.index ?? '')];
  return ia < ib ? -1 : ia > ib ? 1 : a.id < b.id ? -1 : 1;
};
/** Deeper than this, a parent chain is a cycle or an attack: its shapes are left out. */
const MAX_DEPTH = 32;

/**
 * A whole board (or a snapshot's records) laid out for drawing from its records alone — the non-incremental
 * twin of the dashboard's thumbnail, for exports: shapes nested in frames and groups are drawn inside them.
 */
export function layOutBoard(records: Iterable<{ id: string; typeName: string }>): BoardLayout {
  const shapes = new Map<string, ShapeLike>();
  for (const record of records) if (record.typeName === 'shape') shapes.set(record.id, record as ShapeLike);
  const childrenOf = new Map<string, ShapeLike[]>();
  for (const shape of shapes.values()) {
    const parent = typeof shape.parentId === 'string' && shapes.has(shape.parentId) ? shape.parentId : '';
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), shape]);
  }
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const place = (shape: ShapeLike, ox: number, oy: number, depth: number): LaidOutShape => {
    const [x, y] = [num(shape.x), num(shape.y)];
    const props = (typeof shape.props === 'object' && shape.props !== null ? shape.props : {}) as Record<
      string,
      unknown
    >;
    const drawing = shapeDrawing(String(shape.type ?? ''), props, recordText(shape));
    box.minX = Math.min(box.minX, ox + x);
    box.minY = Math.min(box.minY, oy + y);
    box.maxX = Math.max(box.maxX, ox + x + drawing.w);
    box.maxY = Math.max(box.maxY, oy + y + drawing.h);
    const children =
      depth >= MAX_DEPTH
        ? []
        : (childrenOf.get(shape.id) ?? []).sort(byIndex).map((c) => place(c, ox + x, oy + y, depth + 1));
    return { id: shape.id, x, y, rotation: num(shape.rotation), drawing, children };
  };
  const laidOut = (childrenOf.get('') ?? []).sort(byIndex).map((s) => place(s, 0, 0, 0));
  return {
    shapes: laidOut,
    box:
      laidOut.length === 0
        ? null
        : { x: box.minX, y: box.minY, w: box.maxX - box.minX, h: box.maxY - box.minY },
  };
}

/** A margin around the shapes of an exported drawing, in page units. */
const SVG_PADDING = 16;
const round = (n: number) => Math.round(n * 100) / 100;

function shapeSvg(shape: LaidOutShape): string {
  const degrees = (shape.rotation * 180) / Math.PI;
  const transform = `translate(${round(shape.x)} ${round(shape.y)})${degrees ? ` rotate(${round(degrees)})` : ''}`;
  return `<g transform="${transform}">${drawOpsToSvg(shape.drawing.ops)}${shape.children.map(shapeSvg).join('')}</g>`;
}

/**
 * A laid-out board as a standalone SVG document on white, sized in page units: the server's board SVG (and,
 * rasterized in the browser, its PNG). Every text in it is escaped; it carries no script, link or image.
 */
export function boardSvg(layout: BoardLayout): string {
  const box = layout.box ?? { x: 0, y: 0, w: 100, h: 100 };
  const [x, y, w, h] = [
    box.x - SVG_PADDING,
    box.y - SVG_PADDING,
    box.w + 2 * SVG_PADDING,
    box.h + 2 * SVG_PADDING,
  ].map((n) => Math.round(n)) as [number, number, number, number];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${w} ${h}" width="${w}" height="${h}">` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#ffffff"/>` +
    layout.shapes.map(shapeSvg).join('') +
    '</svg>'
  );
}
