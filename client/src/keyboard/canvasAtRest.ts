import type { Editor } from 'tldraw';

/**
 * Whether tldraw's Escape has nothing left to do: no shape or text being edited, the select tool idle (not
 * another tool, not mid-gesture or mid-stroke), nothing selected and none of its menus or dialogs open. A
 * panel holding a canvas may take Escape for itself only then, so one press never both ends an edit and
 * closes the panel.
 */
export const canvasAtRest = (editor: Editor): boolean =>
  editor.getEditingShapeId() === null &&
  editor.getPath() === 'select.idle' &&
  editor.getSelectedShapeIds().length === 0 &&
  editor.menus.getOpenMenus().length === 0;
