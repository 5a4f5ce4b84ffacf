import * as Y from 'yjs';
import type { BoardStore } from '../storage/boardStore.js';

export interface RecordAuthorship {
  /** Who first wrote the record. */
  creator: string;
  /** Everyone who wrote it, in order of first write (the creator first). */
  authors: string[];
}

/**
 * Who wrote each record of a board, read from the server's per-update authorship log — the authenticated
 * connection that sent each change — never from anything a client wrote into the record itself.
 * Every write of a record appends a fresh `{key, val}` entry, so each update's inserted entries name the
 * records its author wrote.
 */
export function recordAuthorship(store: BoardStore, boardId: string): Map<string, RecordAuthorship> {
  const result = new Map<string, RecordAuthorship>();
  for (const { update, author } of store.updatesAfter(boardId, 0)) {
    let structs: Array<Y.Item | Y.GC | Y.Skip>;
    try {
      structs = (Y.decodeUpdate(update) as { structs: Array<Y.Item | Y.GC | Y.Skip> }).structs;
    } catch {
      continue; // stored updates were checked on the way in; a bad one cannot name anyone
    }
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
      for (const entry of struct.content.getContent()) {
        const key = (entry as { key?: unknown } | null)?.key;
        if (typeof key !== 'string') continue;
        const known = result.get(key);
        if (!known) result.set(key, { creator: author, authors: [author] });
        else if (!known.authors.includes(author)) known.authors.push(author);
      }
    }
  }
  return result;
}
