import { useSyncExternalStore } from 'react';
import type { BoardSession, BoardSessionStatus } from '../sync/boardSession.js';

const LABELS: Record<BoardSessionStatus['connection'], string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** Connection state plus whether the server has durably stored everything drawn here. */
export function ConnectionBadge({ session }: { session: BoardSession }) {
  const status = useSyncExternalStore(session.subscribe, session.getStatus);
  return (
    <div
      className="connection-badge"
      role="status"
      data-testid="connection-badge"
      data-state={status.connection}
      data-unconfirmed={String(status.unconfirmed)}
    >
      {LABELS[status.connection]} · {status.unconfirmed ? 'changes not yet saved' : 'all changes saved'}
    </div>
  );
}
