import { createContext, useContext, useSyncExternalStore } from 'react';
import { useEditor, useValue, type TLShapeId } from 'tldraw';
import type { BoardTagStore, ChipSnapshot } from './boardTags.js';

/** The open board's chips; null where the board has no tags (boards outside a class). */
export const BoardTagsContext = createContext<BoardTagStore | null>(null);

const NO_CHIPS: ChipSnapshot = new Map();
const noSubscription = () => () => {};

/**
 * Tldraw's `OnTheCanvas` slot: it sits in the canvas's transformed HTML layer, so a chip placed at its
 * shape's page coordinates follows the camera with no re-render. This re-renders only when the set of
 * chips changes, a tagged shape's bounds change or a tagged shape comes into or leaves the view, not on other
 * shapes' edits or on camera moves within the view.
 */
export function TagChipsLayer() {
  const store = useContext(BoardTagsContext);
  const editor = useEditor();
  const chips = useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    store?.getSnapshot ?? (() => NO_CHIPS),
  );
  const placed = useValue(
    'tag chips',
    () => {
      const pageId = editor.getCurrentPageId();
      // Chips only beside shapes in view: a board of thousands of tagged texts must not carry a chip (and
      // its bounds) per text. tldraw keeps this set and hands out the same one until it changes.
      const outOfView = editor.getNotVisibleShapes();
      const out: Array<{ shapeId: string; name: string; x: number; y: number }> = [];
      for (const [shapeId, name] of chips) {
        const shape = editor.getShape(shapeId as TLShapeId);
        if (!shape || outOfView.has(shape.id) || editor.getAncestorPageId(shape) !== pageId) continue;
        const bounds = editor.getShapePageBounds(shape);
        if (bounds) out.push({ shapeId, name, x: bounds.minX, y: bounds.minY });
      }
      return out;
    },
    [editor, chips],
  );
  return (
    <>
      {placed.map((chip) => (
        <div
          key={chip.shapeId}
          className="tag-chip"
          data-testid="tag-chip"
          data-shape-id={chip.shapeId}
          role="note"
          aria-label={`Talk move: ${chip.name}`}
          style={{ transform: `translate(${chip.x}px, ${chip.y}px) translateY(calc(-100% - 4px))` }}
        >
          {chip.name}
        </div>
      ))}
    </>
  );
}
