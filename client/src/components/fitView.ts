import type { Editor } from 'tldraw';
import { fitCamera, type Box, type FitOptions } from '@conjecture/shared';
import { workFocus } from '@conjecture/shared/board/index';

/**
 * The page box around the board's work: its top-level shapes, less a few flung far off (`workFocus`, as the
 * dashboard's thumbnails frame it), or null on an empty board.
 */
export function workBounds(editor: Editor): Box | null {
  const boxes = editor.getSortedChildIdsForParent(editor.getCurrentPageId()).flatMap((id) => {
    const b = editor.getShapePageBounds(id);
    return b ? [{ minX: b.minX, minY: b.minY, maxX: b.maxX, maxY: b.maxY }] : [];
  });
  const { bounds } = workFocus(boxes);
  return (
    bounds && { x: bounds.minX, y: bounds.minY, w: bounds.maxX - bounds.minX, h: bounds.maxY - bounds.minY }
  );
}

/**
 * Frames `region` (or, without one, the board's work: `workBounds`) in the editor's viewport. A board with
 * nothing on it keeps its camera. The viewport is measured first, so a call right after a resize fits the new
 * size.
 */
export function fitEditorTo(editor: Editor, region: Box | null, options: FitOptions): void {
  editor.updateViewportScreenBounds(editor.getContainer());
  const bounds = region ?? workBounds(editor);
  if (!bounds) return;
  const screen = editor.getViewportScreenBounds();
  const camera = fitCamera(
    { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
    { w: screen.w, h: screen.h },
    options,
  );
  editor.setCamera(camera, { immediate: true, force: true });
}
