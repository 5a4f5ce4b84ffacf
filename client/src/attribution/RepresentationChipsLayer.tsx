import { useEditor, useValue } from 'tldraw';
import { REPRESENTATION_LABELS, representationType } from '@conjecture/shared/board/index';
import { useBoardInsights } from '../critique/BoardInsights.js';
import { chippedShapeIds } from './attributionModel.js';

/**
 * `OnTheCanvas` layer: a small, quiet chip naming each item's representation (Visual, Symbolic, Verbal,
 * Contextual, Manipulative) under its bottom-left corner (the author label goes
 * below it). By default only on the hovered and selected items, never on the one being edited (its form is there),
 * so a busy board stays readable; "Show representation types" shows all of them at once (for a
 * discussion of which representations the group used). The chips let the pointer through to the canvas
 * (`pointer-events: none`), so they carry no hover text: it could never show.
 */
export function RepresentationChipsLayer() {
  const editor = useEditor();
  const insights = useBoardInsights();
  const showAll = insights?.showRepresentations ?? false;
  const chips = useValue(
    'representation chips',
    () => {
      const ids = chippedShapeIds(
        showAll ? [...editor.getCurrentPageShapeIds()] : [],
        {
          hovered: editor.getHoveredShapeId(),
          selected: editor.getSelectedShapeIds(),
          editing: editor.getEditingShapeId(),
        },
        showAll,
      );
      return ids.flatMap((id) => {
        const shape = editor.getShape(id as never);
        if (!shape) return [];
        const kind = representationType(shape);
        const bounds = kind ? editor.getShapePageBounds(shape) : undefined;
        return kind && bounds
          ? [
              {
                shapeId: shape.id as string,
                type: kind.type,
                x: bounds.minX,
                y: bounds.maxY,
              },
            ]
          : [];
      });
    },
    [editor, showAll],
  );
  if (!insights) return null;
  return (
    <>
      {chips.map((chip) => (
        <div
          key={chip.shapeId}
          className="representation-chip"
          data-testid="representation-chip"
          data-shape-id={chip.shapeId}
          data-type={chip.type}
          style={{ transform: `translate(${chip.x}px, ${chip.y}px) translateY(4px)` }}
        >
          {REPRESENTATION_LABELS[chip.type]}
        </div>
      ))}
    </>
  );
}
