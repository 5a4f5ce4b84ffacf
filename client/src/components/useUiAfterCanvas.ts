import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import { uiPending, uiShown } from '../sync/editorUiGate.js';

type OnMount = (editor: Editor) => void | (() => void);

/**
 * tldraw's canvas first, its UI (toolbar, menus, style panel) in a task after. Built together they are one
 * React render of about 200 ms at 1× on a 2-core machine (800 ms at 4×), flushed synchronously after one of
 * tldraw's animation frames, so the page freezes while the board appears. Rendered after the editor mounts,
 * as a transition, the UI's render yields to input; the first render halves. A progressive load waits for
 * it (`editorUiGate.ts`): its batches would otherwise restart the transition until React expires it.
 *
 * Pass the result to `<Tldraw>`: `hideUi` and an `onMount` wrapping the caller's.
 */
export function useUiAfterCanvas(onMount?: OnMount): { hideUi: boolean; onMount: OnMount } {
  const [shown, setShown] = useState(false);
  const mounted = useRef<{ editor: Editor | null; shown: boolean }>({ editor: null, shown: false });
  const mount = useCallback(
    (editor: Editor) => {
      mounted.current.editor = editor;
      // A later editor on the same canvas (a new store) finds the UI already there: nothing to wait for.
      if (!mounted.current.shown) uiPending(editor);
      const unmount = onMount?.(editor);
      const timer = setTimeout(() => startTransition(() => setShown(true)));
      return () => {
        clearTimeout(timer);
        uiShown(editor); // nothing will be shown: whoever waits goes on
        if (typeof unmount === 'function') unmount();
      };
    },
    [onMount],
  );
  useEffect(() => {
    mounted.current.shown = shown;
    if (shown && mounted.current.editor) uiShown(mounted.current.editor);
  }, [shown]);
  return { hideUi: !shown, onMount: mount };
}
