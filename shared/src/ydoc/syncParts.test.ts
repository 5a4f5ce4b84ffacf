import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeStateInParts } from './syncParts.js';

/** A board-like doc written by three clients: records inserted anywhere and deleted, map keys reset, nesting. */
function busyDoc(seed: number): Y.Doc {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const docs = [1, 2, 3].map((n) => {
    const doc = new Y.Doc();
    doc.clientID = n * 1000 + seed;
    return doc;
  });
  const syncAll = () => {
    for (const a of docs)
      for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  for (let round = 0; round < 30; round++) {
    for (const doc of docs) {
      const records = doc.getArray<{ key: string; val: unknown }>('records');
      const meta = doc.getMap('meta');
      const n = Math.floor(random() * 40);
      const at = Math.floor(random() * (records.length + 1));
      records.insert(
        at,
        Array.from({ length: n }, (_, i) => ({
          key: `shape:${round}-${i}-${doc.clientID}`,
          val: { x: random() },
        })),
      );
      if (records.length > 10 && random() < 0.6)
        records.delete(Math.floor(random() * (records.length - 5)), 3);
      meta.set(`k${Math.floor(random() * 4)}`, round);
      doc.getText('title').insert(0, `round ${round} 😀${'é'.repeat(40)}; `);
      if (random() < 0.2) {
        const nested = new Y.Map<unknown>();
        meta.set('nested', nested);
        nested.set('inner', [round]);
      }
    }
    if (round % 3 === 0) syncAll();
  }
  syncAll();
  return docs[0] as Y.Doc;
}

const contentOf = (doc: Y.Doc) => ({
  records: doc.getArray('records').toJSON(),
  meta: doc.getMap('meta').toJSON(),
  title: doc.getText('title').toString(),
});

const EMPTY = Y.encodeStateVector(new Y.Doc());

describe('encodeStateInParts', () => {
  it('is the one update Yjs would send when that fits in a part', () => {
    const source = busyDoc(1);
    const whole = Y.encodeStateAsUpdate(source);
    expect(encodeStateInParts(source, EMPTY, whole.byteLength)).toEqual([whole]);
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`gives, applied part by part with nothing left pending, the same doc (seed ${seed})`, () => {
      const source = busyDoc(seed);
      const whole = Y.encodeStateAsUpdate(source);
      const parts = encodeStateInParts(source, EMPTY, Math.ceil(whole.byteLength / 6));
      expect(parts.length).toBeGreaterThanOrEqual(5);
      const target = new Y.Doc();
      for (const part of parts) {
        Y.applyUpdate(target, part);
        expect(target.store.pendingStructs).toBeNull(); // each part needs only the parts before it
      }
      expect(target.store.pendingDs).toBeNull();
      expect(contentOf(target)).toEqual(contentOf(source));
      // The same structs and deletions: the two docs encode to the same bytes.
      expect(Y.encodeStateAsUpdate(target)).toEqual(whole);
    });
  }

  it('cuts one struct of thousands of records (a board written in one go) into parts', () => {
    const source = new Y.Doc();
    source.getArray('records').push(
      Array.from({ length: 3_000 }, (_, i) => ({
        key: `shape:${i}`,
        val: { text: 'lorem ipsum'.repeat(5) },
      })),
    );
    expect(source.store.clients.get(source.clientID)).toHaveLength(1);
    const whole = Y.encodeStateAsUpdate(source);
    const parts = encodeStateInParts(source, EMPTY, 20_000);
    expect(parts.length).toBeGreaterThanOrEqual(Math.floor(whole.byteLength / 20_000));
    const target = new Y.Doc();
    for (const part of parts) Y.applyUpdate(target, part);
    expect(Y.encodeStateAsUpdate(target)).toEqual(whole);
  });

  it('keeps text whole: a surrogate pair is not cut', () => {
    const source = new Y.Doc();
    source.getText('t').insert(0, `x${'😀'.repeat(400)}`); // pairs at odd offsets: a cut at 32 would split one
    source.getArray('records').push(Array.from({ length: 500 }, (_, i) => ({ key: `k${i}`, val: i })));
    const whole = Y.encodeStateAsUpdate(source);
    const target = new Y.Doc();
    for (const part of encodeStateInParts(source, EMPTY, 500)) Y.applyUpdate(target, part);
    expect(target.getText('t').toString()).toBe(source.getText('t').toString());
    expect(Y.encodeStateAsUpdate(target)).toEqual(whole);
  });

  it('answers a state vector with what it lacks, in parts', () => {
    const source = busyDoc(3);
    const returning = new Y.Doc();
    const first = encodeStateInParts(source, EMPTY, 2_000);
    for (const part of first.slice(0, 3)) Y.applyUpdate(returning, part);
    const sv = Y.encodeStateVector(returning);
    const missing = Y.encodeStateAsUpdate(source, sv);
    const parts = encodeStateInParts(source, sv, Math.ceil(missing.byteLength / 4));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) Y.applyUpdate(returning, part);
    expect(contentOf(returning)).toEqual(contentOf(source));
    expect(returning.store.pendingStructs).toBeNull();
  });

  it("keeps what the doc holds aside (structs whose causes have not arrived), as Yjs's whole update does", () => {
    const source = busyDoc(4);
    const author = new Y.Doc();
    Y.applyUpdate(author, Y.encodeStateAsUpdate(source));
    const cause = Y.encodeStateAsUpdate(author);
    author.getArray('records').insert(1, [{ key: 'later', val: 1 }]); // after a record of the cause
    const effect = Y.encodeStateAsUpdate(author, Y.encodeStateVectorFromUpdate(cause));
    author.getArray('records').delete(5, 2);
    const deletion = Y.encodeStateAsUpdate(author, Y.encodeStateVector(author));

    const holder = new Y.Doc();
    Y.applyUpdate(holder, Y.encodeStateAsUpdate(busyDoc(5)));
    Y.applyUpdate(holder, effect); // its cause is not here: kept aside
    Y.applyUpdate(holder, deletion);
    expect(holder.store.pendingStructs).not.toBeNull();
    expect(holder.store.pendingDs).not.toBeNull();
    const parts = encodeStateInParts(holder, EMPTY, 2_000);
    expect(parts.length).toBeGreaterThan(1);

    const restored = new Y.Doc();
    for (const part of [...parts, cause]) Y.applyUpdate(restored, part);
    Y.applyUpdate(holder, cause);
    expect(contentOf(restored)).toEqual(contentOf(holder));
    expect(contentOf(restored).records).toContainEqual({ key: 'later', val: 1 });
  });

  it('leaves the doc as it was', () => {
    const source = busyDoc(2);
    const before = Y.encodeStateAsUpdate(source);
    encodeStateInParts(source, EMPTY, 500);
    expect(Y.encodeStateAsUpdate(source)).toEqual(before);
  });
});
