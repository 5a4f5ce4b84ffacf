import { useId, useState } from 'react';
import { api } from '../api/http.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { Button } from '../ui/Button.js';
import { ReplayIcon } from '../ui/icons.js';
import { clockTime } from './DiscourseTimeline.js';

interface RestoreMomentProps {
  classId: string;
  groupId: string;
  groupName: string;
  /** The replay's position shown, and its last (the board as it is now). */
  position: number;
  end: number;
  /** When the shown position's last update was stored. */
  at: number | null;
  /** After a restore: the replay is loaded again, ending on the restored board. */
  onRestored: () => void;
}

const items = (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`;

/**
 * "Restore this moment": the group's board put back as the replay shows it — for a board a student wiped or
 * scrambled (select all, delete), which a classmate's undo never brings back. Asks first; the server writes
 * it as one change, so the replay keeps every moment and a later one can be restored in turn.
 */
export function RestoreMoment({
  classId,
  groupId,
  groupName,
  position,
  end,
  at,
  onRestored,
}: RestoreMomentProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);
  const when = at === null ? 'the start of the lesson' : clockTime(at);
  const atEnd = !busy && position >= end;
  const hintId = useId();

  const restore = () => {
    setConfirming(false);
    setBusy(true);
    setOutcome(null);
    api
      .restoreGroupBoard({ params: { classId, groupId }, body: { position } })
      .then(
        ({ restored, removed }) => {
          setOutcome({
            text: `Restored to ${when}: ${items(restored)} back, ${items(removed)} taken off.`,
            failed: false,
          });
          onRestored();
        },
        (error: unknown) =>
          setOutcome({
            text: `Not restored: ${error instanceof Error ? error.message : String(error)}`,
            failed: true,
          }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <>
      {/* Busy, `aria-disabled` rather than `disabled`: the focus the dialog gave back stays on the button
          instead of falling to the replay's next control, and a second click while it sends does nothing. */}
      <Button
        onClick={() => !busy && setConfirming(true)}
        disabled={atEnd}
        aria-disabled={busy || undefined}
        aria-haspopup="dialog"
        aria-describedby={atEnd ? hintId : undefined}
      >
        <ReplayIcon aria-hidden /> {busy ? 'Restoring…' : 'Restore this moment'}
      </Button>
      {/* a greyed-out button says what it waits for, as posing a question does */}
      {atEnd && (
        <p id={hintId} className="ui-hint" data-testid="restore-hint">
          This is the board as it is now: go back to an earlier moment to restore it.
        </p>
      )}
      {outcome && (
        <p
          className="replay__restored"
          role={outcome.failed ? 'alert' : 'status'}
          data-testid="restore-outcome"
        >
          {outcome.text}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Put ${groupName}'s board back as it was at ${when}?`}
          confirmLabel="Restore the board"
          onCancel={() => setConfirming(false)}
          onConfirm={restore}
        >
          <p>
            What was deleted or changed since then comes back, and what was added since is taken off the
            board. Students see it at once.
          </p>
          <p>
            Nothing is lost: every moment stays in this replay, so you can restore a later one. The task, your
            questions and critique threads stay as they are.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
