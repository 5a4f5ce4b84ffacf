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
