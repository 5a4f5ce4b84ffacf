import * as Y from 'yjs';
import type { BoardStore } from '../storage/boardStore.js';

export interface RecordAuthorship {
  /** Who first wrote the record. */
  creator: string;
  /** Everyone who wrote it, in order of first write (the creator first). */
  authors: string[];
  /** When it was first written (the server's clock when the update was stored). */
  firstAt: number;
}

interface FoldedAuthorship {
  /** The last log entry folded in. */
  seq: number;
  records: Map<string, RecordAuthorship>;
  /** Who first wrote under each Yjs client id. */
  clients: Map<number, string>;
}

/**
 * Per store, what has been read of each board's log so far. The log only grows, so a later call folds in
 * just the entries after `seq` instead of decoding the whole history again — the dashboard's "colour by
 * author" asks after every burst of changes, and a long lesson's log has thousands of updates.
 */
const folded = new WeakMap<BoardStore, Map<string, FoldedAuthorship>>();

function foldUpdate(folded: FoldedAuthorship, update: Uint8Array, author: string, at: number): void {
  const { records, clients } = folded;
  let structs: Array<Y.Item | Y.GC | Y.Skip>;
  try {
    structs = (Y.decodeUpdate(update) as { structs: Array<Y.Item | Y.GC | Y.Skip> }).structs;
  } catch {
    return; // stored updates were checked on the way in; a bad one cannot name anyone
  }
  for (const struct of structs) {
    if (!clients.has(struct.id.client)) clients.set(struct.id.client, author);
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
    for (const entry of struct.content.getContent()) {
      const key = (entry as { key?: unknown } | null)?.key;
      if (typeof key !== 'string') continue;
      const known = records.get(key);
      if (!known) records.set(key, { creator: author, authors: [author], firstAt: at });
      else if (!known.authors.includes(author)) known.authors.push(author);
    }
  }
}

/**
 * Who wrote each record of a board, read from the server's per-update authorship log — the authenticated
 * connection that sent each change — never from anything a client wrote into the record itself.
 * Every write of a record appends a fresh `{key, val}` entry, so each update's inserted entries name the
 * records its author wrote. The answer is shared with later calls: do not change it.
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
    return { seq: 0, records: new Map(), clients: new Map() };
  }
  let entry = boards.get(boardId);
  if (!entry) boards.set(boardId, (entry = { seq: 0, records: new Map(), clients: new Map() }));
  for (const { seq, update, author, at } of store.updatesAfter(boardId, entry.seq)) {
    foldUpdate(entry, update, author, at);
    entry.seq = seq;
  }
  return entry;
}
