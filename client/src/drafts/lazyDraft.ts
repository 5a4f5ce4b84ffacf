import { lazy } from 'react';

// The draft panel carries a second tldraw editor: load it when a student first opens it.
export const LazyDraftPanel = lazy(() => import('./DraftPanel.js').then((m) => ({ default: m.DraftPanel })));
