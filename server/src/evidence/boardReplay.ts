import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { YDOC_RECORDS_KEY, type ReplayRecord, type ReplayStep } from '@conjecture/shared';
import type { BoardStore } from '../storage/boardStore.js';

/** A board's replay so far: the doc holding the log up to `seq`, and a step per stored update. */
interface Folded {
  seq: number;
  doc: Y.Doc;
  steps: ReplayStep[];
  /** What the update being applied changed, by key: the record written, or null for removed. */
  changed: Map<string, ReplayRecord | null>;
}

/**
 * Boards whose replay is kept folded, most recently asked last: a class's groups, opened again and again
 * during a lesson, fold in only their new updates (a whole 2,000-update log takes the event loop ~150 ms,
 * which every student's sync would wait behind). Older boards are dropped and rebuilt if asked again.
 */
const MAX_FOLDED_BOARDS = 16;
const cache = new WeakMap<BoardStore, Map<string, Folded>>();

function fresh(): Folded {
  const doc = new Y.Doc();
  const folded: Folded = { seq: 0, doc, steps: [], changed: new Map() };
  const records = new YKeyValue<ReplayRecord>(doc.getArray(YDOC_RECORDS_KEY));
  // One update may raise more than one change event: the last word on a key wins.
  records.on('change', (changes: Map<string, { action: string; newValue?: ReplayRecord }>) => {
    for (const [key, change] of changes)
      folded.changed.set(key, change.action === 'delete' ? null : (change.newValue ?? null));
  });
  return folded;
}

/**
 * A board's history as replay steps: its stored updates applied in order to a Y.Doc, read through the same
 * YKeyValue view every client uses, each step carrying the records that update wrote and removed. Step `i`
 * is the log's `i`-th update, so position `p` of a replay is exactly a Y.Doc holding the first `p` updates
 * (replay.test.ts holds it to that). The answer is shared with later calls: do not change it.
 */
export function replaySteps(store: BoardStore, boardId: string): readonly ReplayStep[] {
  let boards = cache.get(store);
  if (!boards) cache.set(store, (boards = new Map()));
  let folded = boards.get(boardId);
  boards.delete(boardId);
  if (!store.getBoard(boardId)) {
    folded?.doc.destroy(); // deleted for good: keep nothing about it
    return [];
  }
  folded ??= fresh();
  boards.set(boardId, folded);
  for (const [oldest, dropped] of boards) {
    if (boards.size <= MAX_FOLDED_BOARDS) break;
    dropped.doc.destroy();
    boards.delete(oldest);
  }
  for (const { seq, update, author, at } of store.updatesAfter(boardId, folded.seq)) {
    const step: ReplayStep = { seq, at, author, put: [], removed: [] };
    folded.changed.clear();
    Y.applyUpdate(folded.doc, update);
    for (const [key, record] of folded.changed) {
      if (record) step.put.push(record);
      else step.removed.push(key);
    }
    folded.steps.push(step);
    folded.seq = seq;
  }
  return folded.steps;
}

/** Drops the folded replays of boards deleted since (a deleted class's work must not outlive it in memory). */
export function forgetDeletedReplays(store: BoardStore): void {
  const boards = cache.get(store);
  for (const [boardId, folded] of boards ?? []) {
    if (store.getBoard(boardId)) continue;
    folded.doc.destroy();
    boards?.delete(boardId);
  }
}
