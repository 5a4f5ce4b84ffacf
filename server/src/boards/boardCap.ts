import * as Y from 'yjs';
import { length as encodingLength } from 'lib0/encoding';

/**
 * What a board at its size cap (MAX_BOARD_BYTES) still takes. Refusing every update there locked a group out
 * of its own board — deleting the flood that filled it included — until an operator stepped in. So an update
 * that frees room (or adds nothing) is taken past the cap, within a slack, and a snapshot then folds the log:
 * deleted content stops counting once folded (Yjs keeps only the deleted ranges), and the board shrinks.
 */

/**
 * What an update may write along with its deletions and still count as freeing room: tldraw moving a shape
 * (its record rewritten: the old one deleted, a new one of a few hundred bytes written), or rewriting an
 * arrow as the shape it was bound to goes. A new record of that size takes the creation budget like any other.
 */
export const FREEING_WRITE_BYTES = 2 * 1024;

/**
 * How far past its cap a full board's stored bytes may grow with updates that free room before a snapshot
 * folds them (see `hasRoomFor`): a snapshot every slack's worth of such updates, not on every one of them.
 */
export function freeingSlackBytes(maxBoardBytes: number): number {
  return Math.max(Math.floor(maxBoardBytes / 16), 4 * FREEING_WRITE_BYTES);
}

/**
 * Whether a full board takes an update (read from admission's scan, nothing decoded): one that writes nothing
 * new — a browser's sync answer when it joins, a resync — or that deletes and writes no more than a little
 * beside. The write policy still decides what it may delete.
 */
export function takenOnAFullBoard(update: {
  writes: readonly number[];
  deletes: boolean;
  structBytes: number;
}): boolean {
  return update.writes.length === 0 || (update.deletes && update.structBytes <= FREEING_WRITE_BYTES);
}

/**
 * What folding a transaction's deletions frees, in bytes: each deleted item's content as Yjs encodes it (the
 * fold keeps only its length), plus a little of its header. Called before Yjs garbage-collects the contents.
 */
export function deletedBytes(tr: Y.Transaction): number {
  let bytes = 0;
  const encoder = new Y.UpdateEncoderV1();
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || struct.content instanceof Y.ContentDeleted) return;
    struct.content.write(encoder, 0);
    bytes += ITEM_HEADER_BYTES;
  });
  return bytes + encodingLength(encoder.restEncoder);
}

/** Of a deleted item's header (its origins, mostly), what the fold surely frees. */
const ITEM_HEADER_BYTES = 4;

/**
 * A fold made because deletions since the last one might make room (not because the log is half the board)
 * happens at most this often on a board: a client that moves a shape before each update one byte too big,
 * reconnecting as often as it is closed, made the server encode the full board once per attempt.
 */
export const FULL_BOARD_FOLD_EVERY_MS = 5000;
