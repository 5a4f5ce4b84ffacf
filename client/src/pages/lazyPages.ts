import { lazy } from 'react';

// The teacher's dashboard, the projector and the coach's evidence page are most of the app's own code (grouping, anticipation,
// discussion, evidence, replay): loaded for those pages only, so a student's class page — the one opened on
// thirty Chromebooks at once — evaluates none of it before its first render.
export const LazyTeacherPage = lazy(() =>
  import('./TeacherPage.js').then((m) => ({ default: m.TeacherPage })),
);
export const LazyProjectorPage = lazy(() =>
  import('./ProjectorPage.js').then((m) => ({ default: m.ProjectorPage })),
);
export const LazyCoachPage = lazy(() => import('./CoachPage.js').then((m) => ({ default: m.CoachPage })));
