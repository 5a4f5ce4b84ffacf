import { useState } from 'react';
import { can, type ClassState } from '@conjecture/shared';
import { Button } from '../ui/Button.js';
import { ConfirmDialog } from './ConfirmDialog.js';

interface ClassControlsProps {
  cls: ClassState;
  onUpdate: (patch: {
    joiningOpen?: boolean;
    paused?: boolean;
    ended?: boolean;
    reflectionOpen?: boolean;
  }) => void;
}

/**
 * The lesson's switches: pause, joining, reflections, end (asked first: it locks every board and joining)
 * and, once ended, reflections and reopen only. A new projector link is made in the Projector panel and the class is deleted from the page's
 * foot (ClassDataFooter).
 */
export function ClassControls({ cls, onUpdate }: ClassControlsProps) {
  const [confirmEnd, setConfirmEnd] = useState(false);
  const role = 'teacher' as const;
  // Once ended, the page's notice says so and "Reopen the class" is the one way on: a "Resume the class"
  // (the server reports an ended class as paused) or a greyed "Close joining" beside it left the teacher to
  // guess which one brings the class back.
  const running = !cls.ended;
  return (
    <div className="class-controls row">
      {running && can(role, 'class.pause') && (
        <Button aria-pressed={cls.paused} onClick={() => onUpdate({ paused: !cls.paused })}>
          {cls.paused ? 'Resume the class' : 'Pause the class'}
        </Button>
      )}
      {can(role, 'class.manage') && (
        <>
          {running && (
            <Button onClick={() => onUpdate({ joiningOpen: !cls.joiningOpen })}>
              {cls.joiningOpen ? 'Close joining' : 'Open joining'}
            </Button>
          )}
          <Button
            aria-pressed={cls.reflectionOpen}
            onClick={() => onUpdate({ reflectionOpen: !cls.reflectionOpen })}
          >
            {cls.reflectionOpen ? 'Close reflections' : 'Ask for reflections'}
          </Button>
          {cls.ended ? (
            <Button onClick={() => onUpdate({ ended: false })}>Reopen the class</Button>
          ) : (
            <Button onClick={() => setConfirmEnd(true)}>End the class</Button>
          )}
        </>
      )}
      {confirmEnd && (
        <ConfirmDialog
          title="End the class for everyone?"
          confirmLabel="End the class"
          onCancel={() => setConfirmEnd(false)}
          onConfirm={() => {
            setConfirmEnd(false);
            onUpdate({ ended: true });
          }}
        >
          <p>
            Every group board becomes read-only and no one else can join. Their work, the reflections and the
            evidence stay; you can reopen the class later.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
