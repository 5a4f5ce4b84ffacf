import '../shapes/taskCard.css';
import { useState } from 'react';

/**
 * The class's task in the student's class bar: one line (the card on the board holds it all); a click opens
 * the whole prompt under the bar, so a long task never pushes the bar's buttons off a small screen.
 */
export function ClassBarTask({ taskPrompt }: { taskPrompt: string }) {
  const [open, setOpen] = useState(false);
  return (
    <span className="class-bar-task">
      <button
        type="button"
        className="class-bar-task-toggle"
        aria-expanded={open}
        data-testid="class-bar-task"
        title={taskPrompt}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="class-bar-task-label">Task:</span>{' '}
        <span className="class-bar-task-text">{taskPrompt}</span>
      </button>
      {open && (
        <span className="class-bar-task-full" role="note">
          {taskPrompt}
        </span>
      )}
    </span>
  );
}
