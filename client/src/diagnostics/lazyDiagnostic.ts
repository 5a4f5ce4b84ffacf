import { lazy } from 'react';

// A diagnostic draws its items' mathematics with KaTeX: load both only for a student who is taking one, so
// the class page's first bundle stays small for everyone already in a group.
export const LazyTakeDiagnostic = lazy(() =>
  import('./TakeDiagnostic.js').then((m) => ({ default: m.TakeDiagnostic })),
);
