import { Suspense, useEffect, useMemo, useState } from 'react';
import type { BoardId, ClientConfig, UserId } from '@conjecture/shared';
import { getBoard } from '../api/boards.js';
import { getClientConfig } from '../api/config.js';
import { ApiRequestError } from '../api/http.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { NotFoundPage } from './NotFoundPage.js';

import { LazyBoardEditor } from '../components/lazyBoards.js';
import { guestConnection } from '../sync/boardSession.js';

interface BoardPageProps {
  boardId: BoardId;
  userId: UserId;
  resolveName: ResolveDisplayName;
}

/**
 * Checks the board exists and fetches the run-time config, then opens the editor. A network failure is
 * not a reason to refuse: the board may be in IndexedDB, and the editor works offline.
 */
export function BoardPage({ boardId, userId, resolveName }: BoardPageProps) {
  const [config, setConfig] = useState<ClientConfig | null | undefined>(undefined);
  const [missing, setMissing] = useState(false);
  const connection = useMemo(() => guestConnection(userId), [userId]);

  useEffect(() => {
    let cancelled = false;
    getBoard(boardId).catch((error: unknown) => {
      if (!cancelled && error instanceof ApiRequestError && error.code === 'not_found') setMissing(true);
    });
    getClientConfig()
      .then((c) => !cancelled && setConfig(c))
      .catch(() => !cancelled && setConfig(null));
    return () => {
      cancelled = true;
    };
  }, [boardId]);

  if (missing) return <NotFoundPage message="This board does not exist." />;
  if (config === undefined) return <div className="board-message">Loading…</div>;
  const loading = <div className="board-message">Loading…</div>;
  return (
    <Suspense fallback={loading}>
      <LazyBoardEditor
        boardId={boardId}
        connection={connection}
        resolveName={resolveName}
        licenseKey={config?.tldrawLicenseKey ?? null}
        maxAssetBytes={config?.maxAssetBytes ?? null}
      />
    </Suspense>
  );
}
