import { useState } from 'react';
import type { FollowTarget, SnapshotSummary } from '@conjecture/shared';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { Button } from '../ui/Button.js';
import { SelectField } from '../ui/Select.js';
import { setFollow } from './discussionApi.js';
import { useFollow } from './useFollow.js';

const TEACHER = { teacher: true } as const;
const PROJECTOR = 'projector';

/**
 * "Bring everyone to me": every student's screen shows what the projector shows (the presented step, or the
 * live boards and spotlight, moving with it) or a snapshot, over their own board, until the teacher lets them
 * go back. Their boards are never touched.
 */
export function FollowControl({
  classId,
  socket,
  snapshots,
}: {
  classId: string;
  socket: ClassSocket | null;
  snapshots: readonly SnapshotSummary[];
}) {
  const view = useFollow(classId, TEACHER, socket);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = choice || PROJECTOR;
  const send = (target: FollowTarget | null) =>
    setFollow(classId, target).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );

  return (
    <div className="follow-control row" role="group" aria-label="Bring everyone to me">
      {view?.target ? (
        <>
          <span className="follow-control__status" role="status" data-testid="follow-status">
            Students are following your view: {view.shown?.caption ?? 'nothing is on the projector now'}
          </span>
          <Button onClick={() => void send(null)}>Send students back to their boards</Button>
        </>
      ) : (
        <>
          {/* A visible label: "What the projector shows" alone beside the button did not say where it shows. */}
          <SelectField
            label="Show on every student’s screen"
            value={chosen}
            onChange={(e) => setChoice(e.target.value)}
          >
            <option value={PROJECTOR}>What the projector shows</option>
            {snapshots.map((s) => (
              <option key={s.snapshotId} value={s.snapshotId}>
                Snapshot: {s.title}
              </option>
            ))}
          </SelectField>
          <Button
            variant="primary"
            disabled={!chosen}
            onClick={() =>
              void send(
                chosen === PROJECTOR ? { kind: 'projector' } : { kind: 'snapshot', snapshotId: chosen },
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
