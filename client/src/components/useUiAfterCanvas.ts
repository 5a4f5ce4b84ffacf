import { startTransition, useCallback, useState } from 'react';
import type { Editor } from 'tldraw';

type OnMount = (editor: Editor) => void | (() => void);

/**
 * tldraw's canvas first, its UI (toolbar, menus, style panel) in a task after. Built together they are one
 * React render of about 200 ms at 1× on a 2-core machine (800 ms at 4×), flushed synchronously after one of
 * tldraw's animation frames, so the page freezes while the board appears. Rendered after the editor mounts,
 * as a transition, the UI's render yields to input and to the board's loading; the first render halves.
 *
 * Pass the result to `<Tldraw>`: `hideUi` and an `onMount` wrapping the caller's.
 */
export function useUiAfterCanvas(onMount?: OnMount): { hideUi: boolean; onMount: OnMount } {
  const [uiShown, setUiShown] = useState(false);
  const mount = useCallback(
    (editor: Editor) => {
      const unmount = onMount?.(editor);
      const timer = setTimeout(() => startTransition(() => setUiShown(true)));
      return () => {
        clearTimeout(timer);
        if (typeof unmount === 'function') unmount();
      };
    },
    [onMount],
  );
  return { hideUi: !uiShown, onMount: mount };
}
