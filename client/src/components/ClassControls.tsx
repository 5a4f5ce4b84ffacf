import { can, type ClassState } from '@conjecture/shared';
import { Button } from '../ui/index.js';

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
 * The lesson's switches: pause, joining, reflections, end. A new projector link is made in the Projector
 * panel and the class is deleted from the page's foot (ClassDataFooter).
 */
export function ClassControls({ cls, onUpdate }: ClassControlsProps) {
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
        </>
      )}
    </div>
  );
}
