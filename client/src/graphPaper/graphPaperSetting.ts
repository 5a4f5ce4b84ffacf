import { useEffect, useSyncExternalStore } from 'react';

/**
 * Whether the page's boards show graph paper. A page shows one class, and the setting is the class's, so
 * every board on it (the group board, the draft, the teacher's opened board) follows one value; a module
 * store rather than a React context spares each page from wrapping its editors. Plain React, not a tldraw
 * signal: the class pages set it before tldraw is loaded, and importing tldraw here would put all of it
 * in the first bundle every page evaluates.
 */
let graphPaperOn = false;
const listeners = new Set<() => void>();

function setGraphPaperOn(on: boolean): void {
  if (on === graphPaperOn) return;
  graphPaperOn = on;
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => graphPaperOn;

/** Called by a class page with the class's setting; boards go back to plain when the page unmounts. */
export function useShowGraphPaper(on: boolean): void {
  useEffect(() => {
    setGraphPaperOn(on);
    return () => setGraphPaperOn(false);
  }, [on]);
}

/** Whether this page's boards show graph paper. */
export const useGraphPaperShown = (): boolean => useSyncExternalStore(subscribe, snapshot);
