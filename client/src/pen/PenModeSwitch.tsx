import './penMode.css';
import { useEffect, useRef, useState } from 'react';
import { EditorPortal, stopEventPropagation, useEditor, useValue } from 'tldraw';
import { Switch } from '../ui/Switch.js';

const TOUCH_EVENTS = ['touchstart', 'touchmove', 'touchend', 'pointerdown', 'pointerup'] as const;

/** A screen a palm can touch (a tablet, a touchscreen Chromebook): where the switch is always offered. */
const hasTouchScreen = () => typeof navigator !== 'undefined' && navigator.maxTouchPoints > 0;

/**
 * Palm rejection, as tldraw's pen mode: while it is on, only a stylus draws and selects on the canvas —
 * touch (a resting palm, a finger) and the mouse are ignored. tldraw turns it on by itself the first time
 * a stylus touches a touch screen, and it stays on (a pause in writing must not let the palm draw again);
 * this switch shows that it is on and turns it off or on again. Offered on touch screens, and anywhere once
 * a stylus was used (a drawing tablet beside a laptop, where tldraw leaves the mode off). A real button
 * outside the canvas, so a finger can always reach it, even in pen mode.
 */
export function PenModeSwitch() {
  const editor = useEditor();
  const isPenMode = useValue('pen mode', () => editor.getInstanceState().isPenMode, [editor]);
  const [penSeen, setPenSeen] = useState(false);
  useEffect(() => {
    if (penSeen) return;
    const container = editor.getContainer();
    const onPointerDown = (event: PointerEvent) => {
      if (event.pointerType === 'pen') setPenSeen(true);
    };
    container.addEventListener('pointerdown', onPointerDown, { capture: true });
    return () => container.removeEventListener('pointerdown', onPointerDown, { capture: true });
  }, [editor, penSeen]);

  // The editor listens for touches on its container (pinch, long press) and cancels them, and a cancelled
  // touch makes no click: native listeners here stop them first (React's run only at the page's root).
  const box = useRef<HTMLDivElement>(null);
  const shown = isPenMode || penSeen || hasTouchScreen();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const stop = (event: Event) => event.stopPropagation();
    for (const type of TOUCH_EVENTS) el.addEventListener(type, stop);
    return () => {
      for (const type of TOUCH_EVENTS) el.removeEventListener(type, stop);
    };
  }, [shown]);

  if (!shown) return null;
  return (
    <EditorPortal>
      <div
        ref={box}
        className="pen-mode-switch"
        data-testid="pen-mode-switch"
        onPointerDown={stopEventPropagation}
        onKeyDown={stopEventPropagation}
      >
        <Switch
          label="Pen only (touch does not draw)"
          checked={isPenMode}
          onCheckedChange={(on) => editor.updateInstanceState({ isPenMode: on })}
        />
      </div>
    </EditorPortal>
  );
}
