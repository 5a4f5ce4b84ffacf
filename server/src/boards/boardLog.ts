import * as Y from 'yjs';
import type { BoardStore } from '../storage/boardStore.js';
import { actOnWrite, actsAfterUpdate, emptyActs, type ActsFold } from './actsFold.js';
import {
  deleteEntries,
  emptyAuthorship,
  lifeStanding,
  standingValue,
  writeEntry,
  type AuthorshipFold,
} from './authorshipFold.js';

/**
 * What the server reads of a board's update log — who wrote each record (authorship) and what each member
 * did (participation's acts) — folded in one pass: each stored update is decoded once and its record writes
 * and deletions handed to both. Read by `recordAuthorship`, `clientIdOwners` and `boardActs`.
 */
export interface FoldedLog {
  /** The last log entry folded in. */
  seq: number;
  /** Who first wrote under each Yjs client id. */
  clients: Map<number, string>;
  /** Per client id, the next clock: what a client sends again (a resync) is not written twice. */
  clocks: Map<number, number>;
  authorship: AuthorshipFold;
  acts: ActsFold;
}

const emptyLog = (): FoldedLog => ({
  seq: 0,
  clients: new Map(),
  clocks: new Map(),
  authorship: emptyAuthorship(),
  acts: emptyActs(),
});

/**
 * Per store, what has been read of each board's log so far. The log only grows, so a later call folds in
 * just the entries after `seq` instead of decoding the whole history again — the dashboard's "colour by
 * author" and participation ask after every burst of changes, and a long lesson's log has thousands of
 * updates.
 */
const folded = new WeakMap<BoardStore, Map<string, FoldedLog>>();

interface Decoded {
  structs: Array<Y.Item | Y.GC | Y.Skip>;
  ds: { clients: Map<number, Array<{ clock: number; len: number }>> };
}

function foldUpdate(f: FoldedLog, update: Uint8Array, author: string, at: number): void {
  let decoded: Decoded;
  try {
    decoded = Y.decodeUpdate(update) as Decoded;
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
    struct.content.getContent().forEach((value, i) => {
      const { key, val } = (value ?? {}) as { key?: unknown; val?: unknown };
      if (typeof key !== 'string' || clock + i < next) return;
      const write = { key, val, client, clock: clock + i, author, at };
      const { entry, lives, before } = writeEntry(f.authorship, write);
      actOnWrite(f.acts, { key, val, author, at, entry, lives, before: before?.val });
    });
  }
  const deleted = deleteEntries(f.authorship, decoded.ds.clients);
  actsAfterUpdate(f.acts, {
    author,
    at,
    deleted,
    standing: (key, life) => lifeStanding(f.authorship, key, life),
    valueOf: (key) => standingValue(f.authorship, key),
  });
}

/** The board's log folded up to its last stored update; an empty fold for a board deleted for good. */
export function foldedLog(store: BoardStore, boardId: string): FoldedLog {
  let boards = folded.get(store);
  if (!boards) folded.set(store, (boards = new Map()));
  if (!store.getBoard(boardId)) {
    boards.delete(boardId); // deleted for good: keep nothing about it
    return emptyLog();
  }
  let entry = boards.get(boardId);
  if (!entry) boards.set(boardId, (entry = emptyLog()));
  for (const { seq, update, author, at } of store.updatesAfter(boardId, entry.seq)) {
    foldUpdate(entry, update, author, at);
    entry.seq = seq;
  }
  return entry;
}

/** Forgets what was folded of boards deleted since (a deleted class's work must not outlive it in memory). */
export function forgetDeletedLogs(store: BoardStore): void {
  const boards = folded.get(store);
  for (const boardId of boards?.keys() ?? []) if (!store.getBoard(boardId)) boards?.delete(boardId);
}
