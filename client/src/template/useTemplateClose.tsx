import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Editor } from 'tldraw';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { canvasAtRest } from '../keyboard/canvasAtRest.js';

/**
 * How the template editor closes, by its Close button or by Escape, as the app's dialogs do — without
 * losing work. Escape is tldraw's first (leave an edit, back to the select tool, let go of a selection,
 * close a menu) and closes only on a canvas at rest. The template lives on the canvas until it is placed:
 * with changes not yet placed, closing asks first rather than dropping them.
 *
 * Put `onKeyDownCapture` on the editor's element (capture: before tldraw's own Escape changes the state it
 * reads) and render `confirmation`.
 */
export function useTemplateClose(
  editor: Editor | null,
  hasUnplacedWork: () => boolean,
  onClose: () => void,
): { requestClose: () => void; onKeyDownCapture: (event: KeyboardEvent) => void; confirmation: ReactNode } {
  const [asking, setAsking] = useState(false);
  // Backing out of the question puts the focus back where it was (the canvas, Close): the dialog has no
  // trigger to return it to, and the browser would drop it on the page's body.
  const focusedBefore = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (asking || !focusedBefore.current) return;
    focusedBefore.current.focus();
    focusedBefore.current = null;
  }, [asking]);
  const requestClose = () => {
    if (!hasUnplacedWork()) return onClose();
    focusedBefore.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAsking(true);
  };
  const onKeyDownCapture = (event: KeyboardEvent) => {
    // A menu or dialog inside that took the Escape (Radix prevents the default) keeps it.
    if (event.key !== 'Escape' || event.nativeEvent.defaultPrevented) return;
    if (editor && !canvasAtRest(editor)) return;
    // tldraw would refocus its canvas on this Escape, taking the focus back from the opener it returns to.
    event.stopPropagation();
    requestClose();
  };
  const confirmation = asking && (
    <ConfirmDialog
      title="Close without placing the template?"
      confirmLabel="Close without placing"
      onConfirm={onClose}
      onCancel={() => setAsking(false)}
    >
      <p>
        Your changes are not on the group boards yet, and closing the template editor loses them. Place them
        on all group boards first to keep them.
      </p>
    </ConfirmDialog>
  );
  return { requestClose, onKeyDownCapture, confirmation };
}
