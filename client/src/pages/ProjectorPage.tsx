import { Suspense, useMemo, type ReactNode } from 'react';
import { useUserColors } from '../classroom/colorDirectory.js';
import { useClientConfig } from '../api/useClientConfig.js';
import { useProjectorView } from '../classroom/useProjectorView.js';
import { useNameResolver } from '../classroom/nameDirectory.js';
import type { BoardConnection } from '../sync/boardSession.js';
import { projectorDesign } from '../projector/projectorDesign.js';
import { useProjectorDiscussion } from '../discussion/useProjectorDiscussion.js';
import { LazyPresentedStep } from '../discussion/lazySnapshots.js';
import { useGroupDraw } from '../diagnostics/useGroupDraw.js';
import { GroupsDrawnAtRandom } from '../projector/GroupsDrawnAtRandom.js';
import { Button } from '../ui/Button.js';
import { ProjectorPauseBand } from '../projector/ProjectorPauseBand.js';
import { Written } from '../ui/Written.js';
import { useBoardArrangement } from '../projector/useBoardArrangement.js';
import { spansRow } from '../projector/boardArrangement.js';
import { BOARD_FIT, BOARD_GAP_PX } from '../projector/projectorFit.js';
import { ProjectedBoardCell } from '../projector/ProjectedBoardCell.js';

/**
 * The classroom screen: the boards the teacher chose, side by side or stacked (whichever shows them larger; a
 * third one across a whole row), read-only, full screen — and no controls,
 * the class sees only what the teacher chose (a board's Download is on its group card, the slides in Export).
 */
export function ProjectorPage({ classId }: { classId: string }) {
  const { state, refreshNames, socket, retry } = useProjectorView(classId);
  const config = useClientConfig();
  const resolveName = useNameResolver(state.phase === 'ready' ? state.view.names : null, refreshNames);
  useUserColors(state.phase === 'ready' ? state.view : null);
  const token = state.phase === 'ready' ? state.token : null;
  const design = useMemo(projectorDesign, []);
  // A presented discussion plan takes the screen over the live boards until the teacher stops it.
  const plan = useProjectorDiscussion(classId, token, socket);
  const draw = useGroupDraw(
    classId,
    useMemo(() => (token ? { token } : null), [token]),
    socket,
  );
  const connection = useMemo<BoardConnection | null>(
    () =>
      token
        ? { userId: 'projector', yjsParams: { token, mode: 'view' }, socketAuth: null, localCopy: false }
        : null,
    [token],
  );
  const projection = state.phase === 'ready' ? state.view.projection : null;
  const spotlight = projection?.spotlight ?? null;
  const boards = spotlight ? [spotlight.boardId] : (projection?.boardIds ?? []);
  const { arrangement, onContentBounds, gridRef } = useBoardArrangement(boards, BOARD_FIT, BOARD_GAP_PX);

  if (state.phase === 'failed')
    return (
      <main className="page">
        <h1>Projector</h1>
        <p role="alert">{state.message}</p>
        {state.temporary ? (
          <Button variant="primary" onClick={retry}>
            Try again
          </Button>
        ) : null}
      </main>
    );
  if (state.phase === 'loading' || config === undefined || !connection)
    return <div className="board-message">Loading…</div>;

  const { view } = state;
  if (plan && plan.presenting !== null)
    return (
      <main
        className="projector projector--plan"
        data-paused={view.paused ? 'true' : undefined}
        data-testid="projector"
      >
        <Suspense fallback={<div className="board-message">Loading…</div>}>
          <LazyPresentedStep classId={classId} plan={plan} auth={{ token: state.token }} />
        </Suspense>
        {view.paused && <ProjectorPauseBand />}
      </main>
    );
  return (
    <main
      ref={gridRef}
      className="projector"
      data-count={boards.length}
      data-columns={arrangement.columns}
      style={{
        gridTemplateColumns: `repeat(${arrangement.columns}, 1fr)`,
        gridTemplateRows: `repeat(${arrangement.rows}, 1fr)`,
      }}
      data-spotlight={spotlight ? 'true' : undefined}
      data-paused={view.paused ? 'true' : undefined}
      data-testid="projector"
    >
      {boards.length === 0 ? (
        <JoinCodeScreen title={view.title} taskPrompt={view.taskPrompt} joinCode={view.joinCode}>
          {draw && draw.groups.length > 0 && (
            <GroupsDrawnAtRandom drawnAt={draw.drawnAt} groups={draw.groups} />
          )}
        </JoinCodeScreen>
      ) : (
        boards.map((boardId, index) => (
          <ProjectedBoardCell
            key={`${boardId}:${String(view.projection.anonymize)}`}
            boardId={boardId}
            caption={view.groupNames[boardId] ?? ''}
            design={design}
            connection={connection}
            resolveName={resolveName}
            spotlightRegion={spotlight?.region ?? null}
            graphPaper={view.graphPaper}
            licenseKey={config?.tldrawLicenseKey ?? null}
            onContentBounds={onContentBounds(boardId)}
            wholeRow={spansRow(arrangement, index, boards.length)}
          />
        ))
      )}
      {view.paused && <ProjectorPauseBand />}
    </main>
  );
}

/**
 * What the classroom screen shows while nothing is projected: how to join, readable from the back row, and
 * under it (`children`) the groups when they were drawn at random. It shows the join address and code only —
 * the teacher's link is a secret and never reaches this page.
 */
function JoinCodeScreen({
  title,
  taskPrompt,
  joinCode,
  children,
}: {
  title: string;
  taskPrompt: string;
  joinCode: string;
  children?: ReactNode;
}) {
  const joinAddress = `${window.location.host}/join`;
  return (
    <div className="projector-idle" data-testid="join-screen" data-drawn={children ? 'true' : undefined}>
      <div className="projector-idle__join">
        <div className="projector-idle__intro">
          <h1>
            <Written>{title}</Written>
          </h1>
          {taskPrompt && (
            <p className="projector-idle__task">
              <Written>{taskPrompt}</Written>
            </p>
          )}
          <p className="projector-idle__how">
            Go to <strong data-testid="join-address">{joinAddress}</strong> and enter the code
          </p>
        </div>
        <p
          className="projector-join-code"
          data-testid="join-code"
          aria-label={`Class code ${joinCode.split('').join(' ')}`}
        >
          {joinCode}
        </p>
      </div>
      {children}
    </div>
  );
}
