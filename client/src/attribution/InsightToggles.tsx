import { EditorPortal, useEditor } from 'tldraw';
import { useBoardInsights } from '../critique/BoardInsights.js';
import { stopCanvasPointer } from '../critique/CritiquePinsLayer.js';

/** The board's view toggles: colour by author, show every representation type. Local to this viewer. */
export function InsightToggles() {
  const editor = useEditor();
  const insights = useBoardInsights();
  if (!insights) return null;
  return (
    <EditorPortal>
      <div
        className="insight-toggles"
        data-testid="insight-toggles"
        onPointerDown={stopCanvasPointer(editor)}
        onKeyDown={(event) => event.stopPropagation()}
      >
        <label>
          <input
            type="checkbox"
            checked={insights.colourByAuthor}
            onChange={(event) => insights.setColourByAuthor(event.target.checked)}
          />{' '}
          Colour by author
        </label>
        <label>
          <input
            type="checkbox"
            checked={insights.showRepresentations}
            onChange={(event) => insights.setShowRepresentations(event.target.checked)}
          />{' '}
          Show representation types
        </label>
      </div>
    </EditorPortal>
  );
}
