import type { Editor } from 'tldraw';

/**
 * Whether an editor's UI (toolbar, menus, style panel), rendered after its canvas (`useUiAfterCanvas`), is
 * on screen yet. A progressive load waits for it before its first batch: the UI is one transition render,
 * and every batch is a synchronous render that interrupts it, so while batches run the UI restarts each
 * time and is only drawn when React gives up waiting (5 s) — as one long frozen task, after all that
 * discarded work (a 5,000-shape board: a 295 ms task 5 s after the mount, in bench:browser-timeline).
 */
const waiting = new WeakMap<Editor, { shown: Promise<void>; show: () => void }>();

/** The editor's UI will be rendered after its canvas: `whenUiShown` waits until `uiShown` is called. */
export function uiPending(editor: Editor): void {
  if (waiting.has(editor)) return;
  let show = () => {};
  const shown = new Promise<void>((resolve) => (show = resolve));
  waiting.set(editor, { shown, show });
}

/** The editor's UI was committed (or will never be: the editor went). */
export function uiShown(editor: Editor): void {
  waiting.get(editor)?.show();
}

/** Resolves once the editor's UI is on screen; at once for an editor whose UI is not deferred. */
export function whenUiShown(editor: Editor): Promise<void> {
  return waiting.get(editor)?.shown ?? Promise.resolve();
}
