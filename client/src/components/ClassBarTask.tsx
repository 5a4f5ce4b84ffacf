import '../shapes/taskCard.css';
import { useEffect, useRef, useState } from 'react';
import { Tooltip } from '../ui/Tooltip.js';
import { Written } from '../ui/Written.js';

/**
 * The class's task in the student's class bar: one line (the card on the board holds it all); a click opens
 * the whole prompt under the bar, so a long task never pushes the bar's buttons off a small screen. Escape or
 * a click elsewhere closes it again: left open, it sat over the board for the rest of the lesson.
 */
export function ClassBarTask({ taskPrompt }: { taskPrompt: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return (
    <span className="class-bar-task" ref={root}>
      {/* the whole task on hover and focus, until a click opens it under the bar */}
      <Tooltip content={taskPrompt} side="bottom" enabled={!open}>
        <button
          type="button"
          className="class-bar-task-toggle"
          aria-expanded={open}
          data-testid="class-bar-task"
          data-focus-ring
          onClick={() => setOpen((o) => !o)}
        >
          <span className="class-bar-task-label">Task:</span>{' '}
          <Written className="class-bar-task-text">{taskPrompt}</Written>
        </button>
      </Tooltip>
      {open && (
        <span className="class-bar-task-full" role="note">
          <Written>{taskPrompt}</Written>
        </span>
      )}
    </span>
  );
}
