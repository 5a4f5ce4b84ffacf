import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { YDOC_RECORDS_KEY, type ReplayRecord, type ReplayStep } from '@conjecture/shared';
import type { BoardStore } from '../storage/boardStore.js';

/**
 * A board's history as replay steps: its stored updates applied in order to a fresh Y.Doc, read through the
 * same YKeyValue view every client uses, each step carrying the records that update wrote and removed.
 * Step `i` is the log's `i`-th update, so position `p` of a replay is exactly a Y.Doc holding the first `p`
 * updates (replay.test.ts holds it to that).
 */
export function replaySteps(store: BoardStore, boardId: string): ReplayStep[] {
  const doc = new Y.Doc();
  const records = new YKeyValue<ReplayRecord>(doc.getArray(YDOC_RECORDS_KEY));
  // What the update being applied changed, by key: the record written, or null for removed. (One update
  // may raise more than one change event; the last word on a key wins.)
  let changed: Map<string, ReplayRecord | null> | null = null;
  records.on('change', (changes: Map<string, { action: string; newValue?: ReplayRecord }>) => {
    for (const [key, change] of changes)
      changed?.set(key, change.action === 'delete' ? null : (change.newValue ?? null));
  });
  const steps: ReplayStep[] = [];
  try {
    for (const { seq, update, author, at } of store.updatesAfter(boardId, 0)) {
      const step: ReplayStep = { seq, at, author, put: [], removed: [] };
      changed = new Map();
      Y.applyUpdate(doc, update);
      for (const [key, record] of changed) {
        if (record) step.put.push(record);
        else step.removed.push(key);
      }
      steps.push(step);
    }
  } finally {
    changed = null;
    doc.destroy();
  }
  return steps;
}
