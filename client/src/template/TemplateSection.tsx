import { lazy, Suspense, useRef, useState } from 'react';
import { Button } from '../ui/Button.js';

// The template canvas is a tldraw editor: load it when the teacher opens it.
const LazyTemplateEditor = lazy(() =>
  import('./TemplateEditor.js').then((m) => ({ default: m.TemplateEditor })),
);

/** The dashboard's "Task template" section: opens the teacher's template canvas. */
export function TemplateSection(props: {
  classId: string;
  taskPrompt: string;
  licenseKey: string | null;
  maxAssetBytes: number | null;
}) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  // Closing removes the focused Close button: without this the focus falls to the page's body and a
  // keyboard user starts again from the top of the dashboard.
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  return (
    // No aria-label: "Task" would match the dashboard's getByLabel('Ask') look-ups (substring matches).
    <section className="template-section" data-testid="template-section">
      <h2>Task template</h2>
      <p className="muted">
        Task cards and images placed on every group board, locked: students work around them.
      </p>
      <Button ref={opener} onClick={() => setOpen(true)}>
        Edit the task template
      </Button>
      {open && (
        <Suspense fallback={<p>Loading…</p>}>
          <LazyTemplateEditor {...props} onClose={close} />
        </Suspense>
      )}
    </section>
  );
}
