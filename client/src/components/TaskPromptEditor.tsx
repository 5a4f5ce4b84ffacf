import { useEffect, useId, useState } from 'react';
import { Button } from '../ui/Button.js';
import { Dialog } from '../ui/Dialog.js';
import { TextField } from '../ui/TextField.js';
import { ClampedText } from '../ui/ClampedText.js';

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
  const formId = useId();
  useEffect(() => {
    if (!editing) setDraft(taskPrompt);
  }, [taskPrompt, editing]);

  const save = () => {
    setSaving(true);
    setError(null);
    onSave(draft.trim())
      .then(() => setEditing(false))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setSaving(false));
  };

  // Edited in a dialog: a field squeezed into the dashboard's header pushed the class controls about.
  return (
    <div className="task-prompt">
      {/* Two lines at most in the header: a longer task pushed the live grid below 1366×768's fold. */}
      {taskPrompt ? (
        <ClampedText text={taskPrompt} className="muted" testId="task-prompt" />
      ) : (
        <p className="muted">No task written yet.</p>
      )}
      <Button onClick={() => setEditing(true)}>{taskPrompt ? 'Edit task' : 'Write the task'}</Button>
      <Dialog
        open={editing}
        onOpenChange={(open) => {
          setEditing(open);
          if (!open) setError(null);
        }}
        title="The task"
        description="Saving rewrites the task card on every group board and the task in the students' bars."
        actions={
          <>
            <Button onClick={() => setEditing(false)}>Cancel</Button>
            <Button type="submit" form={formId} variant="primary" disabled={saving}>
              Save task
            </Button>
          </>
        }
      >
        <form
          id={formId}
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <TextField
            label="Task on every group board"
            multiline
            rows={4}
            maxLength={2000}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          {error && <p role="alert">{error}</p>}
        </form>
      </Dialog>
    </div>
  );
}
