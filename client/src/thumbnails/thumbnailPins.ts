import { isCritiqueThread, pinLabel, placePins, type PageBounds } from '../critique/threadModel.js';
import type { ThumbnailRecord } from './boardThumbnail.js';

/** A board's records by id (a YKeyValue's values, or a plain map in tests). */
export interface RecordLookup {
  get(id: string): ThumbnailRecord | undefined;
  values(): Iterable<ThumbnailRecord>;
}

const NOTE_SIZE = 200;
const num = (value: unknown, fallback = 0) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;
const escapeXml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** A shape's page box from its record alone (parents' offsets added, rotation ignored): where a pin goes. */
export function recordPageBounds(records: RecordLookup, shapeId: string): PageBounds | null {
  const record = records.get(shapeId);
  if (!record || record.typeName !== 'shape') return null;
  const props = record.props ?? {};
  const scale = num(props.scale, 1);
  const w = record.type === 'note' ? NOTE_SIZE * scale : num(props.w, 100) * scale;
  const h =
    record.type === 'note'
      ? (NOTE_SIZE + num(props.growY)) * scale
      : (num(props.h, 100) + num(props.growY)) * scale;
  let x = num(record.x);
  let y = num(record.y);
  let parent = records.get(record.parentId ?? '');
  for (let depth = 0; parent?.typeName === 'shape' && depth < 32; depth++) {
    x += num(parent.x);
    y += num(parent.y);
    parent = records.get(parent.parentId ?? '');
  }
  return { minX: x, minY: y, maxX: x + w, maxY: y + h };
}

/** A pin's count on screen: --text-min (tokens.css) and a little more, read on the projector from the back. */
const PIN_TEXT_PX = 16;
/** The smallest pin in page units, so a zoomed-in board's pins do not shrink below its shapes' details. */
const MIN_PIN_RADIUS = 8;

/**
 * The critique pins of a board's threads as SVG, placed like the editor's (top-right corner of the shape),
 * drawn at a constant size on screen (`pxPerUnit`: screen pixels per page unit) so they stay legible however
 * far the board is zoomed out. The same test id, shape id and label as the editor's read-only pins.
 */
export function pinsMarkup(records: RecordLookup, pxPerUnit: number): string {
  const threads = [...records.values()].filter(isCritiqueThread);
  if (threads.length === 0) return '';
  const text = PIN_TEXT_PX / Math.max(pxPerUnit, 1e-6);
  const r = Math.max(MIN_PIN_RADIUS, text / 1.1);
  return placePins(threads, (shapeId) => recordPageBounds(records, shapeId))
    .map(
      (pin) =>
        `<g data-testid="critique-pin" data-shape-id="${escapeXml(pin.shapeId)}" data-resolved="${String(pin.resolved)}" role="img" aria-label="${escapeXml(pinLabel(pin))}" transform="translate(${pin.x} ${pin.y})">` +
        `<circle r="${r}" fill="${pin.resolved ? '#099268' : '#4465e9'}" stroke="#fff" stroke-width="${r / 6}"/>` +
        `<text y="${r * 0.4}" font-size="${r * 1.1}" font-family="sans-serif" text-anchor="middle" fill="#fff">${pin.count}</text></g>`,
    )
    .join('');
}
