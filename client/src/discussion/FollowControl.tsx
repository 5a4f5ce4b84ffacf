import { useState } from 'react';
import type { FollowTarget, SnapshotSummary } from '@conjecture/shared';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { Button, Select } from '../ui/index.js';
import { setFollow } from './discussionApi.js';
import { useFollow } from './useFollow.js';

const TEACHER = { teacher: true } as const;
const PRESENTATION = 'presentation';

/**
 * "Bring everyone to me": every student's screen shows the presented step (and moves with it) or a snapshot,
 * over their own board, until the teacher lets them go back. Their boards are never touched.
 */
export function FollowControl({
  classId,
  socket,
  presenting,
  snapshots,
}: {
  classId: string;
  socket: ClassSocket | null;
  presenting: boolean;
  snapshots: readonly SnapshotSummary[];
}) {
  const view = useFollow(classId, TEACHER, socket);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = choice || (presenting ? PRESENTATION : (snapshots[0]?.snapshotId ?? ''));
  const send = (target: FollowTarget | null) =>
    setFollow(classId, target).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  if (!presenting && snapshots.length === 0) return null;

  return (
    <div className="follow-control row" role="group" aria-label="Bring everyone to me">
      {view?.shown ? (
        <>
          <span className="follow-control__status" role="status" data-testid="follow-status">
            Students are following your view: {view.shown.caption}
          </span>
          <Button onClick={() => void send(null)}>Send students back to their boards</Button>
        </>
      ) : (
        <>
          <Select
            aria-label="What students follow"
            value={chosen}
            onChange={(e) => setChoice(e.target.value)}
          >
            {presenting && <option value={PRESENTATION}>The presented step</option>}
            {snapshots.map((s) => (
              <option key={s.snapshotId} value={s.snapshotId}>
                Snapshot: {s.title}
              </option>
            ))}
          </Select>
          <Button
            variant="primary"
            disabled={!chosen}
            onClick={() =>
              void send(
                chosen === PRESENTATION ? { kind: 'presentation' } : { kind: 'snapshot', snapshotId: chosen },
              )
            }
          >
            Bring everyone to me
          </Button>
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
