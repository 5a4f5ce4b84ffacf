import { lazy } from 'react';

// tldraw is most of the bundle: load it with the first board, not on the start, join or new-class pages.
const importBoardEditor = () => import('./BoardEditor.js');
export const LazyBoardEditor = lazy(() => importBoardEditor().then((m) => ({ default: m.BoardEditor })));

/**
 * Starts fetching the board editor's chunk (tldraw) at once, so it downloads and compiles while the page
 * asks who the student is and which board is theirs, instead of after. The module system caches it: the
 * lazy component's own import then resolves from the same fetch.
 */
export function preloadBoardEditor(): void {
  void importBoardEditor().catch(() => {
    // Offline or a failed fetch: the lazy component tries again (and reports) when it renders.
  });
}
export const LazyBoardView = lazy(() => import('./BoardView.js').then((m) => ({ default: m.BoardView })));
export const LazyQuestionNotice = lazy(() =>
  import('./QuestionNotice.js').then((m) => ({ default: m.QuestionNotice })),
);
