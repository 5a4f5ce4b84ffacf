import type { BoardStore } from '../storage/boardStore.js';
import { foldedLog } from './boardLog.js';
import type { RecordLife } from './recordLives.js';

/** Who created the work a record holds now, and who wrote it since (see recordLives.ts). */
export type RecordAuthorship = RecordLife;

/**
 * Who wrote each record of a board, read from the server's per-update authorship log — the authenticated
 * connection that sent each change — never from anything a client wrote into the record itself.
 * Every write of a record appends a fresh `{key, val}` entry, so each update's inserted entries name the
 * records its author wrote, and its delete set the entries it took away (authorshipFold.ts). The creator is
 * that of the work the record holds (`writeLife`): new work written under a deleted or replaced record's id
 * (new words, a drawing redrawn, another type of shape) is its writer's. Every
 * reader of "whose is this" — attribution, colour by author, exports, reflections, removing a student's
 * marks, resolving critique, the bulk-delete guard — reads it here. The answer is shared with later calls:
 * do not change it.
 */
export function recordAuthorship(store: BoardStore, boardId: string): ReadonlyMap<string, RecordAuthorship> {
  return foldedLog(store, boardId).authorship.records;
}

/**
 * Who first wrote under each Yjs client id of a board, from the same log: a client id belongs to the user
 * whose connection first wrote under it, so nobody else may write under it later (after a restart too).
 */
export function clientIdOwners(store: BoardStore, boardId: string): ReadonlyMap<number, string> {
  return foldedLog(store, boardId).clients;
}
