import { useEditor, useValue } from 'tldraw';
import { useBoardInsights } from '../critique/BoardInsights.js';
import { attributionLabel, creatorColor, labelledShapeId } from './attributionModel.js';

/**
 * `OnTheCanvas` layer for "Colour by author": an outline in the creator's cursor colour around each shape
 * the server's authorship log knows, and for the hovered shape (or the only selected one, for touch) who
 * made and edited it (not while it is edited: its form hangs there). Names come from the viewer's resolver; the log holds ids only.
 */
export function AttributionLayer() {
  const editor = useEditor();
  const insights = useBoardInsights();
  const authorship = insights?.colourByAuthor ? insights.authorship : null;
  const outlines = useValue(
    'author outlines',
    () => {
      if (!authorship) return [];
      return editor.getCurrentPageShapes().flatMap((shape) => {
        const color = creatorColor(authorship, shape.id);
        const bounds = color ? editor.getShapePageBounds(shape) : undefined;
        return color && bounds
          ? [{ shapeId: shape.id as string, color, x: bounds.minX, y: bounds.minY, w: bounds.w, h: bounds.h }]
          : [];
      });
    },
    [editor, authorship],
  );
  const focused = useValue(
    'attributed shape',
    () =>
      labelledShapeId({
        hovered: editor.getHoveredShapeId(),
        selected: editor.getSelectedShapeIds(),
        editing: editor.getEditingShapeId(),
      }),
    [editor],
  );
  if (!insights || !authorship) return null;
  const label = focused ? attributionLabel(authorship, focused, insights.resolveName) : null;
  const focusedOutline = outlines.find((o) => o.shapeId === focused);
  return (
    <>
      {outlines.map((o) => (
        <div
          key={o.shapeId}
          className="author-outline"
          data-testid="author-outline"
          data-shape-id={o.shapeId}
          data-color={o.color}
          style={{
            transform: `translate(${o.x}px, ${o.y}px)`,
            width: o.w,
            height: o.h,
            borderColor: o.color,
            backgroundColor: `color-mix(in srgb, ${o.color} 8%, transparent)`,
          }}
        />
      ))}
      {label && focusedOutline && (
        <div
          className="author-label"
          data-testid="author-label"
          data-shape-id={focusedOutline.shapeId}
          style={{
            transform: `translate(${focusedOutline.x}px, ${focusedOutline.y + focusedOutline.h}px)`,
            borderColor: focusedOutline.color,
          }}
        >
          {label}
        </div>
      )}
    </>
  );
}
