import { recordText } from './plainText.js';
import { drawOpsToSvg, shapeDrawing } from './shapeDrawing.js';
import { mathShapeMarkup } from './mathShapeMarkup.js';
import { shapeMarkup } from './shapeMarkup.js';
import { escapeXml, num } from './shapeStyle.js';
import { arrowEnd, type ArrowBinding, type PageBox } from './arrowEnds.js';
import { workFocus } from './workFocus.js';

/** The part of a tldraw record a thumbnail reads (records come straight from the board's Y.Doc). */
export interface ThumbnailRecord {
  id: string;
  typeName: string;
  type?: string;
  parentId?: string;
  index?: string;
  x?: number;
  y?: number;
  rotation?: number;
  props?: Record<string, unknown>;
  /** A binding's arrow and the shape it points at. */
  fromId?: string;
  toId?: string;
}

/** A YKeyValue change, as `records.on('change')` reports it. */
export type ThumbnailChange =
  { action: 'add' | 'update'; newValue: ThumbnailRecord } | { action: 'delete'; oldValue?: ThumbnailRecord };

const PADDING = 16;

/** A board's thumbnail in parts: its viewBox and each top-level shape's markup, in stacking order. */
export interface ThumbnailParts {
  viewBox: string;
  /**
   * What a view frames (no padding), or null on an empty board: the page box around the work — every shape,
   * unless a few far off would shrink the rest to a dot (`workFocus`).
   */
  bounds: { x: number; y: number; w: number; h: number } | null;
  /** The centres of the top-level shapes left out of `bounds`, for a view to mark where they are. */
  farOff: Array<{ x: number; y: number }>;
  roots: Array<{ id: string; markup: string }>;
}

/** An SVG document around shapes' markup, the drawing kept whole within the view (letterboxed). */
export const svgDocument = (viewBox: string, inner: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" preserveAspectRatio="xMidYMid meet">${inner}</svg>`;

interface Fragment {
  markup: string;
  /** Page-space box of the shape (rotation ignored: a thumbnail's frame only). */
  box: { minX: number; minY: number; maxX: number; maxY: number };
}

/**
 * A board's preview as SVG, kept from its records without a tldraw editor: each top-level shape's markup is
 * cached and rebuilt only when it (or a shape inside it) changes, so a student's edit costs one shape's work
 * and a string join, not a re-render of the board. Shapes are drawn in a simplified style (outlines, note
 * squares, plain text, strokes: `shapeDrawing`, which the PDF exports draw too). Pure: no DOM — the dashboard's
 * thumbnails draw with it in the browser, the server a snapshot's stored image.
 */
export class BoardThumbnail {
  private readonly records = new Map<string, ThumbnailRecord>();
  /** Image assets' URLs by asset id, and arrows' bindings by arrow id (and by the shape they point at). */
  private readonly assets = new Map<string, string>();
  private readonly bindings = new Map<string, ThumbnailRecord>();
  private readonly arrowsTo = new Map<string, Set<string>>();
  /** Shape ids by parent id, so a frame finds its children without a scan of the board. */
  private readonly childrenOf = new Map<string, Set<string>>();
  private readonly fragments = new Map<string, Fragment>();
  private readonly dirty = new Set<string>();
  private cached: string | null = null;
  private cachedParts: ThumbnailParts | null = null;

  constructor(records: Iterable<ThumbnailRecord> = []) {
    for (const record of records) this.put(record);
  }

  /** Applies a batch of record changes (a YKeyValue change map). */
  apply(changes: Iterable<[string, ThumbnailChange]> | Map<string, ThumbnailChange>): void {
    for (const [id, change] of changes) {
      if (change.action === 'delete') this.remove(id);
      else this.put(change.newValue);
    }
  }

  put(record: ThumbnailRecord): void {
    if (record.typeName === 'asset') return this.putAsset(record);
    if (record.typeName === 'binding') return this.putBinding(record);
    if (record.typeName !== 'shape') return;
    const previous = this.records.get(record.id);
    if (previous) {
      this.dirty.add(this.rootOf(previous));
      this.unlink(previous);
    }
    this.records.set(record.id, record);
    this.link(record);
    this.dirty.add(this.rootOf(record));
    // Shapes that arrived before their frame were drawn on their own: they are drawn inside it now.
    for (const child of this.childrenOf.get(record.id) ?? []) this.dirty.add(child);
    this.arrowsMoved(record.id);
    this.invalidate();
  }

  remove(id: string): void {
    if (this.assets.delete(id)) return this.imagesOf(id);
    const binding = this.bindings.get(id);
    if (binding) {
      this.bindings.delete(id);
      this.arrowsTo.get(str(binding.toId))?.delete(str(binding.fromId));
      this.redraw(str(binding.fromId));
      return;
    }
    const record = this.records.get(id);
    if (!record) return;
    const root = this.rootOf(record);
    this.unlink(record);
    this.records.delete(id);
    this.fragments.delete(id);
    this.dirty.add(root);
    // Its children (if any remain) are drawn on their own until they go too.
    for (const child of this.childrenOf.get(id) ?? []) this.dirty.add(child);
    this.arrowsMoved(id);
    this.invalidate();
  }

  private invalidate(): void {
    this.cached = null;
    this.cachedParts = null;
  }

  /** Redraws the top-level shape holding `id` (if it is drawn). */
  private redraw(id: string): void {
    const record = this.records.get(id);
    if (!record) return;
    this.dirty.add(this.rootOf(record));
    this.invalidate();
  }

  private putAsset(record: ThumbnailRecord): void {
    const src = (record.props ?? {}).src;
    if (typeof src === 'string') this.assets.set(record.id, src);
    else this.assets.delete(record.id);
    this.imagesOf(record.id);
  }

  /** Redraws the images showing an asset (assets change rarely: a scan is enough). */
  private imagesOf(assetId: string): void {
    for (const record of this.records.values())
      if (record.type === 'image' && record.props?.assetId === assetId) this.redraw(record.id);
  }

  private putBinding(record: ThumbnailRecord): void {
    const previous = this.bindings.get(record.id);
    if (previous) this.arrowsTo.get(str(previous.toId))?.delete(str(previous.fromId));
    this.bindings.set(record.id, record);
    const to = str(record.toId);
    let arrows = this.arrowsTo.get(to);
    if (!arrows) this.arrowsTo.set(to, (arrows = new Set()));
    arrows.add(str(record.fromId));
    this.redraw(str(record.fromId));
  }

  /** A shape moved, changed or went: the arrows pointing at it follow. */
  private arrowsMoved(shapeId: string): void {
    for (const arrowId of this.arrowsTo.get(shapeId) ?? []) this.redraw(arrowId);
  }

  private link(record: ThumbnailRecord): void {
    const parent = record.parentId ?? '';
    let set = this.childrenOf.get(parent);
    if (!set) this.childrenOf.set(parent, (set = new Set()));
    set.add(record.id);
  }

  private unlink(record: ThumbnailRecord): void {
    const set = this.childrenOf.get(record.parentId ?? '');
    set?.delete(record.id);
    if (set?.size === 0) this.childrenOf.delete(record.parentId ?? '');
  }

  /**
   * The board as its top-level shapes' markup in stacking order and the viewBox fitted around them: a view
   * that patches its DOM replaces only the roots whose markup changed (an unchanged root keeps the same
   * string, so an identity check finds them).
   */
  parts(): ThumbnailParts {
    if (this.cachedParts !== null) return this.cachedParts;
    for (const id of this.dirty) {
      const record = this.records.get(id);
      if (record && this.isTopLevel(record)) this.fragments.set(id, this.render(record, 0, 0));
      else this.fragments.delete(id);
    }
    this.dirty.clear();
    const roots = [...this.fragments.entries()].sort(([a], [b]) =>
      compareIndex(this.records.get(a), this.records.get(b)),
    );
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [, { box }] of roots) {
      minX = Math.min(minX, box.minX);
      minY = Math.min(minY, box.minY);
      maxX = Math.max(maxX, box.maxX);
      maxY = Math.max(maxY, box.maxY);
    }
    const focus = workFocus(roots.map(([, { box }]) => box));
    const bounds = focus.bounds && {
      x: focus.bounds.minX,
      y: focus.bounds.minY,
      w: focus.bounds.maxX - focus.bounds.minX,
      h: focus.bounds.maxY - focus.bounds.minY,
    };
    const farOff = focus.leftOut.map((i) => {
      const { box } = roots[i]![1];
      return { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 };
    });
    // The document's own viewBox holds every shape: a board downloaded or stored is the whole board.
    if (roots.length === 0) [minX, minY, maxX, maxY] = [0, 0, 100, 100];
    const viewBox = [minX - PADDING, minY - PADDING, maxX - minX + 2 * PADDING, maxY - minY + 2 * PADDING]
      .map((n) => Math.round(n))
      .join(' ');
    const markup = roots.map(([id, f]) => ({ id, markup: f.markup }));
    this.cachedParts = { viewBox, bounds, farOff, roots: markup };
    return this.cachedParts;
  }

  /** The whole board as one SVG document, its viewBox fitted around every shape. */
  toSvg(): string {
    if (this.cached !== null) return this.cached;
    const { viewBox, roots } = this.parts();
    this.cached = svgDocument(viewBox, roots.map((r) => r.markup).join(''));
    return this.cached;
  }

  get shapeCount(): number {
    return this.records.size;
  }

  private isTopLevel(record: ThumbnailRecord): boolean {
    return !this.records.has(record.parentId ?? '');
  }

  /** The top-level shape a record is drawn within (itself, or the frame or group holding it). */
  private rootOf(record: ThumbnailRecord): string {
    let current = record;
    for (let depth = 0; depth < 32; depth++) {
      const parent = this.records.get(current.parentId ?? '');
      if (!parent) return current.id;
      current = parent;
    }
    return current.id;
  }

  /** An arrow's ends in its own space: where its bindings put them, else as its record keeps them. */
  private arrowEnds(record: ThumbnailRecord, pageX: number, pageY: number) {
    const point = (value: unknown) => {
      const p = (value ?? {}) as { x?: unknown; y?: unknown };
      return { x: num(p.x), y: num(p.y) };
    };
    const props = record.props ?? {};
    const ends = { start: point(props.start), end: point(props.end) };
    const bound: Partial<Record<'start' | 'end', ArrowBinding>> = {};
    for (const binding of this.bindings.values()) {
      if (binding.fromId !== record.id) continue;
      const terminal = binding.props?.terminal === 'start' ? 'start' : 'end';
      const target = this.pageBox(str(binding.toId));
      if (target) bound[terminal] = { target, props: binding.props ?? {} };
    }
    const toPage = (p: { x: number; y: number }) => ({ x: p.x + pageX, y: p.y + pageY });
    const start = bound.start ? arrowEnd(bound.start, toPage(ends.end)) : toPage(ends.start);
    const end = bound.end ? arrowEnd(bound.end, start) : toPage(ends.end);
    return {
      start: { x: start.x - pageX, y: start.y - pageY },
      end: { x: end.x - pageX, y: end.y - pageY },
    };
  }

  /** A shape's page box from its record (parents' offsets added, rotation ignored). */
  private pageBox(id: string): PageBox | null {
    const record = this.records.get(id);
    if (!record) return null;
    const props = record.props ?? {};
    const scale = num(props.scale, 1);
    const w = record.type === 'note' ? 200 * scale : num(props.w, 100) * scale;
    const h = (record.type === 'note' ? 200 : num(props.h, 100)) * scale + num(props.growY) * scale;
    let x = num(record.x);
    let y = num(record.y);
    let parent = this.records.get(record.parentId ?? '');
    for (let depth = 0; parent && depth < 32; depth++) {
      x += num(parent.x);
      y += num(parent.y);
      parent = this.records.get(parent.parentId ?? '');
    }
    return { x, y, w, h };
  }

  private children(id: string): ThumbnailRecord[] {
    const out: ThumbnailRecord[] = [];
    for (const childId of this.childrenOf.get(id) ?? []) {
      const record = this.records.get(childId);
      if (record) out.push(record);
    }
    return out.sort(compareIndex);
  }

  /** A shape and its children, positioned in its parent's space (`ox`, `oy`: the parent's page origin). */
  private render(record: ThumbnailRecord, ox: number, oy: number): Fragment {
    const x = num(record.x);
    const y = num(record.y);
    const props = record.props ?? {};
    const type = record.type ?? '';
    const text = recordText(record);
    // tldraw's shapes as its editor draws them; our math shapes as what they show (an equation's text, a
    // table's cells…); anything else as the shared drawing (also the PDFs') draws it.
    const drawn = shapeMarkup(type, props, text, {
      assetSrc: (id) => this.assets.get(id) ?? null,
      ...(type === 'arrow' ? { arrowEnds: this.arrowEnds(record, ox + x, oy + y) } : {}),
    });
    const math = drawn ? null : mathShapeMarkup(type, props);
    const fallback = drawn ? null : shapeDrawing(type, props, text);
    const markup = drawn?.markup ?? math ?? drawOpsToSvg(fallback!.ops);
    const w = drawn?.w ?? fallback!.w;
    const h = drawn?.h ?? fallback!.h;
    const rotation = (num(record.rotation) * 180) / Math.PI;
    const box = { minX: ox + x, minY: oy + y, maxX: ox + x + w, maxY: oy + y + h };
    let inner = markup;
    for (const child of this.children(record.id)) {
      const fragment = this.render(child, ox + x, oy + y);
      inner += fragment.markup;
    }
    const transform = `translate(${round(x)} ${round(y)})${rotation ? ` rotate(${round(rotation)})` : ''}`;
    return {
      markup: `<g data-shape-id="${escapeXml(record.id)}" data-shape-type="${escapeXml(record.type ?? '')}" transform="${transform}">${inner}</g>`,
      box,
    };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;
const str = (value: unknown) => (typeof value === 'string' ? value : '');

function compareIndex(a: ThumbnailRecord | undefined, b: ThumbnailRecord | undefined): number {
  const ia = a?.index ?? '';
  const ib = b?.index ?? '';
  return ia < ib ? -1 : ia > ib ? 1 : (a?.id ?? '') < (b?.id ?? '') ? -1 : 1;
}
