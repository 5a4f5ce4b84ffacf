import { useState } from 'react';
import { can, type ClassState } from '@conjecture/shared';
import { ConfirmDialog } from './ConfirmDialog.js';
import { Button } from '../ui/index.js';

interface ClassControlsProps {
  cls: ClassState;
  onUpdate: (patch: {
    joiningOpen?: boolean;
    paused?: boolean;
    ended?: boolean;
    reflectionOpen?: boolean;
  }) => void;
  onDelete: () => void;
  onProjectorLink: () => void;
}

/** The class's switches: joining, pause, reflections, end, a fresh projector link, and deleting everything. */
export function ClassControls({ cls, onUpdate, onDelete, onProjectorLink }: ClassControlsProps) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const role = 'teacher' as const;
  return (
    <div className="class-controls row">
      {can(role, 'class.pause') && (
        <Button aria-pressed={cls.paused} onClick={() => onUpdate({ paused: !cls.paused })}>
          {cls.paused ? 'Resume the class' : 'Pause the class'}
        </Button>
      )}
      {can(role, 'class.manage') && (
        <>
          <Button disabled={cls.ended} onClick={() => onUpdate({ joiningOpen: !cls.joiningOpen })}>
            {cls.joiningOpen ? 'Close joining' : 'Open joining'}
          </Button>
          <Button
            aria-pressed={cls.reflectionOpen}
            onClick={() => onUpdate({ reflectionOpen: !cls.reflectionOpen })}
          >
            {cls.reflectionOpen ? 'Close reflections' : 'Ask for reflections'}
          </Button>
          <Button disabled={cls.ended} onClick={() => onUpdate({ ended: true })}>
            {cls.ended ? 'Class ended' : 'End the class'}
          </Button>
          <Button onClick={onProjectorLink}>New projector link</Button>
          <Button variant="danger" onClick={() => setConfirmDelete(true)}>
            Delete the class
          </Button>
        </>
      )}
      {confirmDelete && (
        <ConfirmDialog
          title="Delete this class and all its data?"
          confirmLabel="Delete for good"
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            setConfirmDelete(false);
            onDelete();
          }}
        >
          <p>
            Every board, answer and name is deleted from the server, and students' browsers clear their
            copies. This cannot be undone: use Export › “All class data (JSON)” first to keep a copy.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
