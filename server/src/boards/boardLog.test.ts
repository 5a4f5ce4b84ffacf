import { describe, expect, it } from 'vitest';
import { boardActs } from '../evidence/boardActs.js';
import { MemoryStore } from '../storage/memoryStore.js';
import { noteShape } from '../test/records.js';
import { roomHarness } from '../test/roomHarness.js';
import { recordAuthorship } from './authorship.js';

/** A copy of the harness's stored log in a store that counts the updates it hands out. */
function countingCopy(h: ReturnType<typeof roomHarness>) {
  const store = new MemoryStore();
  store.createBoard({ boardId: h.boardId, title: 'copy', createdAt: 0 });
  store.appendUpdates(h.boardId, h.store.updatesAfter(h.boardId, 0));
  let read = 0;
  const updatesAfter = store.updatesAfter.bind(store);
  store.updatesAfter = (boardId, seq) => {
    const updates = updatesAfter(boardId, seq);
    read += updates.length;
    return updates;
  };
  return { store, read: () => read };
}

describe('a board’s log folded once for authorship and participation', () => {
  it('reads each stored update once for both answers, cold and as the log grows', () => {
    const h = roomHarness();
    const [ana, ben] = [h.join('ana'), h.join('ben')];
    ana.records.set('shape:n', noteShape('shape:n', '3/4 is more than 2/3'));
    ben.deliver();
    ben.records.set('shape:m', noteShape('shape:m', 'because 9/12 > 8/12'));
    const copy = countingCopy(h);
    const stored = h.store.updatesAfter(h.boardId, 0).length;

    expect(recordAuthorship(copy.store, h.boardId).get('shape:n')?.creator).toBe('ana');
    expect(boardActs(copy.store, h.boardId).acts.map((a) => [a.kind, a.author, a.itemId])).toEqual([
      ['create', 'ana', 'shape:n'],
      ['create', 'ben', 'shape:m'],
    ]);
    expect(copy.read()).toBe(stored);

    copy.store.appendUpdates(h.boardId, [
      { update: h.store.updatesAfter(h.boardId, 0)[0]!.update, author: 'ana', at: 2 },
    ]);
    boardActs(copy.store, h.boardId);
    recordAuthorship(copy.store, h.boardId);
    expect(copy.read()).toBe(stored + 1);
  });
});
