import type { Result } from '@conjecture/shared';
import { fail } from '@conjecture/shared';
import type { BoardRoom } from '../boards/boardRoom.js';

/** Per record: the entry's key and framing in the update, and the delete of the value it replaces. */
const ENTRY_OVERHEAD_BYTES = 128;

/** About what a Yjs update writing these records costs (their JSON plus framing), erring on the high side. */
export function writeBytes(values: readonly unknown[]): number {
  return values.reduce<number>(
    (bytes, value) => bytes + Buffer.byteLength(JSON.stringify(value) ?? '') + ENTRY_OVERHEAD_BYTES,
    0,
  );
}

/**
 * Why the server may not write these records into a board on a user's behalf — the same limits as a
 * client's own update — as the error to answer with, or null. `what` names the write for the message.
 * `replaced`: the values the same change deletes or overwrites; a change that takes away at least what it
 * writes is taken on a full board (the teacher's way back from a flood).
 */
export function boardWriteRefusal(
  room: BoardRoom,
  values: readonly unknown[],
  what: string,
  replaced: readonly unknown[] = [],
): Result<never> | null {
  switch (room.serverWriteRefusal(writeBytes(values), writeBytes(replaced))) {
    case 'boardFull':
      return fail('board_full', `${what}: the board is full; delete something from it first`);
    case 'tooLarge':
      return fail('too_large', `${what} is too large for one change to the board`);
    case null:
      return null;
  }
}
