import { useContext, useEffect } from 'react';
import { EditorPortal, useEditor, useValue } from 'tldraw';
import { useBoardInsights } from './BoardInsights.js';
import { CritiqueSendContext } from './critiqueCommands.js';
import { stopCanvasPointer } from './CritiquePinsLayer.js';

/**
 * "Critique" beside the one selected shape (any kind), in viewport coordinates so it keeps its size at any
 * zoom: opens that shape's thread with the composer. A real button, so it is reachable with Tab, and Shift+C does the
 * same from the keyboard. Only where the viewer may post.
 */
export function CritiqueSelectionButton() {
  const editor = useEditor();
  const insights = useBoardInsights();
  const send = useContext(CritiqueSendContext);
  const target = useValue(
    'critique target',
    () => {
      const selected = editor.getOnlySelectedShape();
      if (!selected || !editor.isIn('select.idle')) return null;
      const bounds = editor.getShapePageBounds(selected);
      if (!bounds) return null;
      const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY });
      return { shapeId: selected.id as string, x: corner.x, y: corner.y };
    },
    [editor],
  );
  const openThread = insights?.openThread;
  const targetId = target?.shapeId ?? null;
  useEffect(() => {
    if (!send || !openThread || !targetId) return;
    // Shift+C opens the selected shape's thread (free among tldraw's and our math tools' shortcuts).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'C' || !event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return;
      // This board's editor has the keyboard (not another board on the page), and no text field does.
      if (!editor.getIsFocused()) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      openThread(targetId);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editor, send, openThread, targetId]);
  if (!insights || !send || !target || insights.openShapeId === target.shapeId) return null;
  return (
    <EditorPortal>
      <button
        type="button"
        className="critique-start"
        data-testid="critique-start"
        style={{ left: target.x + 8, top: target.y + 8 }}
        onPointerDown={stopCanvasPointer(editor)}
        onClick={() => insights.openThread(target.shapeId)}
      >
        Critique <kbd>⇧C</kbd>
      </button>
    </EditorPortal>
  );
}
