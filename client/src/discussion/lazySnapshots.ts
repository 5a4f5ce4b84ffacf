import { lazy } from 'react';

// tldraw is most of the bundle: the projector's presentation and the gallery load it with the first snapshot.
export const LazySnapshotView = lazy(() =>
  import('./SnapshotView.js').then((m) => ({ default: m.SnapshotView })),
);
export const LazyPresentedStep = lazy(() =>
  import('./PresentedStep.js').then((m) => ({ default: m.PresentedStep })),
);
export const LazyFollowingTeacher = lazy(() =>
  import('./FollowingTeacher.js').then((m) => ({ default: m.FollowingTeacher })),
);
