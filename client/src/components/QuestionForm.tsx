import { useId, useState, type FormEvent } from 'react';
import type { Group } from '@conjecture/shared';
import { Button } from '../ui/Button.js';
import { SelectField } from '../ui/Select.js';
import { TextField } from '../ui/TextField.js';

interface QuestionFormProps {
  groups: Group[];
  /** Fixed to one group (the drill-in view); otherwise a select offers all groups or one. */
  groupId?: string;
  /** The shape to anchor on, read when the question is posed (the drill-in view's selection). */
  anchorShapeId?: () => string | null;
  onPose: (text: string, groupId: string | null, anchorShapeId: string | null) => Promise<string | null>;
}

export function QuestionForm({ groups, groupId, anchorShapeId, onPose }: QuestionFormProps) {
  const [text, setText] = useState('');
  const [target, setTarget] = useState<string>(groupId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();
  const empty = text.trim() === '';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await onPose(text, groupId ?? (target || null), anchorShapeId?.() ?? null);
    setBusy(false);
    setError(failure);
    if (!failure) setText('');
  };

  return (
    <form className="question-form stack" onSubmit={(e) => void onSubmit(e)}>
      <TextField
        label="Question"
        multiline
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={2}
        maxLength={500}
        required
      />
      {groupId === undefined && (
        <SelectField label="Ask" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">All groups</option>
          {groups.map((g) => (
            <option key={g.groupId} value={g.groupId}>
              {g.name}
            </option>
          ))}
        </SelectField>
      )}
      {anchorShapeId && <p className="muted">Select a shape first to place the question beside it.</p>}
      <Button
        type="submit"
        variant="primary"
        disabled={busy || empty}
        aria-describedby={empty ? hintId : undefined}
      >
        Pose the question
      </Button>
      {/* a greyed-out button says what it waits for, as Propose does (the target always has a value) */}
      {empty && (
        <p id={hintId} className="ui-hint" data-testid="pose-hint">
          Write a question to pose it.
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
