import * as decoding from 'lib0/decoding';

/**
 * Reads the shape of a Yjs (v1) update without building it: the struct headers and the deleted ranges,
 * stepping over JSON values instead of decoding them. `Y.decodeUpdate` builds every value (objects,
 * strings) only for admission to throw them away, and then `Y.applyUpdate` decodes them again.
 *
 * It reads the bytes exactly as Yjs does, and more strictly: every read stays inside the update (lib0
 * does not check, see UpdateCapture), a client may appear once, and values nest at most MAX_DEPTH deep.
 * Content other than JSON values and deleted ranges is refused unread: a board holds nothing else.
 */

export interface ScannedId {
  client: number;
  clock: number;
}

export interface ScannedStruct {
  client: number;
  clock: number;
  length: number;
  /** `gc`: a deleted range without content; `skip`: a gap in the update; `item`: content. */
  kind: 'gc' | 'skip' | 'item';
  origin: ScannedId | null;
  rightOrigin: ScannedId | null;
  /** A root type's name, or the item of a nested type, or null (the neighbours' parent). */
  parent: string | ScannedId | null;
  parentSub: string | null;
  /** Yjs's content kind: 'any' (JSON values, `length` of them) or 'deleted'. */
  content: 'any' | 'deleted' | null;
}

export interface ScannedUpdate {
  structs: ScannedStruct[];
  /** Bytes of the update that hold its structs (what it writes), the rest being its deleted ranges. */
  structBytes: number;
  deletes: Map<number, Array<{ clock: number; len: number }>>;
}

export class UpdateScanError extends Error {
  constructor(
    message: string,
    /** Well-formed, but content a board never holds. */
    readonly unsupported = false,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 100;
/** Yjs's content kinds (the low five bits of a struct's info byte). */
const CONTENT = { gc: 0, deleted: 1, any: 8, skip: 10 } as const;
const CONTENT_NAMES = ['', '', 'ContentJSON', 'ContentBinary', 'ContentString', 'ContentEmbed'].concat([
  'ContentFormat',
  'ContentType',
  '',
  'ContentDoc',
]);
const HAS_ORIGIN = 0b1000_0000;
const HAS_RIGHT_ORIGIN = 0b0100_0000;
const HAS_PARENT_SUB = 0b0010_0000;

type Decoder = decoding.Decoder;

export function scanUpdate(update: Uint8Array): ScannedUpdate {
  const d = decoding.createDecoder(update);
  const structs: ScannedStruct[] = [];
  const seen = new Set<number>();
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    // Yjs keeps only the last list of a client named twice: what it applies would differ from what we read.
    if (seen.has(client)) throw new UpdateScanError(`client ${client} appears twice`);
    seen.add(client);
    let clock = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      const struct = readStruct(d, client, clock);
      structs.push(struct);
      clock += struct.length;
    }
  }
  const structBytes = d.pos;
  const deletes = new Map<number, Array<{ clock: number; len: number }>>();
  const deleting = decoding.readVarUint(d);
  for (let c = 0; c < deleting; c++) {
    const client = decoding.readVarUint(d);
    const count = decoding.readVarUint(d);
    const ranges = deletes.get(client) ?? [];
    for (let i = 0; i < count; i++) {
      ranges.push({ clock: decoding.readVarUint(d), len: decoding.readVarUint(d) });
    }
    if (ranges.length > 0) deletes.set(client, ranges);
  }
  // Yjs ignores bytes after the delete set, but the update is stored and relayed as received: junk there
  // would cost every peer and the board's size cap while changing nothing.
  if (d.pos !== update.length) throw new UpdateScanError(`${update.length - d.pos} bytes after the update`);
  return { structs, structBytes, deletes };
}

function readStruct(d: Decoder, client: number, clock: number): ScannedStruct {
  const info = readByte(d);
  const ref = info & 0b1_1111;
  if (ref === CONTENT.gc) return contentless(client, clock, 'gc', decoding.readVarUint(d));
  if (ref === CONTENT.skip) {
    if (info !== CONTENT.skip) throw new UpdateScanError('a malformed skip');
    return contentless(client, clock, 'skip', decoding.readVarUint(d));
  }
  const origin = info & HAS_ORIGIN ? readId(d) : null;
  const rightOrigin = info & HAS_RIGHT_ORIGIN ? readId(d) : null;
  const ownsParentInfo = (info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0;
  let parent: string | ScannedId | null = null;
  let parentSub: string | null = null;
  if (ownsParentInfo) {
    parent = decoding.readVarUint(d) === 1 ? readString(d) : readId(d);
    if (info & HAS_PARENT_SUB) parentSub = readString(d);
  }
  if (ref === CONTENT.deleted) {
    const length = decoding.readVarUint(d);
    return {
      client,
      clock,
      kind: 'item',
      origin,
      rightOrigin,
      parent,
      parentSub,
      content: 'deleted',
      length,
    };
  }
  if (ref !== CONTENT.any) {
    throw new UpdateScanError(`unsupported content ${CONTENT_NAMES[ref] || `#${ref}`}`, true);
  }
  const length = decoding.readVarUint(d);
  for (let i = 0; i < length; i++) skipAny(d, 0);
  return { client, clock, kind: 'item', origin, rightOrigin, parent, parentSub, content: 'any', length };
}

/** A deleted range or a gap: no neighbours, parent or content (one object, not a template spread per struct). */
const contentless = (client: number, clock: number, kind: 'gc' | 'skip', length: number): ScannedStruct => ({
  client,
  clock,
  kind,
  origin: null,
  rightOrigin: null,
  parent: null,
  parentSub: null,
  content: null,
  length,
});

const readId = (d: Decoder): ScannedId => ({
  client: decoding.readVarUint(d),
  clock: decoding.readVarUint(d),
});

function readByte(d: Decoder): number {
  if (d.pos >= d.arr.length) throw new UpdateScanError('unexpected end of update');
  return d.arr[d.pos++] as number;
}

/** Steps over `len` bytes, refusing to leave the update. */
function skip(d: Decoder, len: number): void {
  if (d.pos + len > d.arr.length) throw new UpdateScanError('unexpected end of update');
  d.pos += len;
}

function readString(d: Decoder): string {
  const start = d.pos;
  skip(d, decoding.readVarUint(d));
  d.pos = start;
  return decoding.readVarString(d); // fatal on malformed UTF-8, as Yjs reads it
}

/** lib0's `writeAny` format, stepped over: a type byte, then what that type carries. */
function skipAny(d: Decoder, depth: number): void {
  if (depth > MAX_DEPTH) throw new UpdateScanError(`values nested deeper than ${MAX_DEPTH}`);
  const type = readByte(d);
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125: // a variable-length integer: bytes with the high bit set continue it
      while (readByte(d) & 0b1000_0000);
      return;
    case 124: // float32
      return skip(d, 4);
    case 123: // float64
    case 122: // bigint64
      return skip(d, 8);
    case 119: // string
    case 116: // bytes
      return skip(d, decoding.readVarUint(d));
    case 118: {
      // object: keys and values
      const entries = decoding.readVarUint(d);
      for (let i = 0; i < entries; i++) {
        skip(d, decoding.readVarUint(d));
        skipAny(d, depth + 1);
      }
      return;
    }
    case 117: {
      const entries = decoding.readVarUint(d);
      for (let i = 0; i < entries; i++) skipAny(d, depth + 1);
      return;
    }
    default:
      throw new UpdateScanError(`unknown value type ${type}`);
  }
}
