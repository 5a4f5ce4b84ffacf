import { EditorPortal, useEditor } from 'tldraw';
import { useBoardInsights } from '../critique/BoardInsights.js';
import { stopCanvasPointer } from '../critique/CritiquePinsLayer.js';
import { Switch } from '../ui/Switch.js';

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
        <Switch
          label="Colour by author"
          checked={insights.colourByAuthor}
          onCheckedChange={insights.setColourByAuthor}
        />
        <Switch
          label="Show representation types"
          checked={insights.showRepresentations}
          onCheckedChange={insights.setShowRepresentations}
        />
      </div>
    </EditorPortal>
  );
}
