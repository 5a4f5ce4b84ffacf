import { recordAuthorship } from '../boards/authorship.js';
import { MemoryStore } from '../storage/memoryStore.js';
import type { RoomHarness } from './roomHarness.js';

/** Who created a record of the harness's board and who wrote it since, as the room answers now. */
export function authorshipOf(h: RoomHarness, key: string) {
  const { creator, authors } = recordAuthorship(h.store, h.boardId).get(key) ?? {};
  return { creator, authors };
}

/** The same answer folded from the stored log by a process that never saw the board (a restart). */
export function foldedAfresh(h: RoomHarness, key: string) {
  const store = new MemoryStore();
  store.createBoard({ boardId: h.boardId, title: 'copy', createdAt: 0 });
  store.appendUpdates(h.boardId, h.store.updatesAfter(h.boardId, 0));
  const { creator, authors } = recordAuthorship(store, h.boardId).get(key) ?? {};
  return { creator, authors };
}
