import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStore } from '../storage/memoryStore.js';
import type { NewUpdate } from '../storage/boardStore.js';
import { recordAuthorship } from './authorship.js';

/** One author's write of some records, as the update their client would send. */
function write(doc: Y.Doc, keys: string[]): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getArray<{ key: string; val: unknown }>('records').push(keys.map((key) => ({ key, val: { key } })));
  return Y.encodeStateAsUpdate(doc, before);
}

function storeWith(updates: NewUpdate[]): MemoryStore {
  const store = new MemoryStore();
  store.createBoard({ boardId: 'b1', title: 'Board', createdAt: 0 });
  store.appendUpdates('b1', updates);
  return store;
}

describe('record authorship from the update log', () => {
  it('folds in only what was appended since the last call, with the same answer as reading it all', () => {
    const ana = new Y.Doc();
    const ben = new Y.Doc();
    const first: NewUpdate[] = [{ update: write(ana, ['shape:a']), author: 'ana', at: 1 }];
    Y.applyUpdate(ben, first[0]!.update);
    const later: NewUpdate[] = [
      { update: write(ben, ['shape:a', 'shape:b']), author: 'ben', at: 2 },
      { update: write(ana, ['shape:c']), author: 'ana', at: 3 },
    ];

    const store = storeWith(first);
    expect(recordAuthorship(store, 'b1').get('shape:a')).toEqual({
      creator: 'ana',
      authors: ['ana'],
      firstAt: 1,
    });
    store.appendUpdates('b1', later);
    const incremental = recordAuthorship(store, 'b1');
    expect(incremental.get('shape:a')).toEqual({ creator: 'ana', authors: ['ana', 'ben'], firstAt: 1 });
    expect(incremental.get('shape:b')).toEqual({ creator: 'ben', authors: ['ben'], firstAt: 2 });
    expect(incremental.get('shape:c')).toEqual({ creator: 'ana', authors: ['ana'], firstAt: 3 });

    const fresh = recordAuthorship(storeWith([...first, ...later]), 'b1');
    expect([...incremental]).toEqual([...fresh]);
  });

  it('keeps nothing about a board deleted for good', () => {
    const store = storeWith([{ update: write(new Y.Doc(), ['shape:a']), author: 'ana', at: 1 }]);
    expect(recordAuthorship(store, 'b1').size).toBe(1);
    store.deleteBoard('b1');
    expect(recordAuthorship(store, 'b1').size).toBe(0);
  });
});

describe('record authorship across deletions', () => {
  /** A note's value with `text` (what `writtenContent` reads). */
  const note = (key: string, text: string) => ({ key, val: { typeName: 'shape', id: key, props: { text } } });
  const entries = (doc: Y.Doc) => doc.getArray<{ key: string; val: unknown }>('records');
  /** The update of one change to `doc`. */
  const change = (doc: Y.Doc, fn: () => void): Uint8Array => {
    const before = Y.encodeStateVector(doc);
    doc.transact(fn);
    return Y.encodeStateAsUpdate(doc, before);
  };
  const indexOf = (doc: Y.Doc, key: string) =>
    entries(doc)
      .toArray()
      .findIndex((e) => e.key === key);
  const ANAS = 'half of 8 is 4 so each gets 4';
  const MALLORYS = 'nobody knows anything';

  /** Ana's note, then Mallory's updates made on a copy of the board. */
  function anaThenMallory(steps: Array<(doc: Y.Doc) => void>): { store: MemoryStore; updates: NewUpdate[] } {
    const ana = new Y.Doc();
    const updates: NewUpdate[] = [
      { update: change(ana, () => entries(ana).push([note('shape:a', ANAS)])), author: 'ana', at: 1 },
    ];
    const mallory = new Y.Doc();
    Y.applyUpdate(mallory, updates[0]!.update);
    for (const step of steps)
      updates.push({
        update: change(mallory, () => step(mallory)),
        author: 'mallory',
        at: updates.length + 1,
      });
    return { store: storeWith(updates), updates };
  }

  it('credits new words written under a deleted record’s id to their writer, folded at once or in parts', () => {
    const { store, updates } = anaThenMallory([
      (doc) => entries(doc).delete(indexOf(doc, 'shape:a')),
      (doc) => entries(doc).push([note('shape:a', MALLORYS)]),
    ]);
    const expected = { creator: 'mallory', authors: ['mallory'], firstAt: 3 };
    expect(recordAuthorship(store, 'b1').get('shape:a')).toEqual(expected);
    const parts = storeWith(updates.slice(0, 2));
    expect(recordAuthorship(parts, 'b1').get('shape:a')?.creator).toBe('ana');
    parts.appendUpdates('b1', updates.slice(2));
    expect(recordAuthorship(parts, 'b1').get('shape:a')).toEqual(expected);
  });

  it('takes the value left standing of two written at once, not the last one sent', () => {
    // Mallory's words placed last (they win), Ana's old words sent after them but placed before.
    const { store } = anaThenMallory([
      (doc) => entries(doc).delete(indexOf(doc, 'shape:a')),
      (doc) => {
        entries(doc).push([note('shape:a', MALLORYS)]);
        entries(doc).insert(0, [note('shape:a', ANAS)]);
      },
      (doc) => entries(doc).delete(0), // the room keeps the right-most
    ]);
    expect(recordAuthorship(store, 'b1').get('shape:a')?.creator).toBe('mallory');
  });

  it('ignores a write sent again (a resync) and a whole delete set sent again', () => {
    const { store, updates } = anaThenMallory([
      (doc) => entries(doc).delete(indexOf(doc, 'shape:a')),
      (doc) => entries(doc).push([note('shape:a', MALLORYS)]),
    ]);
    const ana = new Y.Doc();
    Y.applyUpdate(ana, updates[0]!.update);
    // Ana's client sends everything it holds again: her note's entry, already deleted.
    store.appendUpdates('b1', [
      { update: updates[0]!.update, author: 'ana', at: 8 },
      { update: Y.encodeStateAsUpdate(ana), author: 'ana', at: 9 },
    ]);
    expect(recordAuthorship(store, 'b1').get('shape:a')?.creator).toBe('mallory');
    const all = new Y.Doc();
    for (const u of store.updatesAfter('b1', 0)) Y.applyUpdate(all, u.update);
    store.appendUpdates('b1', [{ update: Y.encodeStateAsUpdate(all), author: 'mallory', at: 10 }]);
    expect(recordAuthorship(store, 'b1').get('shape:a')?.creator).toBe('mallory');
  });

  it('reads a delete set longer than the live entries it takes (a full state sent again) as well', () => {
    const { store } = anaThenMallory([
      ...['a', 'b', 'c', 'd'].map((k) => (doc: Y.Doc) => entries(doc).push([note(`shape:${k}`, k)])),
      (doc) => {
        entries(doc).delete(indexOf(doc, 'shape:a'));
        entries(doc).push([note('shape:a', MALLORYS)]); // stands: the right-most
        entries(doc).insert(0, [note('shape:a', ANAS)]);
      },
      (doc) => entries(doc).delete(1, 4), // her four notes
    ]);
    expect(recordAuthorship(store, 'b1').get('shape:a')?.creator).toBe('ana'); // two values, for a moment
    const mallory = new Y.Doc();
    for (const u of store.updatesAfter('b1', 0)) Y.applyUpdate(mallory, u.update);
    entries(mallory).delete(0); // Ana's words, sent with everything Mallory ever deleted
    store.appendUpdates('b1', [{ update: Y.encodeStateAsUpdate(mallory), author: 'mallory', at: 9 }]);
    expect(recordAuthorship(store, 'b1').get('shape:a')?.creator).toBe('mallory');
  });
});
