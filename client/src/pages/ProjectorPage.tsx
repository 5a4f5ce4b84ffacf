import { Suspense, useMemo } from 'react';
import { useUserColors } from '../classroom/colorDirectory.js';
import { useClientConfig } from '../api/useClientConfig.js';
import { useProjectorView } from '../classroom/useProjectorView.js';
import { useNameResolver } from '../classroom/nameDirectory.js';
import { LazyBoardView } from '../components/lazyBoards.js';
import type { BoardConnection } from '../sync/boardSession.js';
import { useShowGraphPaper } from '../graphPaper/GraphPaperBackground.js';

/** The classroom screen: the boards the teacher chose, side by side, read-only, full screen. */
export function ProjectorPage({ classId }: { classId: string }) {
  const { state, refreshNames } = useProjectorView(classId);
  const config = useClientConfig();
  const resolveName = useNameResolver(state.phase === 'ready' ? state.view.names : null, refreshNames);
  useUserColors(state.phase === 'ready' ? state.view : null);
  const token = state.phase === 'ready' ? state.token : null;
  useShowGraphPaper(state.phase === 'ready' && state.view.graphPaper);
  const connection = useMemo<BoardConnection | null>(
    () =>
      token
        ? { userId: 'projector', yjsParams: { token, mode: 'view' }, socketAuth: null, localCopy: false }
        : null,
    [token],
  );

  if (state.phase === 'failed')
    return (
      <main className="page">
        <h1>Projector</h1>
        <p role="alert">{state.message}</p>
      </main>
    );
  if (state.phase === 'loading' || config === undefined || !connection)
    return <div className="board-message">Loading…</div>;

  const { view } = state;
  const boards = view.projection.boardIds;
  return (
    <main className="projector" data-count={boards.length} data-testid="projector">
      {boards.length === 0 ? (
        <div className="projector-idle">
          <h1>{view.title}</h1>
          {view.taskPrompt && <p>{view.taskPrompt}</p>}
        </div>
      ) : (
        boards.map((boardId) => (
          <div className="projector-cell" key={boardId}>
            <div className="projector-caption" data-testid="projector-caption">
              {view.groupNames[boardId] ?? ''}
            </div>
            <Suspense fallback={<div className="board-message">Loading…</div>}>
              {/* key: switching to pseudonyms rebuilds the view, so no name resolved earlier lingers */}
              <LazyBoardView
                key={`${boardId}:${String(view.projection.anonymize)}`}
                boardId={boardId}
                connection={connection}
                resolveName={resolveName}
                licenseKey={config?.tldrawLicenseKey ?? null}
                label="Projected board"
              />
            </Suspense>
          </div>
        ))
      )}
      {view.paused && <div className="pause-banner">Paused</div>}
    </main>
  );
}
