import * as Y from 'yjs';
import type { ReplayRecord, ReplayStep } from '@conjecture/shared';
import { isEntry, RecordsView, type AddedValue, type Entry } from '../boards/recordsView.js';
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
 * during a lesson, fold in only their new updates (a whole 2,000-update log takes the event loop 100 ms or
 * more, which every student's sync would wait behind). Older boards are dropped and rebuilt if asked again.
 */
const MAX_FOLDED_BOARDS = 16;
const cache = new WeakMap<BoardStore, Map<string, Folded>>();

/**
 * Reads the records the way y-utility's YKeyValue does — per key, the right-most entry wins — but from each
 * transaction's own clock ranges (`RecordsView`), not `YArrayEvent.changes`, which walks the whole array on
 * every update (a third of a cold fold's time). The array is only walked when a key gains a second live
 * entry (concurrent writes), to find the right-most; the stored log never keeps one for long, since the
 * server deletes the losers.
 */
function trackRecords(view: RecordsView, tr: Y.Transaction, changed: Map<string, ReplayRecord | null>): void {
  const { added, deleted } = view.changesOf(tr);
  const deletedWinners = new Set<string>();
  for (const item of deleted)
    for (const c of item.content.getContent())
      if (isEntry(c) && view.winner(c.key) === c) deletedWinners.add(c.key);
  const byKey = new Map<string, AddedValue[]>();
  for (const a of added) {
    if (!isEntry(a.value)) continue;
    const list = byKey.get(a.value.key);
    if (list) list.push(a);
    else byKey.set(a.value.key, [a]);
  }
  const live = (key: string) => (deletedWinners.has(key) ? undefined : view.winner(key));
  const contested = [...byKey].filter(([key, list]) => list.length > 1 || live(key) !== undefined);
  const positions =
    contested.length > 0
      ? view.indexesOf(
          contested.flatMap(([, list]) => list),
          new Set(contested.map(([key]) => live(key))),
        )
      : null;
  for (const [key, list] of byKey) {
    const old = live(key);
    const candidates: Array<AddedValue | Entry> = old ? [...list, old] : [...list];
    const at = (c: AddedValue | Entry) => positions?.get(c) ?? -1;
    const best = candidates.reduce((a, b) => (at(b) > at(a) ? b : a));
    const entry = ('item' in best ? best.value : best) as Entry;
    view.setWinner(key, entry);
    if (entry !== old) changed.set(key, entry.val as ReplayRecord);
  }
  for (const key of deletedWinners) {
    if (byKey.has(key)) continue;
    view.setWinner(key, undefined);
    changed.set(key, null);
  }
}

function fresh(): Folded {
  const doc = new Y.Doc();
  const folded: Folded = { seq: 0, doc, steps: [], changed: new Map() };
  const view = new RecordsView(doc);
  view.array.observe((_event, tr) => trackRecords(view, tr, folded.changed));
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
