import type { Editor, TLShapeId } from 'tldraw';
import { expect, type Mock } from 'vitest';

/**
 * A panel holding a canvas closes on Escape only once tldraw's own Escape has nothing left to do: presses
 * while `shape` is selected, a tool other than select is chosen, or `shape` is being edited leave the panel
 * open; the press after, on a canvas at rest, closes it. The stub canvas does not run tldraw's Escape, so
 * each step does by hand what it would have.
 */
export async function expectEscapeClosesOnlyAfterTldraws(
  editor: Editor,
  shape: TLShapeId,
  pressEscape: () => Promise<unknown>,
  onClose: Mock,
): Promise<void> {
  editor.select(shape);
  await pressEscape();
  editor.selectNone();
  editor.setCurrentTool('geo');
  await pressEscape();
  editor.setCurrentTool('select');
  editor.setEditingShape(shape);
  await pressEscape();
  expect(onClose).not.toHaveBeenCalled();

  editor.setEditingShape(null);
  editor.selectNone();
  await pressEscape();
  expect(onClose).toHaveBeenCalledOnce();
}
