import { Suspense, useCallback, useMemo, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { FitOptions, FollowView } from '@conjecture/shared';
import { LazyBoardView } from '../components/lazyBoards.js';
import { defaultArrangement, spansRow, WHOLE_ROW } from '../projector/boardArrangement.js';
import type { BoardConnection } from '../sync/boardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { StepScreen } from './StepScreen.js';
import { Written } from '../ui/Written.js';
import { useOverlayFocus } from '../ui/useOverlayFocus.js';

/** A followed live board fills its cell, as on the projector, clear of its caption. */
const LIVE_FIT: FitOptions = { paddingPx: 24, maxZoom: 8, insets: { top: 32 } };

/** How a following student opens the live boards shown: read-only, never kept offline. */
export interface LiveBoards {
  connection: BoardConnection;
  resolveName: ResolveDisplayName;
}

/**
 * A student's screen while the teacher has brought everyone to them: a banner saying so and what is shown,
 * over the student's own board (which stays open underneath, still syncing, and is shown again as soon as the
 * teacher releases the class).
 */
export function FollowingTeacher({
  shown,
  licenseKey,
  live,
  actions = null,
}: {
  shown: NonNullable<FollowView['shown']>;
  licenseKey: string | null;
  live: LiveBoards;
  /**
   * The student's own controls that stay hers while she follows ("Raise my hand"): the screen covers the
   * class bar and makes it inert, and she may need help most while the teacher shows something.
   */
  actions?: ReactNode;
}) {
  const byId = useMemo(() => new Map(shown.snapshots.map((s) => [s.snapshotId, s])), [shown]);
  const loadSnapshot = useCallback(
    (id: string) => {
      const found = byId.get(id);
      return found
        ? Promise.resolve(found)
        : Promise.reject(new Error('This snapshot is not shown any more.'));
    },
    [byId],
  );
  // Modal while it lasts: focus moves here and the page under it is inert (it covers the class bar too, so
  // Tab reached the student's board and controls unseen). When the teacher lets go, the focus goes back to
  // where the student was (her board): left on the page's body, Tab started again from the top and the
  // board's shortcuts did nothing until she clicked it. Rendered into <body>, beside the page it makes inert.
  const screen = useRef<HTMLElement>(null);
  useOverlayFocus(screen, screen);
  // The projector's grid before its boards have drawn: three boards in two rows give the third a whole row,
  // where a 2×2 grid left a quarter of the student's screen empty.
  const count = shown.boards.length;
  const grid = defaultArrangement(count);
  return createPortal(
    <section
      ref={screen}
      className="following-teacher"
      role="dialog"
      aria-modal="true"
      aria-label="Following your teacher"
      tabIndex={-1}
      data-testid="following-teacher"
    >
      <div className="following-teacher__bar">
        <p className="following-teacher__banner" role="status">
          <strong>Following your teacher</strong>
          <span data-testid="following-what">
            <Written>{shown.caption}</Written>
          </span>
          <span className="following-teacher__note">
            Your board is kept as it is: you go back to it when your teacher is done.
          </span>
        </p>
        {/* Beside the live region, not in it: a status is read out again as its contents change. */}
        {actions && <span className="following-teacher__actions">{actions}</span>}
      </div>
      <div className="following-teacher__screen">
        {shown.boards.length > 0 ? (
          <div
            className="following-teacher__boards"
            data-count={count}
            style={{
              gridTemplateColumns: `repeat(${grid.columns}, 1fr)`,
              gridTemplateRows: `repeat(${grid.rows}, 1fr)`,
            }}
          >
            {shown.boards.map((b, index) => (
              <div
                className="projector-cell"
                key={b.boardId}
                style={spansRow(grid, index, count) ? WHOLE_ROW : undefined}
              >
                <div className="projector-caption">
                  <Written>{b.caption}</Written>
                </div>
                <Suspense fallback={<div className="board-message">Loading…</div>}>
                  <LazyBoardView
                    boardId={b.boardId}
                    connection={live.connection}
                    resolveName={live.resolveName}
                    licenseKey={licenseKey}
                    label={`${b.caption}, shown by your teacher`}
                    region={b.region}
                    fit={LIVE_FIT}
                  />
                </Suspense>
              </div>
            ))}
          </div>
        ) : (
          <StepScreen
            caption={shown.caption}
            question={shown.question}
            snapshotIds={shown.snapshots.map((s) => s.snapshotId)}
            links={shown.links}
            loadSnapshot={loadSnapshot}
            testId="followed-step"
          />
        )}
      </div>
    </section>,
    document.body,
  );
}
