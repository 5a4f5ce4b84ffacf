import { useContext } from 'react';
import { EditorPortal, useEditor, useValue } from 'tldraw';
import { useBoardInsights } from './BoardInsights.js';
import { CritiqueSendContext } from './critiqueCommands.js';
import { stopCanvasPointer } from './CritiquePinsLayer.js';

/**
 * "Critique" beside the one selected shape (any kind), in viewport coordinates so it keeps its size at any
 * zoom: opens that shape's thread with the composer. A real button, so it is reachable with Tab. Only where
 * the viewer may post.
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
        Critique
      </button>
    </EditorPortal>
  );
}
