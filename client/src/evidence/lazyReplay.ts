import { lazy } from 'react';

// The replay draws with tldraw: its chunk loads when the teacher opens one.
export const LazyReplayView = lazy(() => import('./ReplayView.js').then((m) => ({ default: m.ReplayView })));
