import { useState, type FormEvent } from 'react';
import { DEFAULT_TASK, type CreatedClass } from '@conjecture/shared';
import { createClass } from '../classroom/classApi.js';
import { Button } from '../ui/Button.js';
import { CopyField } from '../ui/CopyField.js';
import { TextField } from '../ui/TextField.js';

/** Creates a class: no account, the teacher link is the credential (keep it private, it is shown once). */
export function NewClassPage() {
  const [title, setTitle] = useState('');
  const [taskPrompt, setTaskPrompt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedClass | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCreated(await createClass({ title, taskPrompt }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (created) return <CreatedClassLinks created={created} />;
  return (
    <main className="page">
      <h1>New class</h1>
      <form className="stack" onSubmit={(e) => void onSubmit(e)}>
        <TextField
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          maxLength={120}
        />
        <TextField
          label="Task prompt"
          hint="Shown to students with the class title."
          multiline
          value={taskPrompt}
          onChange={(e) => setTaskPrompt(e.target.value)}
          maxLength={2000}
          rows={3}
        />
        <div className="row">
          <Button
            type="button"
            size="sm"
            onClick={() => {
              setTitle(DEFAULT_TASK.title);
              setTaskPrompt(DEFAULT_TASK.prompt);
            }}
          >
            Use the sample task
          </Button>
          <span className="muted">
            “{DEFAULT_TASK.title}” comes with anticipated strategies and misconceptions; any other task starts
            with none, for you to add.
          </span>
        </div>
        <Button type="submit" variant="primary" disabled={busy || title.trim() === ''}>
          Create the class
        </Button>
        {error && <p role="alert">Could not create the class: {error}</p>}
      </form>
    </main>
  );
}

function CreatedClassLinks({ created }: { created: CreatedClass }) {
  const origin = window.location.origin;
  const teacherUrl = origin + created.teacherLink;
  const projectorUrl = origin + created.projectorLink;
  return (
    <main className="page">
      <h1>Your class is ready</h1>
      <p>Students go to {origin}/join and type:</p>
      <p className="join-code" data-testid="join-code">
        {created.joinCode}
      </p>
      <section className="stack">
        <h2>Your teacher link — keep it private</h2>
        <p>Anyone with this link controls the class. Bookmark it: it is shown only once.</p>
        <CopyField label="Teacher link" hideLabel value={teacherUrl} />
        <Button asChild variant="primary">
          <a href={withSearch(created.teacherLink)}>Open the dashboard</a>
        </Button>
        <h2>Projector link</h2>
        <p>Open it on the classroom screen: it shows only what you choose.</p>
        <CopyField label="Projector link" hideLabel value={projectorUrl} />
      </section>
    </main>
  );
}

/** The link with this page's query string (e.g. `?debug`) kept before its `#key=` fragment. */
function withSearch(link: string): string {
  const hash = link.indexOf('#');
  const path = hash < 0 ? link : link.slice(0, hash);
  return path + window.location.search + (hash < 0 ? '' : link.slice(hash));
}
