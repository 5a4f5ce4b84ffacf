import { useEffect } from 'react';
import { react, useEditor } from 'tldraw';

/**
 * When an edit ends (Enter or Escape in a table cell, the equation field, a shape's form), the field that had
 * the focus is removed and the browser drops the focus on the page's body, where tldraw hears no keys: a
 * keyboard user could not move, critique or leave the shape they just made. Give the focus back to the
 * canvas, which keeps the shape selected, unless the user already put it somewhere else (a click on a
 * panel, Tab to a button).
 */
export function useKeyboardStaysOnCanvas(): void {
  const editor = useEditor();
  useEffect(() => {
    let editing = editor.getEditingShapeId();
    return react('keyboard stays on the canvas', () => {
      const now = editor.getEditingShapeId();
      const ended = editing !== null && now === null;
      editing = now;
      if (!ended) return;
      // after React has removed the field (the focus falls to the body only then)
      editor.timers.requestAnimationFrame(() => {
        const doc = editor.getContainer().ownerDocument;
        const active = doc.activeElement;
        if (active === null || active === doc.body) editor.getContainer().focus();
      });
    });
  }, [editor]);
}
