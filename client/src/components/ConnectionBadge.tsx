import { useSyncExternalStore } from 'react';
import type { BoardSession, BoardSessionStatus } from '../sync/boardSession.js';

const LABELS: Record<BoardSessionStatus['connection'], string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  // The network is up but the server does not answer (see UNREACHABLE_AFTER_FAILED_ATTEMPTS): "Reconnecting…"
  // for minutes left a student unsure whether anything was wrong at all.
  unreachable: "Can't reach Conjecture",
  // Refused at the address's cap, shared by a class behind one school address: nothing for the student to
  // fix (one tab), and it frees as others close.
  crowded: 'Too many boards open on this network, trying again',
  offline: 'Offline',
};

/**
 * What is not yet on the server, in words that say what happens next: where this browser keeps a copy of the
 * board, unsent changes are safe on the device and go when the connection is back ("not yet saved" read to
 * a student on a dropped Wi-Fi as work being lost, and said nothing of what to do). Without a copy, once the
 * server is known to be out of reach, it says what would lose them.
 */
function pendingWords(
  connection: BoardSessionStatus['connection'],
  localCopy: boolean,
  socketUnreachable: boolean,
): string {
  // Without the socket.io link no confirmation can come, even while the drawing syncs.
  if ((connection !== 'connected' || socketUnreachable) && localCopy)
    return 'changes kept on this device until you reconnect';
  return connection === 'unreachable'
    ? 'changes not yet saved, lost if you close this page'
    : 'changes not yet saved';
}

/**
 * Connection state plus whether the server has durably stored everything drawn here. When the board syncs
 * but the page's socket.io link is refused or blocked, it names the part that works and the part that is
 * retrying ("Connected" alone hid that tags and confirmations had stopped); while the whole connection is
 * down, the state says it all.
 */
export function ConnectionBadge({ session }: { session: BoardSession }) {
  const status = useSyncExternalStore(session.subscribe, session.getStatus);
  const socketDown = status.connection === 'connected' && status.socketUnreachable;
  const saved = status.unconfirmed
    ? pendingWords(status.connection, session.connection.localCopy, socketDown)
    : 'all changes saved';
  const parts = [
    socketDown ? 'Drawing connected' : LABELS[status.connection],
    saved,
    ...(socketDown ? ["tags can't reach Conjecture, trying again"] : []),
  ];
  return (
    <div
      className="connection-badge"
      role="status"
      data-testid="connection-badge"
      data-state={status.connection}
      data-unconfirmed={String(status.unconfirmed)}
      data-socket={socketDown ? 'unreachable' : 'ok'}
    >
      {parts.join(' · ')}
    </div>
  );
}
