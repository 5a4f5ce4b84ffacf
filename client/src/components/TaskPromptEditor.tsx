import { useEffect, useState } from 'react';
import { Button } from '../ui/index.js';

/**
 * The class's task as the teacher wrote it, with an Edit button: saving rewrites the task card on every
 * group board and the students' class bars (the server does both).
 */
export function TaskPromptEditor({
  taskPrompt,
  onSave,
}: {
  taskPrompt: string;
  onSave: (taskPrompt: string) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(taskPrompt);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!editing) setDraft(taskPrompt);
  }, [taskPrompt, editing]);

  if (!editing)
    return (
      <div className="task-prompt">
        {taskPrompt ? (
          <p className="muted" data-testid="task-prompt">
            {taskPrompt}
          </p>
        ) : (
          <p className="muted">No task written yet.</p>
        )}
        <Button size="sm" onClick={() => setEditing(true)}>
          {taskPrompt ? 'Edit task' : 'Write the task'}
        </Button>
      </div>
    );
  return (
    <form
      className="task-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        setError(null);
        onSave(draft.trim())
          .then(() => setEditing(false))
          .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
          .finally(() => setSaving(false));
      }}
    >
      <label>
        Task on every group board
        <textarea value={draft} maxLength={2000} rows={3} onChange={(e) => setDraft(e.target.value)} />
      </label>
      <Button type="submit" variant="primary" size="sm" disabled={saving}>
        Save task
      </Button>
      <Button size="sm" onClick={() => setEditing(false)}>
        Cancel
      </Button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
