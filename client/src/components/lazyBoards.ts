import { lazy } from 'react';
import { stagedImport } from './stagedImport.js';

/**
 * tldraw is most of the bundle: load it with the first board, not on the start, join or new-class pages.
 * Its modules are evaluated in three tasks instead of one — the rich-text editor (tiptap, ProseMirror),
 * tldraw's editor core, then tldraw's UI with our board: evaluated at once they were the longest task of a
 * board's load after the first bundle's (240–270 ms at 1× on the shared machine). The board pages preload
 * every chunk of it (client/preloadBoardEditor.ts), so staging does not delay the fetch. Each stage names
 * the one export it reads, so that the bundler still drops the exports nothing uses.
 */
const importBoardEditor = stagedImport(
  [
    () => import('@tiptap/core').then(({ Editor }) => Editor),
    () => import('@tldraw/editor').then(({ Editor }) => Editor),
  ],
  () => import('./BoardEditor.js'),
);
export const LazyBoardEditor = lazy(() => importBoardEditor().then((m) => ({ default: m.BoardEditor })));

/**
 * Starts fetching the board editor's chunk (tldraw) at once, so it downloads and compiles while the page
 * asks who the student is and which board is theirs, instead of after. The lazy component's own import then
 * resolves from the same load.
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
