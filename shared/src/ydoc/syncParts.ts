import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** The most clock units of one struct a slice holds: a board's records are often one struct of thousands. */
const SLICE_UNITS = 32;

interface Slice {
  struct: Y.Item | Y.GC;
  /** The slice's units of the struct: [from, to). */
  from: number;
  to: number;
}

const clockOf = (slice: Slice) => slice.struct.id.clock + slice.from;

/**
 * What a peer with `stateVector` lacks, as `Y.encodeStateAsUpdate(doc, stateVector)` would give it, but in
 * parts of about `partBytes` (v1 updates) that, applied in order, give the same doc; an answer of at most
 * `partBytes` is that one update. Why: a big board's first sync (2.1 MB for 5,000 shapes) is applied by a
 * browser in one task of ~200 ms; in parts, in several short ones.
 *
 * The doc's structs are cut into slices of at most SLICE_UNITS units and sent in causal order (each slice
 * after its left and right origins, its parent and its client's previous units), so a part seldom holds a
 * struct whose neighbours are still to come: Yjs would keep it pending and retry it with every later part.
 * The delete set goes with the last part, as the whole answer carries it.
 */
export function encodeStateInParts(doc: Y.Doc, stateVector: Uint8Array, partBytes: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let part: Array<{ slice: Slice; bytes: Uint8Array }> = [];
  let bytes = 0;
  for (const slice of causalOrder(missingSlices(doc, stateVector))) {
    const encoded = encodeSlice(slice);
    part.push({ slice, bytes: encoded });
    bytes += encoded.byteLength;
    if (bytes >= partBytes) {
      parts.push(encodePart(part, null));
      part = [];
      bytes = 0;
    }
  }
  // Sizing the answer by its slices spares a big one a whole encoding just to learn its size; one that
  // fits in a part is Yjs's own update, as it always was.
  if (parts.length === 0) return [Y.encodeStateAsUpdate(doc, stateVector)];
  parts.push(encodePart(part, Y.createDeleteSetFromStructStore(doc.store)));
  return [...parts, ...pendingParts(doc, stateVector)];
}

/**
 * What the doc holds but cannot integrate yet (structs whose causes have not arrived, deletions of structs
 * it does not have): Yjs keeps them aside as v2 updates, and its whole-state update includes them. A server
 * never holds any (it refuses an update it cannot integrate); a browser may, and its local copy must keep them.
 */
function pendingParts(doc: Y.Doc, stateVector: Uint8Array): Uint8Array[] {
  const { pendingStructs, pendingDs } = doc.store;
  const pending: Uint8Array[] = [];
  if (pendingStructs) pending.push(Y.diffUpdateV2(pendingStructs.update, stateVector));
  if (pendingDs) pending.push(pendingDs);
  return pending.map((update) => Y.convertUpdateFormatV2ToV1(update));
}

/** The units a peer with `stateVector` lacks, client by client, in slices of at most SLICE_UNITS. */
function missingSlices(doc: Y.Doc, stateVector: Uint8Array): Map<number, Slice[]> {
  const known = Y.decodeStateVector(stateVector);
  const slicesByClient = new Map<number, Slice[]>();
  for (const [client, structs] of doc.store.clients) {
    const start = known.get(client) ?? 0;
    const slices: Slice[] = [];
    for (let i = start === 0 ? 0 : firstIndexFrom(structs, start); i < structs.length; i++) {
      const struct = structs[i] as Y.Item | Y.GC;
      // Text is never cut: Yjs would replace a surrogate pair split at a cut (boards hold no text anyway).
      const step =
        struct instanceof Y.Item && struct.content instanceof Y.ContentString ? Infinity : SLICE_UNITS;
      for (let from = Math.max(0, start - struct.id.clock); from < struct.length; from += step)
        slices.push({ struct, from, to: Math.min(struct.length, from + step) });
    }
    if (slices.length > 0) slicesByClient.set(client, slices);
  }
  return slicesByClient;
}

/** The index of the struct holding `clock`, or of the first after it (a state vector may be past the end). */
function firstIndexFrom(structs: Array<Y.Item | Y.GC>, clock: number): number {
  const last = structs[structs.length - 1];
  if (!last || clock >= last.id.clock + last.length) return structs.length;
  return Y.findIndexSS(structs, clock);
}

/** Every slice after the slices it depends on; otherwise client by client, in clock order. */
function causalOrder(slicesByClient: Map<number, Slice[]>): Slice[] {
  const find = (id: Y.ID | null): Slice | undefined => {
    if (!id) return undefined;
    const slices = slicesByClient.get(id.client);
    if (!slices) return undefined;
    let lo = 0;
    let hi = slices.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const slice = slices[mid] as Slice;
      const clock = clockOf(slice);
      if (id.clock < clock) hi = mid - 1;
      else if (id.clock >= clock + slice.to - slice.from) lo = mid + 1;
      else return slice;
    }
    return undefined;
  };
  const dependencies = (slice: Slice): Slice[] => {
    const { struct } = slice;
    const found = [find(Y.createID(struct.id.client, clockOf(slice) - 1))];
    if (struct instanceof Y.Item) {
      if (slice.from === 0) found.push(find(struct.origin));
      found.push(find(struct.rightOrigin));
      const parentItem = (struct.parent as Y.AbstractType<unknown> | null)?._item;
      if (parentItem) found.push(find(parentItem.id));
    }
    return found.filter((d): d is Slice => d !== undefined && d !== slice);
  };

  const placed = new Set<Slice>();
  const out: Slice[] = [];
  for (const slices of slicesByClient.values()) {
    for (const root of slices) {
      if (placed.has(root)) continue;
      // Depth first without recursion: a long chain of origins would overflow the call stack.
      placed.add(root);
      const stack = [{ slice: root, deps: dependencies(root) }];
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as { slice: Slice; deps: Slice[] };
        const next = top.deps.pop();
        if (next === undefined) {
          out.push(top.slice);
          stack.pop();
        } else if (!placed.has(next)) {
          placed.add(next);
          stack.push({ slice: next, deps: dependencies(next) });
        }
      }
    }
  }
  return out;
}

/** One slice as a struct of a v1 update (self-contained: v1 carries no state from one struct to the next). */
function encodeSlice({ struct, from, to }: Slice): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  if (struct instanceof Y.GC)
    new Y.GC(Y.createID(struct.id.client, struct.id.clock + from), to - from).write(encoder, 0);
  else if (to === struct.length) struct.write(encoder, from);
  else {
    // Units [from, to): the struct's content up to `to` (a copy: the doc's own is left alone), written from `from`.
    const content = struct.content.copy();
    content.splice(to);
    const { id, origin, rightOrigin, parent, parentSub } = struct;
    new Y.Item(id, null, origin, null, rightOrigin, parent, parentSub, content).write(encoder, from);
  }
  return encoder.toUint8Array();
}

/** A v1 update of these slices (a client's slices in a part are consecutive units: see causalOrder). */
function encodePart(
  slices: Array<{ slice: Slice; bytes: Uint8Array }>,
  deleteSet: ReturnType<typeof Y.createDeleteSetFromStructStore> | null,
): Uint8Array {
  const blocks = new Map<number, Array<{ slice: Slice; bytes: Uint8Array }>>();
  for (const entry of slices) {
    const client = entry.slice.struct.id.client;
    const block = blocks.get(client);
    if (block) block.push(entry);
    else blocks.set(client, [entry]);
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, blocks.size);
  for (const [client, block] of blocks) {
    block.sort((a, b) => clockOf(a.slice) - clockOf(b.slice));
    encoding.writeVarUint(encoder, block.length);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clockOf((block[0] as { slice: Slice }).slice));
    for (const { bytes } of block) encoding.writeUint8Array(encoder, bytes);
  }
  // The delete set as Yjs writes it in v1 (clients in descending order), or an empty one.
  const clients = deleteSet ? [...deleteSet.clients.entries()].sort((a, b) => b[0] - a[0]) : [];
  encoding.writeVarUint(encoder, clients.length);
  for (const [client, items] of clients) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, items.length);
    for (const item of items) {
      encoding.writeVarUint(encoder, item.clock);
      encoding.writeVarUint(encoder, item.len);
    }
  }
  return encoding.toUint8Array(encoder);
}
