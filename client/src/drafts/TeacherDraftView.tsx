import { Suspense, useEffect, useState } from 'react';
import { LazyBoardView } from '../components/lazyBoards.js';
import { teacherViewConnection } from '../classroom/teacherConnections.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { findStudentDraft } from './draftApi.js';
import { Button } from '../ui/Button.js';

type Lookup =
  | { phase: 'loading' }
  | { phase: 'none' }
  | { phase: 'found'; boardId: string }
  | { phase: 'failed'; message: string };

/**
 * The teacher's read-only look at one student's private draft, full screen over the dashboard, live as the
 * student works (a view connection: the server refuses anything sent on it).
 */
export function TeacherDraftView({
  classId,
  studentId,
  displayName,
  resolveName,
  licenseKey,
  onClose,
}: {
  classId: string;
  studentId: string;
  displayName: string;
  resolveName: ResolveDisplayName;
  licenseKey: string | null;
  onClose: () => void;
}) {
  const [lookup, setLookup] = useState<Lookup>({ phase: 'loading' });
  useEffect(() => {
    let cancelled = false;
    findStudentDraft(classId, studentId)
      .then(
        ({ boardId }) => !cancelled && setLookup(boardId ? { phase: 'found', boardId } : { phase: 'none' }),
      )
      .catch(
        (error: unknown) =>
          !cancelled &&
          setLookup({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      cancelled = true;
    };
  }, [classId, studentId]);

  return (
    <div className="board-focus" data-testid="draft-view">
      {lookup.phase === 'found' && (
        <Suspense fallback={<div className="board-message">Loading…</div>}>
          <LazyBoardView
            boardId={lookup.boardId}
            connection={teacherViewConnection}
            resolveName={resolveName}
            licenseKey={licenseKey}
            label={`${displayName}'s draft`}
          />
        </Suspense>
      )}
      {lookup.phase === 'none' && <p className="board-message">{displayName} has not opened a draft yet.</p>}
      {lookup.phase === 'failed' && (
        <p className="board-message" role="alert">
          Cannot open the draft: {lookup.message}
        </p>
      )}
      <aside className="focus-panel stack">
        <h2>{displayName}'s draft</h2>
        <p className="muted">Private think time: only you and {displayName} see it. Read-only.</p>
        <Button onClick={onClose}>Back to the dashboard</Button>
      </aside>
    </div>
  );
}
