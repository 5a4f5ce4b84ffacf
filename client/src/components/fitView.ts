import type { Editor } from 'tldraw';
import { fitCamera, type Box, type FitOptions } from '@conjecture/shared';

/**
 * Frames `region` (or, without one, all the board's work) in the editor's viewport. A board with nothing
 * on it keeps its camera. The viewport is measured first, so a call right after a resize fits the new size.
 */
export function fitEditorTo(editor: Editor, region: Box | null, options: FitOptions): void {
  editor.updateViewportScreenBounds(editor.getContainer());
  const bounds = region ?? editor.getCurrentPageBounds();
  if (!bounds) return;
  const screen = editor.getViewportScreenBounds();
  const camera = fitCamera(
    { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
    { w: screen.w, h: screen.h },
    options,
  );
  editor.setCamera(camera, { immediate: true, force: true });
}
