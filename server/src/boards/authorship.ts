import * as Y from 'yjs';
import type { BoardStore } from '../storage/boardStore.js';
import { workOf, writeLife, type KeyLives, type RecordLife, type RecordWork } from './recordLives.js';

/** Who created the work a record holds now, and who wrote it since (see recordLives.ts). */
export type RecordAuthorship = RecordLife;

/** A record entry (one `{key, val}` of the records array) not deleted yet. */
interface LiveEntry {
  key: string;
  life: RecordLife;
  work: RecordWork;
}

interface FoldedAuthorship {
  /** The last log entry folded in. */
  seq: number;
  /** Per key, the life of its value now (or of its last value, once deleted). */
  records: Map<string, RecordAuthorship>;
  lives: Map<string, KeyLives>;
  /** The record entries not deleted yet, by Yjs id (client, clock): what a later delete set takes away. */
  live: Map<number, Map<number, LiveEntry>>;
  /** Per key its live entries in the order written: one, but for a moment after concurrent writes. */
  entriesOf: Map<string, LiveEntry[]>;
  /** Who first wrote under each Yjs client id. */
  clients: Map<number, string>;
  /** Per client id, the next clock: what a client sends again (a resync) is not written twice. */
  clocks: Map<number, number>;
}

const emptyFold = (): FoldedAuthorship => ({
  seq: 0,
  records: new Map(),
  lives: new Map(),
  live: new Map(),
  entriesOf: new Map(),
  clients: new Map(),
  clocks: new Map(),
});

/**
 * Per store, what has been read of each board's log so far. The log only grows, so a later call folds in
 * just the entries after `seq` instead of decoding the whole history again — the dashboard's "colour by
 * author" asks after every burst of changes, and a long lesson's log has thousands of updates.
 */
const folded = new WeakMap<BoardStore, Map<string, FoldedAuthorship>>();

function foldUpdate(f: FoldedAuthorship, update: Uint8Array, author: string, at: number): void {
  let decoded: {
    structs: Array<Y.Item | Y.GC | Y.Skip>;
    ds: { clients: Map<number, Array<{ clock: number; len: number }>> };
  };
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded;
  } catch {
    return; // stored updates were checked on the way in; a bad one cannot name anyone
  }
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id;
    if (!f.clients.has(client)) f.clients.set(client, author);
    if (struct instanceof Y.Skip) continue;
    const next = f.clocks.get(client) ?? 0;
    if (clock + struct.length <= next) continue; // folded before
    f.clocks.set(client, clock + struct.length);
    // Map entries (the board's meta) are not records.
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny) || struct.parentSub !== null)
      continue;
    struct.content.getContent().forEach((entry, i) => {
      const { key, val } = (entry ?? {}) as { key?: unknown; val?: unknown };
      if (typeof key === 'string' && clock + i >= next) write(f, key, val, client, clock + i, author, at);
    });
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const live = f.live.get(client);
    if (live) for (const clock of deletedClocks(ranges, live)) deleteEntry(f, live, clock);
  }
}

/**
 * Every write of a record appends a fresh `{key, val}` entry (and deletes the one before it, in the same
 * update). The entries not deleted yet are kept by id, so that of two values of a key written at once the
 * one left standing decides whose the record is (see `deleteEntry`).
 */
function write(
  f: FoldedAuthorship,
  key: string,
  val: unknown,
  client: number,
  clock: number,
  author: string,
  at: number,
): void {
  const entries = f.entriesOf.get(key) ?? [];
  const work = workOf(val);
  const lives = writeLife(f.lives.get(key), { author, at, work });
  f.lives.set(key, lives);
  f.records.set(key, lives.current);
  const entry = { key, life: lives.current, work };
  entries.push(entry);
  f.entriesOf.set(key, entries);
  let live = f.live.get(client);
  if (!live) f.live.set(client, (live = new Map()));
  live.set(clock, entry);
}

function deleteEntry(f: FoldedAuthorship, live: Map<number, LiveEntry>, clock: number): void {
  const entry = live.get(clock);
  if (!entry) return;
  live.delete(clock);
  const entries = (f.entriesOf.get(entry.key) ?? []).filter((e) => e !== entry);
  const last = entries[entries.length - 1];
  if (!last) {
    f.entriesOf.delete(entry.key); // deleted: its lives keep the work it had, for a re-creation
    return;
  }
  // Of two values written at once (concurrently, or by a hostile update), the one left is the record's.
  f.entriesOf.set(entry.key, entries);
  const lives = f.lives.get(entry.key);
  if (lives) {
    lives.current = last.life;
    lives.work = last.work;
    f.records.set(entry.key, last.life);
  }
}

/**
 * The clocks of `live` that `ranges` delete. A client's delete set may repeat everything it ever deleted (a
 * resync sends its whole delete set): walked clock by clock only when that is shorter than the live entries.
 */
function deletedClocks(
  ranges: ReadonlyArray<{ clock: number; len: number }>,
  live: Map<number, unknown>,
): number[] {
  const found: number[] = [];
  const total = ranges.reduce((sum, r) => sum + r.len, 0);
  if (total <= live.size) {
    for (const { clock, len } of ranges)
      for (let c = clock; c < clock + len; c++) if (live.has(c)) found.push(c);
    return found;
  }
  const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
  for (const clock of live.keys()) {
    let [lo, hi] = [0, sorted.length - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = sorted[mid]!;
      if (clock < r.clock) hi = mid - 1;
      else if (clock >= r.clock + r.len) lo = mid + 1;
      else {
        found.push(clock);
        break;
      }
    }
  }
  return found;
}

/**
 * Who wrote each record of a board, read from the server's per-update authorship log — the authenticated
 * connection that sent each change — never from anything a client wrote into the record itself.
 * Every write of a record appends a fresh `{key, val}` entry, so each update's inserted entries name the
 * records its author wrote, and its delete set the entries it took away. The creator is that of the work the
 * record holds (`writeLife`): new work written under a deleted or replaced record's id (new words, a drawing
 * redrawn, another type of shape) is its writer's. Every
 * reader of "whose is this" — attribution, colour by author, exports, reflections, removing a student's
 * marks, resolving critique, the bulk-delete guard — reads it here. The answer is shared with later calls:
 * do not change it.
 */
export function recordAuthorship(store: BoardStore, boardId: string): ReadonlyMap<string, RecordAuthorship> {
  return foldLog(store, boardId).records;
}

/**
 * Who first wrote under each Yjs client id of a board, from the same log: a client id belongs to the user
 * whose connection first wrote under it, so nobody else may write under it later (after a restart too).
 */
export function clientIdOwners(store: BoardStore, boardId: string): ReadonlyMap<number, string> {
  return foldLog(store, boardId).clients;
}

function foldLog(store: BoardStore, boardId: string): FoldedAuthorship {
  let boards = folded.get(store);
  if (!boards) folded.set(store, (boards = new Map()));
  if (!store.getBoard(boardId)) {
    boards.delete(boardId); // deleted for good: keep nothing about it
    return emptyFold();
  }
  let entry = boards.get(boardId);
  if (!entry) boards.set(boardId, (entry = emptyFold()));
  for (const { seq, update, author, at } of store.updatesAfter(boardId, entry.seq)) {
    foldUpdate(entry, update, author, at);
    entry.seq = seq;
  }
  return entry;
}
