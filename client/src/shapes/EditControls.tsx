import type { ReactNode } from 'react';
import { Tooltip } from '../ui/Tooltip.js';

export interface EditControl {
  /** data-testid of the button. */
  testId: string;
  label: ReactNode;
  title: string;
  onPress: () => void;
  disabled?: boolean;
  pressed?: boolean;
}

/**
 * Buttons shown under a shape while it is being edited (add a row, switch bar/area…). They are real buttons:
 * reachable by keyboard and by touch, nothing behind a hover. Pointer-down stops at them so tldraw does not
 * read the press as a click on the canvas, which would end the edit.
 */
export function EditControls({ controls, label }: { controls: EditControl[]; label: string }) {
  return (
    <div
      className="math-shape-controls"
      role="toolbar"
      aria-label={label}
      onPointerDown={(e) => e.stopPropagation()}
    >
      {controls.map((c) => (
        <Tooltip key={c.testId} content={c.title}>
          <button
            type="button"
            data-testid={c.testId}
            aria-label={c.title}
            aria-pressed={c.pressed}
            disabled={c.disabled}
            onClick={c.onPress}
          >
            {c.label}
          </button>
        </Tooltip>
      ))}
    </div>
  );
}
