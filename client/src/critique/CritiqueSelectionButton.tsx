import { useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { editorPanels, keepClear } from '../layout/keepClear.js';
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
  const button = useRef<HTMLButtonElement>(null);
  const [size, setSize] = useState({ w: 120, h: 32 });
  useLayoutEffect(() => {
    const r = button.current?.getBoundingClientRect();
    if (r && (Math.round(r.width) !== size.w || Math.round(r.height) !== size.h))
      setSize({ w: Math.round(r.width), h: Math.round(r.height) });
  });
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
  // Beside the shape's corner, but never cut off by the screen's edge or under the toolbar, the style panel
  // or the class bar (a shape near the edge of a 1024×768 tablet).
  const container = editor.getContainer();
  const { width, height } = container.getBoundingClientRect();
  const at = keepClear(
    { x: target.x + 8, y: target.y + 8, ...size },
    { x: 0, y: 0, w: width, h: height },
    editorPanels(container),
  );
  return (
    <EditorPortal>
      <button
        type="button"
        className="critique-start"
        data-testid="critique-start"
        ref={button}
        style={{ left: at.x, top: at.y }}
        onPointerDown={stopCanvasPointer(editor)}
        onClick={() => insights.openThread(target.shapeId)}
      >
        Critique <kbd>⇧C</kbd>
      </button>
    </EditorPortal>
  );
}
