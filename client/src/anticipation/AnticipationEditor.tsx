import { useState } from 'react';
import type { Anticipation, AnticipationInput, LookFor } from '@conjecture/shared';
import { ANTICIPATION_KINDS, AnticipationInputSchema, isolated } from '@conjecture/shared';
import { addAnticipation, deleteAnticipation, replaceAnticipation } from './anticipationApi.js';
import { Badge } from '../ui/Badge.js';
import { Button } from '../ui/Button.js';
import { SelectField } from '../ui/Select.js';
import { TextField } from '../ui/TextField.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { Written } from '../ui/Written.js';

/** One name per kind, in the form's choice and on each anticipation's badge alike. */
const KIND_LABELS: Record<Anticipation['kind'], string> = {
  strategy: 'Strategy',
  misconception: 'Misconception',
};

/** Look-fors as the teacher types them, one a line: `phrase: per pen | each pen`, `value: 0.67 ± 0.01`, … */
export function lookForsToText(lookFors: readonly LookFor[]): string {
  return lookFors
    .map((l) => {
      const w = l.weight === 1 ? '' : ` (weight ${l.weight})`;
      switch (l.kind) {
        case 'phrase':
          return `phrase: ${l.text}${w}`;
        case 'value':
          return `value: ${l.value}${l.tolerance ? ` ± ${l.tolerance}` : ''}${w}`;
        case 'expression':
          return `expression: ${l.text}${w}`;
        case 'representation':
          return `representation: ${l.representation}${w}`;
        case 'talkMove':
          return `talk move: ${l.move}${w}`;
      }
    })
    .join('\n');
}

/** The reverse of `lookForsToText`; the schema checks the result, so a bad line is reported, not guessed. */
export function textToLookFors(text: string): unknown[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const weightMatch = /\s*\(weight\s+(-?[\d.]+)\)\s*$/.exec(line);
      const weight = weightMatch ? Number(weightMatch[1]) : 1;
      const body = weightMatch ? line.slice(0, weightMatch.index) : line;
      const colon = body.indexOf(':');
      const kind = body.slice(0, colon).trim().toLowerCase();
      const rest = body.slice(colon + 1).trim();
      if (kind === 'value') {
        const [v, tol] = rest.split('±').map((s) => Number(s.trim()));
        return { kind: 'value', value: v, tolerance: tol ?? 0, weight };
      }
      if (kind === 'representation') return { kind: 'representation', representation: rest, weight };
      if (kind === 'talk move') return { kind: 'talkMove', move: rest, weight };
      return { kind: kind === 'expression' ? 'expression' : 'phrase', text: rest, weight };
    });
}

function Form({
  initial,
  onSave,
  onCancel,
}: {
  initial: Anticipation | null;
  onSave: (input: AnticipationInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [kind, setKind] = useState<'strategy' | 'misconception'>(initial?.kind ?? 'strategy');
  const [lookFors, setLookFors] = useState(initial ? lookForsToText(initial.lookFors) : '');
  const [threshold, setThreshold] = useState(String(initial?.threshold ?? 2));
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    const parsed = AnticipationInputSchema.safeParse({
      title,
      description,
      kind,
      lookFors: textToLookFors(lookFors),
      threshold: Number(threshold),
    });
    if (!parsed.success)
      return setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    setError(null);
    void onSave(parsed.data).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="anticipation-form">
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <SelectField
        label="Kind"
        value={kind}
        onChange={(e) => setKind(e.target.value as 'strategy' | 'misconception')}
      >
        {ANTICIPATION_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <TextField
        multiline
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TextField
        multiline
        label="Look-fors, one a line"
        hint="Each line one of — phrase: per pen | each pen — value: 0.67 ± 0.01 — expression: 2/3 — representation: table — talk move: providing_evidence_reasoning — add (weight 0.5) at the end"
        rows={6}
        value={lookFors}
        onChange={(e) => setLookFors(e.target.value)}
      />
      <TextField
        label="Matches at a score of"
        className="anticipation-threshold"
        type="number"
        step="0.5"
        value={threshold}
        onChange={(e) => setThreshold(e.target.value)}
      />
      {error && <p role="alert">{error}</p>}
      <div className="anticipation-form-actions">
        <Button variant="primary" onClick={save}>
          Save
        </Button>
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
      </div>
    </div>
  );
}

/** Add, edit and delete the task's anticipations; the server matches boards again after each change. */
export function AnticipationEditor({
  classId,
  anticipations,
  onChanged,
}: {
  classId: string;
  anticipations: readonly Anticipation[];
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  // Deleting is asked once more: the anticipation's look-fors are the teacher's work, and nothing undoes it.
  const [deleting, setDeleting] = useState<Anticipation | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const confirmDelete = (a: Anticipation) => {
    setDeleting(null);
    deleteAnticipation(classId, a.id).then(
      () => {
        setDeleteError(null);
        onChanged();
      },
      (e: unknown) =>
        setDeleteError(
          `“${isolated(a.title)}” was not deleted: ${e instanceof Error ? e.message : String(e)}`,
        ),
    );
  };
  return (
    <div className="anticipation-editor">
      <h3>Anticipations</h3>
      {deleteError && <p role="alert">{deleteError}</p>}
      <ul className="anticipation-list">
        {anticipations.map((a) => (
          <li key={a.id}>
            {editing === a.id ? (
              <Form
                initial={a}
                onCancel={() => setEditing(null)}
                onSave={async (input) => {
                  await replaceAnticipation(classId, a.id, input);
                  setEditing(null);
                  onChanged();
                }}
              />
            ) : (
              <div className="anticipation-row">
                <span className="anticipation-row__text">
                  <strong>
                    <Written>{a.title}</Written>
                  </strong>{' '}
                  <Badge tone={a.kind === 'misconception' ? 'warning' : 'info'}>{KIND_LABELS[a.kind]}</Badge>
                  {a.description && (
                    <span className="muted">
                      {' '}
                      <Written>{a.description}</Written>
                    </span>
                  )}
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Edit “${isolated(a.title)}”`}
                  onClick={() => setEditing(a.id)}
                >
                  Edit
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Delete “${isolated(a.title)}”`}
                  onClick={() => setDeleting(a)}
                >
                  Delete
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {deleting && (
        <ConfirmDialog
          title={`Delete “${isolated(deleting.title)}”?`}
          confirmLabel="Delete"
          onConfirm={() => confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>Its look-fors go with it, and the groups’ boards are matched again without it.</p>
        </ConfirmDialog>
      )}
      <h4>Add an anticipation</h4>
      <Form
        key={anticipations.length}
        initial={null}
        onSave={async (input) => {
          await addAnticipation(classId, input);
          onChanged();
        }}
      />
    </div>
  );
}
