import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { FollowView } from '@conjecture/shared';
import { StepScreen } from './StepScreen.js';

/**
 * A student's screen while the teacher has brought everyone to them: a banner saying so and what is shown,
 * over the student's own board (which stays open underneath, still syncing, and is shown again as soon as the
 * teacher releases the class).
 */
export function FollowingTeacher({
  shown,
  licenseKey,
}: {
  shown: NonNullable<FollowView['shown']>;
  licenseKey: string | null;
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
  // Modal while it lasts: focus moves here, so keys no longer reach the board underneath.
  const screen = useRef<HTMLElement>(null);
  useEffect(() => screen.current?.focus(), []);
  return (
    <section
      ref={screen}
      className="following-teacher"
      role="dialog"
      aria-modal="true"
      aria-label="Following your teacher"
      tabIndex={-1}
      data-testid="following-teacher"
    >
      <p className="following-teacher__banner" role="status">
        <strong>Following your teacher</strong>
        <span data-testid="following-what">{shown.caption}</span>
        <span className="following-teacher__note">
          Your board is kept as it is: you go back to it when your teacher is done.
        </span>
      </p>
      <div className="following-teacher__screen">
        <StepScreen
          caption={shown.caption}
          question={shown.question}
          snapshotIds={shown.snapshots.map((s) => s.snapshotId)}
          links={shown.links}
          loadSnapshot={loadSnapshot}
          licenseKey={licenseKey}
          testId="followed-step"
        />
      </div>
    </section>
  );
}
