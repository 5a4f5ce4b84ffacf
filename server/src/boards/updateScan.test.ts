import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { scanUpdate } from './updateScan.js';

type Struct = Y.Item | Y.GC | Y.Skip;

/** What `Y.decodeUpdate` makes of an update, in the scan's terms: the scan must read exactly this. */
function decodedShape(update: Uint8Array) {
  const { structs, ds } = Y.decodeUpdate(update) as {
    structs: Struct[];
    ds: { clients: Map<number, Array<{ clock: number; len: number }>> };
  };
  const id = (i: Y.ID | null) => i && { client: i.client, clock: i.clock };
  return {
    structs: structs.map((s) => ({
      client: s.id.client,
      clock: s.id.clock,
      length: s.length,
      kind: s instanceof Y.Item ? 'item' : s instanceof Y.Skip ? 'skip' : 'gc',
      origin: s instanceof Y.Item ? id(s.origin) : null,
      rightOrigin: s instanceof Y.Item ? id(s.rightOrigin) : null,
      parent: s instanceof Y.Item ? (s.parent instanceof Y.ID ? id(s.parent) : s.parent) : null,
      parentSub: s instanceof Y.Item ? s.parentSub : null,
      content: !(s instanceof Y.Item) ? null : s.content instanceof Y.ContentAny ? 'any' : 'deleted',
    })),
    deletes: new Map([...ds.clients].map(([c, r]) => [c, r.map(({ clock, len }) => ({ clock, len }))])),
  };
}

const edit = (doc: Y.Doc, fn: () => void) => {
  const before = Y.encodeStateVector(doc);
  fn();
  return Y.encodeStateAsUpdate(doc, before);
};

describe('scanning an update', () => {
  it('reads what Y.decodeUpdate reads: structs, their neighbours and parents, values and deletions', () => {
    const doc = new Y.Doc();
    const list = doc.getArray('tldraw');
    const meta = doc.getMap('meta');
    const value = {
      key: 'shape:a',
      val: { n: -12345678901, f: 0.5, big: 2 ** 60, s: 'é ✓', t: true, no: null, u: undefined, a: [1, [2]] },
    };
    list.push([value, { key: 'shape:b', val: { x: 1 } }]);
    list.insert(1, [{ key: 'bytes', val: { b: new Uint8Array([1, 2, 3]) } }]);
    meta.set('schema', { v: 2 });
    list.delete(0, 1);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getArray('tldraw').insert(1, ['between']);
    const update = Y.mergeUpdates([Y.encodeStateAsUpdate(doc), Y.encodeStateAsUpdate(other)]);
    const { structBytes, ...read } = scanUpdate(update);
    expect(read).toEqual(decodedShape(update));
    // The structs come first; what follows them is the delete set.
    const deletedOnly = edit(doc, () => list.delete(0, 1));
    expect(scanUpdate(deletedOnly).structBytes).toBe(1); // a count of no clients
    expect(structBytes).toBeLessThan(update.length - 1);
  });

  it('refuses content a board never holds, a client named twice, reads past the end and bytes after it', () => {
    const text = new Y.Doc();
    text.getText('t').insert(0, 'x');
    expect(() => scanUpdate(Y.encodeStateAsUpdate(text))).toThrow(/unsupported content ContentString/);

    const twice = encoding.createEncoder();
    for (const n of [2, 0, 7, 0, 0, 7, 0, 0]) encoding.writeVarUint(twice, n); // client 7 twice, no structs
    expect(() => scanUpdate(encoding.toUint8Array(twice))).toThrow(/appears twice/);

    const doc = new Y.Doc();
    doc.getArray('tldraw').push([{ key: 'k', val: { s: 'a long string value' } }]);
    const update = Y.encodeStateAsUpdate(doc);
    // Cut inside the string: in a larger buffer lib0 would read on into whatever follows.
    const inBigger = new Uint8Array(update.length + 64);
    inBigger.set(update);
    const truncated = inBigger.subarray(0, update.length - 8);
    expect(() => scanUpdate(truncated)).toThrow(/unexpected end/);

    const padded = new Uint8Array(update.length + 3);
    padded.set(update);
    expect(() => scanUpdate(padded)).toThrow(/3 bytes after the update/);
  });
});
