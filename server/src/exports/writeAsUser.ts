import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import type { Result, Role } from '@conjecture/shared';
import { fail, ok, YDOC_RECORDS_KEY, YjsCloseCode, YjsRefusal } from '@conjecture/shared';
import type { BoardRoom, SyncPeer } from '../boards/boardRoom.js';
import { encodeUpdate, MessageType } from '../boards/syncMessages.js';
import { maxConnectionsPerBoard } from '../boards/userBudgets.js';

/** y-protocols' auth sub-type "permission denied". */
const PERMISSION_DENIED = 0;

/** Who a write is made for: the user id the authorship log records, and their role (null: outside any class). */
export interface BoardWriter {
  userId: string;
  role: Role | null;
}

/**
 * Writes records into a board as `writer`, through the door their own connection would use: the room's
 * admission of a client update. So the write meets all of the board's policy for that user — authorship in
 * the log, the budgets of others' work taken away and of records added at once (shared with the user's live
 * connections), the checks over the board as a whole (a loop of parents, a parent not on the board, bindings)
 * — and the teacher hears of a wipe as from a connection. A server change (`room.change`) meets none of it:
 * the server's own writes are trusted, a user's file is not.
 *
 * The room undoes what it refuses, as for a connection; the answer names why. Synchronous: the room admits
 * (and reverts) an update while `receive` runs.
 */
export function writeAsUser(room: BoardRoom, writer: BoardWriter, records: readonly { id: string }[]) {
  const denied = new Set<string>();
  let closed: { code: number; reason: string } | null = null;
  const peer: SyncPeer = {
    userId: writer.userId,
    send: (message) => {
      const reason = permissionDenied(message);
      if (reason !== null) denied.add(reason);
    },
    close: (code, reason) => void (closed ??= { code, reason }),
  };
  // One more than the user's live connections may hold: this one lasts a call, and a student with every tab
  // open may still import. Their budgets are the ones those connections spend.
  const joined = room.join(peer, { writable: true, maxConnections: maxConnectionsPerBoard(writer.role) + 1 });
  if (joined) {
    try {
      room.receive(peer, encodeUpdate(updateWriting(room.doc, records)));
    } finally {
      room.leave(peer);
    }
  }
  return outcome(closed, denied);
}

/** An update that sets these records over the board's current state, under a client id of its own. */
function updateWriting(board: Y.Doc, records: readonly { id: string }[]): Uint8Array {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(board));
    const kv = new YKeyValue<unknown>(copy.getArray(YDOC_RECORDS_KEY));
    copy.transact(() => records.forEach((r) => kv.set(r.id, r)));
    return Y.encodeStateAsUpdate(copy, Y.encodeStateVector(board));
  } finally {
    copy.destroy();
  }
}

/** The reason of a y-protocols "permission denied" message, or null for any other message. */
function permissionDenied(message: Uint8Array): string | null {
  const decoder = decoding.createDecoder(message);
  if (decoding.readVarUint(decoder) !== MessageType.auth) return null;
  if (decoding.readVarUint(decoder) !== PERMISSION_DENIED) return null;
  return decoding.readVarString(decoder);
}

/** What the room's refusals mean to the one who sent the file (the words a connection's user would see). */
function outcome(closed: { code: number; reason: string } | null, denied: ReadonlySet<string>): Result<null> {
  if (closed) {
    switch (closed.code) {
      case YjsCloseCode.boardFull:
        return fail('board_full', 'the board is full; delete something from it first');
      case YjsCloseCode.tooLarge:
        return fail('too_large', `the file is too large for one change to the board (${closed.reason})`);
      case YjsCloseCode.rateLimited:
      case YjsCloseCode.rejectedContent:
      case YjsCloseCode.tooManyConnections:
        return fail(
          'rate_limited',
          `too many changes to this board just now (${closed.reason}): try again soon`,
        );
      default:
        return fail('internal', `the board did not take the file (${closed.reason})`);
    }
  }
  if (denied.has(YjsRefusal.othersDeleted))
    return fail(
      'conflict',
      'the file takes away more of your classmates’ work at once than a student may: their work was put back',
    );
  if (denied.has(YjsRefusal.tooMany))
    return fail(
      'too_large',
      'the file adds more items at once than a student may: they were taken back (import fewer, or wait a few minutes)',
    );
  if (denied.has(YjsRefusal.tooLarge))
    return fail('too_large', 'an item of the file is larger than a board holds: it was taken back');
  if (denied.size > 0)
    return fail(
      'bad_request',
      'the board does not accept some of the file’s items together (a shape inside itself, a parent not on the board, an item out of sight): they were taken back',
    );
  return ok(null);
}
