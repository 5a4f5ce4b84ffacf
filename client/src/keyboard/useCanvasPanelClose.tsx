import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Editor } from 'tldraw';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { canvasAtRest } from './canvasAtRest.js';

/** What closing a panel would lose, asked about before it closes. */
export interface AskBeforeClosing {
  /** Whether closing now loses work (read at the moment of closing). */
  losesWork: () => boolean;
  title: string;
  confirmLabel: string;
  /** Why: what is lost, and how to keep it. */
  message: ReactNode;
}

/**
 * How a panel holding a canvas (the teacher's template editor, the student's draft) closes, by its Close
 * button or by Escape, as the app's dialogs do. Escape is tldraw's first (leave an edit, back to the select
 * tool, let go of a selection, close a menu) and closes only on a canvas at rest. With `askFirst`, closing
 * work that would be lost asks first; backing out, the dialog gives the focus back where it was.
 *
 * Put `onKeyDownCapture` on the panel's element (capture: before tldraw's own Escape changes the state it
 * reads) and render `confirmation` beside the panel, not in it (its keys would reach the panel's Escape
 * through the portal).
 */
export function useCanvasPanelClose(
  editor: Editor | null,
  onClose: () => void,
  askFirst?: AskBeforeClosing,
): { requestClose: () => void; onKeyDownCapture: (event: KeyboardEvent) => void; confirmation: ReactNode } {
  const [asking, setAsking] = useState(false);
  const requestClose = () => (askFirst?.losesWork() ? setAsking(true) : onClose());
  const onKeyDownCapture = (event: KeyboardEvent) => {
    // A menu or dialog inside that took the Escape (Radix prevents the default) keeps it.
    if (event.key !== 'Escape' || event.nativeEvent.defaultPrevented) return;
    if (editor && !canvasAtRest(editor)) return;
    // tldraw would refocus its canvas on this Escape, taking the focus back from the opener it returns to.
    event.stopPropagation();
    requestClose();
  };
  const confirmation = asking && askFirst && (
    <ConfirmDialog
      title={askFirst.title}
      confirmLabel={askFirst.confirmLabel}
      onConfirm={onClose}
      onCancel={() => setAsking(false)}
    >
      {askFirst.message}
    </ConfirmDialog>
  );
  return { requestClose, onKeyDownCapture, confirmation };
}
