import { lazy } from 'react';

// A snapshot drawn by a tldraw editor: only the gallery's earlier design, kept for `pnpm bench:gallery`
// (`?views=editor`); the gallery and the presented steps draw snapshots as SVG (SnapshotThumbnail).
export const LazySnapshotView = lazy(() =>
  import('./SnapshotView.js').then((m) => ({ default: m.SnapshotView })),
);
// The projector's presentation and a following student's screen: loaded when they are first shown.
export const LazyPresentedStep = lazy(() =>
  import('./PresentedStep.js').then((m) => ({ default: m.PresentedStep })),
);
export const LazyFollowingTeacher = lazy(() =>
  import('./FollowingTeacher.js').then((m) => ({ default: m.FollowingTeacher })),
);
