import { useSyncExternalStore } from 'react';
import type { BoardSession, BoardSessionStatus } from '../sync/boardSession.js';

const LABELS: Record<BoardSessionStatus['connection'], string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  // The network is up but the server does not answer (see UNREACHABLE_AFTER_FAILED_ATTEMPTS): "Reconnecting…"
  // for minutes left a student unsure whether anything was wrong at all.
  unreachable: "Can't reach Conjecture",
  offline: 'Offline',
};

/**
 * What is not yet on the server, in words that say what happens next: where this browser keeps a copy of the
 * board, unsent changes are safe on the device and go when the connection is back ("not yet saved" read to
 * a student on a dropped Wi-Fi as work being lost, and said nothing of what to do). Without a copy, once the
 * server is known to be out of reach, it says what would lose them.
 */
function pendingWords(connection: BoardSessionStatus['connection'], localCopy: boolean): string {
  if (connection !== 'connected' && localCopy) return 'changes kept on this device until you reconnect';
  return connection === 'unreachable'
    ? 'changes not yet saved, lost if you close this page'
    : 'changes not yet saved';
}

/** Connection state plus whether the server has durably stored everything drawn here. */
export function ConnectionBadge({ session }: { session: BoardSession }) {
  const status = useSyncExternalStore(session.subscribe, session.getStatus);
  const saved = status.unconfirmed
    ? pendingWords(status.connection, session.connection.localCopy)
    : 'all changes saved';
  return (
    <div
      className="connection-badge"
      role="status"
      data-testid="connection-badge"
      data-state={status.connection}
      data-unconfirmed={String(status.unconfirmed)}
    >
      {LABELS[status.connection]} · {saved}
    </div>
  );
}
