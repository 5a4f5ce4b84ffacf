import { lazy } from 'react';

// tldraw is most of the bundle: load it with the first board, not on the start, join or new-class pages.
export const LazyBoardEditor = lazy(() =>
  import('./BoardEditor.js').then((m) => ({ default: m.BoardEditor })),
);
export const LazyBoardView = lazy(() => import('./BoardView.js').then((m) => ({ default: m.BoardView })));
export const LazyQuestionNotice = lazy(() =>
  import('./QuestionNotice.js').then((m) => ({ default: m.QuestionNotice })),
);
