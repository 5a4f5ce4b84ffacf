import { useEffect } from 'react';
import { useEditor } from 'tldraw';
import { announce } from '../ui/liveRegion.js';
import { KeyboardDrawing } from './keyboardDrawing.js';

/** Where typed keys are text (a label, a table cell, the equation field), not the canvas's commands. */
const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], math-field';

/**
 * Mounts `KeyboardDrawing` on the editor's container. Its listeners run in the capture phase, ahead of
 * tldraw's own (on the same container, bubbling), so a key it takes never reaches tldraw as well: Enter
 * would otherwise also start editing the new shape, an arrow key also nudge the selection. Only keys aimed at
 * the canvas count, not those typed into a field or pressed on the toolbar and menus.
 */
export function useKeyboardDrawing(): void {
  const editor = useEditor();
  useEffect(() => {
    const container = editor.getContainer();
    const drawing = new KeyboardDrawing(editor, announce);
    const onCanvas = (event: KeyboardEvent) => {
      const target = event.target as Element | null;
      if (!target || target.closest(TYPING)) return false;
      return target === container || target.closest('.tl-canvas') !== null;
    };
    const keyDown = (event: KeyboardEvent) => {
      if (!onCanvas(event) || !drawing.keyDown(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const keyUp = (event: KeyboardEvent) => {
      if (!drawing.keyUp(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    container.addEventListener('keydown', keyDown, { capture: true });
    container.addEventListener('keyup', keyUp, { capture: true });
    return () => {
      container.removeEventListener('keydown', keyDown, { capture: true });
      container.removeEventListener('keyup', keyUp, { capture: true });
    };
  }, [editor]);
}
