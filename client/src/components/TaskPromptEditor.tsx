import { useEffect, useState } from 'react';

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
        <button type="button" onClick={() => setEditing(true)}>
          {taskPrompt ? 'Edit task' : 'Write the task'}
        </button>
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
      <button type="submit" disabled={saving}>
        Save task
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
