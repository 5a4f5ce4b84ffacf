import { foldedLog, forgetDeletedLogs } from '../boards/boardLog.js';
import type { BoardStore } from '../storage/boardStore.js';
import type { BoardActs } from '../boards/actsFold.js';

export { newReplies, type BoardActs, type PostedReply } from '../boards/actsFold.js';

/**
 * Who did what on a board, read from the server's per-update authorship log in the same pass as authorship
 * (boards/boardLog.ts): a write that starts a life of a shape (its first, or new work written under its id:
 * `writeLife`, as authorship reads it) is its author's creation, other writes by anyone are edits; words are
 * what each write added to the shape's text; critique replies come from the threads the server wrote. A
 * creation or edit the server refused and put back at once is not counted (boards/actsFold.ts). Nothing here
 * trusts who a record claims wrote it. The answer is shared with later calls: do not change it.
 */
export function boardActs(store: BoardStore, boardId: string): BoardActs {
  const { acts, replies } = foldedLog(store, boardId).acts;
  return { acts, replies };
}

/** Forgets what was folded of boards deleted since (a deleted class's work must not outlive it in memory). */
export function forgetDeletedActs(store: BoardStore): void {
  forgetDeletedLogs(store);
}
