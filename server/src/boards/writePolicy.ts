import { z } from 'zod';
import type { TLRecord } from '@tldraw/tlschema';
import type { SerializedSchema } from '@tldraw/store';
import {
  BOARD_PAGE_ID,
  MAX_PAGE_COORDINATE,
  otherPageOf,
  SERVER_ONLY_RECORD_TYPES,
} from '@conjecture/shared/board/index';
import { isStoredAssetUrl, YDOC_META } from '@conjecture/shared';
import { boardSchema, PROTECTED_RECORD_IDS, recordError } from './boardSchema.js';
import { geometryRefusal, strokeChars } from './shapeGeometry.js';
import { outOfSightRefusal } from './outOfSight.js';
import { reversingTextRefusal } from './reversingText.js';
import { richTextError } from '@conjecture/shared/board/richTextSchema';
import { teacherRemovalRefusal } from './teacherRemovals.js';

/**
 * What a client may write to a board, as pure functions of the change and of state the server holds —
 * never of anything the same transaction wrote (a lock list, a schema label), which a client controls.
 */

export interface RecordWrite {
  key: string;
  /** The value the server held before the transaction (undefined: the record did not exist). */
  before: unknown;
  /** The value the transaction leaves (undefined: it deleted the record). */
  after: unknown;
}

export interface WriterContext {
  /** The authenticated identity of the connection that wrote it. */
  author: string;
  /** Records the server placed and locked (template items, question cards). */
  locked: ReadonlySet<string>;
  /** Records the teacher removed that this writer may not write again (unset: none, as for the teacher). */
  removedByTeacher?: ReadonlySet<string>;
  /**
   * The most JSON characters any value of the change can make, from the size of the update that carried it
   * (`valueCharsAtMost`); unset when not known (a stored record): then each value is measured.
   */
  valueCharsAtMost?: number;
  /**
   * False when the update that carried the change cannot hold an embedding or an override
   * (`mayHoldReversingText`): its values are then not read for one. Unset: read each value.
   */
  mayHoldReversingText?: boolean;
}

/** Why a client's change to one record is refused, or null if it stands. */
export function recordWriteRefusal(
  { key, before, after }: RecordWrite,
  writer: WriterContext,
): string | null {
  if (writer.locked.has(key)) return `${key} is locked by the server`;
  if (writer.removedByTeacher) {
    const removed = teacherRemovalRefusal(key, before, writer.removedByTeacher);
    if (removed !== null) return removed;
  }
  const lockedSource = lockedBindingSource(after, writer.locked);
  if (lockedSource) return `${key}: ${lockedSource} is locked by the server`;
  if ([after, before].some((v) => SERVER_ONLY_RECORD_TYPES.has(String(typeNameOf(v))))) {
    return `${key}: only the server writes this kind of record`;
  }
  if (after === undefined) return PROTECTED_RECORD_IDS.has(key) ? `${key} may not be deleted` : null;
  return (
    recordError(key, after, before as TLRecord | undefined) ??
    userRecordRefusal(key, after, writer.author) ??
    otherPageRefusal(key, after) ??
    gridSizeRefusal(key, after) ??
    placementRefusal(key, after) ??
    outOfSightRefusal(key, before, after) ??
    outsideSourceRefusal(key, after) ??
    contentSizeRefusal(key, after, writer.valueCharsAtMost) ??
    indexRefusal(key, before, after) ??
    unreadableTextRefusal(key, after) ??
    (writer.mayHoldReversingText === false ? null : reversingTextRefusal(key, before, after))
  );
}

/** A record's `typeName` ('shape', 'binding', …), or undefined for anything that is not an object. */
export const typeNameOf = (value: unknown): unknown =>
  typeof value === 'object' && value !== null ? (value as { typeName?: unknown }).typeName : undefined;

/**
 * A binding is part of the shape it starts from (an arrow's end): binding a locked arrow to something would
 * change a locked shape, so a client may not. Binding *to* a locked shape is fine (a student's arrow
 * pointing at the template's task card).
 */
function lockedBindingSource(value: unknown, locked: ReadonlySet<string>): string | null {
  const { typeName, fromId } = (value ?? {}) as { typeName?: unknown; fromId?: unknown };
  return typeName === 'binding' && typeof fromId === 'string' && locked.has(fromId) ? fromId : null;
}

/**
 * tldraw writes a `user:` record for attribution. Boards carry opaque ids only — each viewer resolves
 * names (or pseudonyms) itself — so a user record must have no name, and a client may write only its own.
 */
function userRecordRefusal(key: string, value: unknown, author: string): string | null {
  if (typeNameOf(value) !== 'user') return null;
  if (key !== `user:${author}`) return `${key}: a client may write only its own user record`;
  const { name, imageUrl } = value as { name?: unknown; imageUrl?: unknown };
  if (name !== '' || (imageUrl !== '' && imageUrl !== undefined))
    return `${key}: names and pictures do not ride in the board`;
  return null;
}

/**
 * A board is one page (see BOARD_PAGE_ID): no other page, and no shape on one. tldraw's page menu is not
 * offered; a script's second page took work out of the projector's sight.
 */
function otherPageRefusal(key: string, value: unknown): string | null {
  const page = otherPageOf(value);
  if (page === null) return null;
  return typeNameOf(value) === 'page'
    ? `${key}: a board has one page, ${BOARD_PAGE_ID}`
    : `${key}: its page ${page} is not the board's page`;
}

/**
 * The document's grid, in page units: tldraw's is 10 and its UI offers no other. A student with the grid on
 * has every point snapped to it, so a script's grid of 0 crashed her editor at her next stroke ("Something
 * went wrong": the point divided by 0) and one of 1e9 put every shape she drew at the origin.
 */
export const GRID_SIZE_BOUNDS = { min: 1, max: 1_000, tldraws: 10 } as const;

export function gridSizeRefusal(key: string, value: unknown): string | null {
  if (typeNameOf(value) !== 'document') return null;
  const { gridSize } = value as { gridSize?: unknown };
  if (typeof gridSize === 'number' && gridSize >= GRID_SIZE_BOUNDS.min && gridSize <= GRID_SIZE_BOUNDS.max)
    return null;
  return `${key}: a grid of ${String(gridSize)} is not within ${GRID_SIZE_BOUNDS.min}…${GRID_SIZE_BOUNDS.max}`;
}

/**
 * The farthest a shape may sit from the origin, and its largest size, in page units (the page the server
 * places into). tldraw accepts any finite number; a shape at 1e308 is finite, yet anything placed beside it
 * (a question card) overflows.
 */
const MAX_COORDINATE = MAX_PAGE_COORDINATE;

function placementRefusal(key: string, value: unknown): string | null {
  if (typeNameOf(value) !== 'shape') return null;
  const { x, y, props } = value as { x?: unknown; y?: unknown; props?: Record<string, unknown> };
  // Field by field, the first named (no object of fields built): every shape written passes here.
  let field: string | null = null;
  if (beyond(x)) field = 'x';
  else if (beyond(y)) field = 'y';
  else if (beyond(props?.w)) field = 'props.w';
  else if (beyond(props?.h)) field = 'props.h';
  return field === null ? null : `${key}: ${field} is beyond ±${MAX_COORDINATE}`;
}

/** A number not within ±MAX_COORDINATE (NaN included); anything else is the validators' business. */
const beyond = (v: unknown): boolean => typeof v === 'number' && !(Math.abs(v) <= MAX_COORDINATE);

/**
 * The longest paint-order index (tldraw's fractional key) a client may give a shape. tldraw's own keys stay
 * short: two hundred shapes squeezed into one gap get keys of 52–81 characters. A key whose fraction is a run
 * of the largest digit is copied, and lengthened, into any shape put between it and the next (1,000 'z's gave
 * 1,006 characters with tldraw's `getIndexBetween`) and rewritten with each of that shape's moves, so a
 * script's key of 300,000 characters would make each such shape a 300 kB record.
 */
export const MAX_INDEX_LENGTH = 256;
/** The largest and smallest whole keys: nothing fits above (below) them but a longer fraction. */
const NO_ROOM_KEYS = ['z'.repeat(27), `A${'0'.repeat(26)}`];

/**
 * Why a shape's new index is refused: too long, or starting with the largest (smallest) whole key, past which
 * each shape a student adds on top (at the bottom) gets a fraction at least as long as this one's (1,031
 * characters above a key of 27 + 1,000 'z's). tldraw's keys start at `a1`, some 62^26 whole keys away. A key the
 * write does not change is left alone.
 */
function indexRefusal(key: string, before: unknown, after: unknown): string | null {
  if (typeNameOf(after) !== 'shape') return null;
  const { index } = after as { index?: unknown };
  if (typeof index !== 'string' || index === (before as { index?: unknown } | undefined)?.index) return null;
  if (index.length > MAX_INDEX_LENGTH)
    return `${key}: its index is longer than ${MAX_INDEX_LENGTH} characters`;
  if (NO_ROOM_KEYS.some((whole) => index.startsWith(whole)))
    return `${key}: its index leaves no room above or below it`;
  return null;
}

/** A shape's rich text must be a document tldraw's editor can read (see `richTextError`). */
export function unreadableTextRefusal(key: string, value: unknown): string | null {
  if (typeNameOf(value) !== 'shape') return null;
  const props = (value as { props?: { richText?: unknown } }).props;
  if (props?.richText === undefined) return null;
  const error = richTextError(props.richText);
  return error === null ? null : `${key}: its text is not a document the editor can read (${error})`;
}

/**
 * The app makes no request to any outside host, and what a classmate's browser shows comes from this server:
 * a picture or video is one the server stored (its asset's `src` names `/api/assets/…`, as uploads do), and
 * no embed loads another site in every classmate's board. tldraw's validators accept any URL in an asset,
 * which every browser holding the board would then fetch (a tracker, or a picture no teacher checked).
 */
/** A bookmark's `src` is the page it links to (not fetched); its picture and icon are. */
const FETCHED_URL_PROPS = { bookmark: ['image', 'favicon'], other: ['src'] } as const;

function outsideSourceRefusal(key: string, value: unknown): string | null {
  const { typeName, type, props } = value as { typeName?: unknown; type?: unknown; props?: unknown };
  if (typeName === 'shape' && type === 'embed') return `${key}: embeds load other sites`;
  if (typeName !== 'asset' || typeof props !== 'object' || props === null) return null;
  for (const prop of FETCHED_URL_PROPS[type === 'bookmark' ? 'bookmark' : 'other']) {
    const url = (props as Record<string, unknown>)[prop];
    if (url === undefined || url === null || url === '') continue;
    if (!isStoredAssetUrl(url)) {
      return `${key}: props.${prop} is not a file stored on this server`;
    }
  }
  return null;
}

/**
 * tldraw bounds neither a shape's rich text nor a freehand stroke's path: one cheap update could carry a
 * megabyte of text, or a tree nested thousands deep, that every classmate's browser must lay out (and
 * recursion can overflow) — freezing the board for the group. These bounds sit far above what a student
 * writes or draws by hand: ~60,000 characters of text, a stroke of ~20,000 points.
 */
export const MAX_RICH_TEXT_BYTES = 64 * 1024;
export const MAX_RICH_TEXT_DEPTH = 24;
export const MAX_DRAW_PATH_CHARS = 256 * 1024;
/** Any one record, whatever the field (a frame's name, a label, a custom prop): the stroke's bound and some. */
export const MAX_RECORD_BYTES = 320 * 1024;

function depthOf(node: unknown, depth = 0): number {
  if (depth > MAX_RICH_TEXT_DEPTH || node === null || typeof node !== 'object') return depth;
  const content = (node as { content?: unknown }).content;
  if (!Array.isArray(content)) return depth;
  let deepest = depth;
  for (const child of content) deepest = Math.max(deepest, depthOf(child, depth + 1));
  return deepest;
}

/**
 * The most characters `JSON.stringify` can write for a value Yjs carries in `bytes` bytes (lib0's
 * `writeAny`): a Uint8Array's byte costs the most, up to 15 (`"12345678":255,`); nothing else more than 6
 * (a control character's `\u0001`, a `false,`). Every value a client's update adds was encoded in it.
 */
export const valueCharsAtMost = (bytes: number): number => 16 * bytes + 16;

/**
 * Why a record is refused for its size alone — its bytes, or the outline its numbers make (see
 * shapeGeometry.ts) — or null (also how a refusal is told to its writer). `charsAtMost` bounds the record's
 * JSON (`valueCharsAtMost`): a change too small to hold a record near any bound is not measured, which was
 * the most of this check's cost on an ordinary move (a JSON.stringify per record written).
 */
export function contentSizeRefusal(key: string, value: unknown, charsAtMost = Infinity): string | null {
  // An upper bound stands in for the length: every use below is "more than a bound, then look closer".
  const recordBytes = charsAtMost < MAX_RICH_TEXT_BYTES ? charsAtMost : JSON.stringify(value).length;
  if (recordBytes > MAX_RECORD_BYTES)
    return `${key}: the record is larger than ${MAX_RECORD_BYTES / 1024} kB`;
  if (typeNameOf(value) !== 'shape') return null;
  const props = (value as { props?: { richText?: unknown; segments?: unknown } }).props;
  // A part is no larger than its record: the common small record is measured once, not once per part.
  if (props?.richText !== undefined) {
    if (recordBytes > MAX_RICH_TEXT_BYTES && JSON.stringify(props.richText).length > MAX_RICH_TEXT_BYTES)
      return `${key}: its text is longer than ${MAX_RICH_TEXT_BYTES / 1024} kB`;
    if (depthOf(props.richText) > MAX_RICH_TEXT_DEPTH)
      return `${key}: its text is nested more than ${MAX_RICH_TEXT_DEPTH} deep`;
  }
  if (recordBytes > MAX_DRAW_PATH_CHARS && props && strokeChars(props) > MAX_DRAW_PATH_CHARS)
    return `${key}: its stroke is longer than ${MAX_DRAW_PATH_CHARS / 1024} kB`;
  return geometryRefusal(key, value);
}

/** The meta key holding the schema label the records were written with (clients upgrade it when they migrate). */
export const SCHEMA_META_KEY = YDOC_META.schema;

const SchemaLabelSchema = z
  .object({
    schemaVersion: z.literal(2),
    sequences: z
      .record(z.string().max(128), z.number().int().min(0).max(10_000))
      .refine((s) => Object.keys(s).length <= 256, 'too many sequences'),
  })
  .strict();

/**
 * Why a client's change to a meta key is refused, or null. Meta is the server's except for the schema
 * label, which a client rewrites after migrating a board's records to its own (newer) build. A label may
 * only name versions the server's schema can migrate from — a label from the future makes tldraw refuse to
 * load the board for everyone — and may not go back on a version the board already holds.
 */
export function metaWriteRefusal(key: string, value: unknown, current: unknown): string | null {
  if (key !== SCHEMA_META_KEY) return `meta.${key} is written by the server only`;
  const label = SchemaLabelSchema.safeParse(value);
  if (!label.success) return 'meta.schema is not a schema label';
  if (!boardSchema.getMigrationsSince(label.data as SerializedSchema).ok) {
    return 'meta.schema names versions this board cannot migrate from';
  }
  const held = SchemaLabelSchema.safeParse(current);
  if (held.success) {
    for (const [sequence, version] of Object.entries(held.data.sequences)) {
      const next = label.data.sequences[sequence];
      if (next === undefined || next < version) return `meta.schema goes back on ${sequence}`;
    }
  }
  return null;
}

/** Whether records under this schema label need no migration to the server's schema (so they can be validated). */
export function labelIsCurrent(label: unknown): boolean {
  const parsed = SchemaLabelSchema.safeParse(label);
  if (!parsed.success) return false;
  const migrations = boardSchema.getMigrationsSince(parsed.data as SerializedSchema);
  return migrations.ok && migrations.value.length === 0;
}
