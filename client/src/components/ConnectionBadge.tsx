import { useSyncExternalStore } from 'react';
import type { BoardSession, BoardSessionStatus } from '../sync/boardSession.js';

const LABELS: Record<BoardSessionStatus['connection'], string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/**
 * What is not yet on the server, in words that say what happens next: where this browser keeps a copy of the
 * board, unsent changes are safe on the device and go when the connection is back ("not yet saved" read to
 * a student on a dropped Wi-Fi as work being lost, and said nothing of what to do).
 */
function pendingWords(connection: BoardSessionStatus['connection'], localCopy: boolean): string {
  return connection !== 'connected' && localCopy
    ? 'changes kept on this device until you reconnect'
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
