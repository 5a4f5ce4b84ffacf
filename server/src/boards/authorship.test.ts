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
