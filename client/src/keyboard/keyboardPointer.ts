import type { Editor, TLPointerEventInfo, TLPointerEventName, VecLike } from 'tldraw';

/** Not a real pointer's id (the browser numbers those from 1): tldraw tells pointers apart by it. */
const KEYBOARD_POINTER_ID = 7331;

/**
 * Sends tldraw's state machine a pointer event at a point on the page, as if a mouse were there: the
 * keyboard's way to make what a tool makes with a click or a drag, so each tool keeps its own behaviour
 * (sizes, styles, snapping, what it selects or starts editing). No modifier is sent: Shift would make the
 * draw tool's stroke a straight line. In pen mode tldraw hears only pens, so the event says it is one then.
 */
export function sendPointer(editor: Editor, name: TLPointerEventName, pagePoint: VecLike): void {
  const screen = editor.pageToScreen(pagePoint);
  const info: TLPointerEventInfo = {
    type: 'pointer',
    name,
    target: 'canvas',
    point: { x: screen.x, y: screen.y, z: 0.5 },
    pointerId: KEYBOARD_POINTER_ID,
    button: 0,
    isPen: editor.getInstanceState().isPenMode,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    accelKey: false,
  };
  editor.dispatch(info);
}

/** A click: down and up at one point (each flushed at once: tldraw queues only moves for its next tick). */
export function sendClick(editor: Editor, pagePoint: VecLike): void {
  sendPointer(editor, 'pointer_down', pagePoint);
  sendPointer(editor, 'pointer_up', pagePoint);
}
