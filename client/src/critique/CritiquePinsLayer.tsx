import { useMemo, type PointerEvent as ReactPointerEvent } from 'react';
import { useEditor, useValue, type Editor, type TLShapeId } from 'tldraw';
import { CRITIQUE_TYPE, type CritiqueThread } from '@conjecture/shared/board/index';
import { useBoardInsights } from './BoardInsights.js';
import { CheckIcon, CommentIcon } from '../ui/icons.js';
import { Tooltip } from '../ui/Tooltip.js';
import { isCritiqueThread, pinLabel, placePins, type PageBounds } from './threadModel.js';

/** Page bounds of a shape on the current page, or null (gone, or on another page). */
export function pageBoundsOn(editor: Editor, shapeId: string): PageBounds | null {
  const shape = editor.getShape(shapeId as TLShapeId);
  if (!shape || editor.getAncestorPageId(shape) !== editor.getCurrentPageId()) return null;
  return editor.getShapePageBounds(shape) ?? null;
}

/** Keeps a click on an overlay control from reaching the canvas (which would select or start a brush). */
export function stopCanvasPointer(editor: Editor) {
  return (event: ReactPointerEvent) => {
    event.stopPropagation();
    editor.markEventAsHandled(event);
  };
}

/** SVG, never emoji (no emoji font on classroom machines); the pin's label says what it means. */
const PinIcon = ({ resolved }: { resolved: boolean }) =>
  resolved ? <CheckIcon size={12} aria-hidden="true" /> : <CommentIcon size={12} aria-hidden="true" />;

/**
 * Tldraw's `OnTheCanvas` slot: a pin on the top-right corner of each critiqued shape, in page coordinates, so
 * it follows the shape as it moves and the camera without re-rendering. Re-renders when a thread or a
 * critiqued shape's bounds change. Clicking a pin opens its thread; in views without threads (thumbnails,
 * projector: no BoardInsights) the pins only show.
 */
export function CritiquePinsLayer() {
  const editor = useEditor();
  const insights = useBoardInsights();
  // One query for the thread records (tldraw keeps it up to date incrementally), read inside the pins' value.
  const threadRecords = useMemo(() => editor.store.query.records(CRITIQUE_TYPE as 'shape'), [editor]);
  const pins = useValue(
    'critique pins',
    () => {
      const threads = threadRecords
        .get()
        .filter((record: unknown) => isCritiqueThread(record)) as unknown as CritiqueThread[];
      return placePins(threads, (shapeId) => pageBoundsOn(editor, shapeId));
    },
    [editor, threadRecords],
  );
  if (!insights) {
    // A read-only view without threads (dashboard thumbnail, projector): the pins say where critique is.
    return (
      <>
        {pins.map((pin) => (
          <span
            key={pin.threadId}
            className="critique-pin"
            data-testid="critique-pin"
            data-shape-id={pin.shapeId}
            data-resolved={String(pin.resolved)}
            // a label needs a role: a plain span's aria-label is ignored
            role="img"
            aria-label={pinLabel(pin)}
            style={{
              transform: `translate(${pin.x}px, ${pin.y}px) translate(-50%, -50%)`,
              pointerEvents: 'none',
            }}
          >
            <PinIcon resolved={pin.resolved} /> {pin.count}
          </span>
        ))}
      </>
    );
  }
  return (
    <>
      {pins.map((pin) => (
        <Tooltip key={pin.threadId} content={pinLabel(pin)}>
          <button
            type="button"
            className="critique-pin"
            data-testid="critique-pin"
            data-shape-id={pin.shapeId}
            data-resolved={String(pin.resolved)}
            data-open={String(insights.openShapeId === pin.shapeId)}
            aria-label={pinLabel(pin)}
            style={{ transform: `translate(${pin.x}px, ${pin.y}px) translate(-50%, -50%)` }}
            onPointerDown={stopCanvasPointer(editor)}
            onClick={() => insights.openThread(insights.openShapeId === pin.shapeId ? null : pin.shapeId)}
          >
            <PinIcon resolved={pin.resolved} /> {pin.count}
          </button>
        </Tooltip>
      ))}
    </>
  );
}
