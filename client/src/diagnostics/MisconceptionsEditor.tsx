import {
  addMisconception,
  isolated,
  removeMisconception,
  updateMisconception,
  type DraftMisconception,
} from '@conjecture/shared';
import { authoringIds, type DraftEdit } from './authoringIds.js';
import { Button } from '../ui/Button.js';
import { IconButton } from '../ui/IconButton.js';
import { TextField } from '../ui/TextField.js';
import { TrashIcon } from '../ui/icons.js';

/**
 * The misconceptions the wrong answers reveal, in the teacher's words: a name only the teacher sees, what the
 * student is likely thinking, and a next step the student reads after the diagnostic (no label, no blame).
 */
export function MisconceptionsEditor({
  base,
  misconceptions,
  edit,
}: {
  base: string;
  misconceptions: DraftMisconception[];
  edit: (change: DraftEdit) => void;
}) {
  const ids = authoringIds(base);
  return (
    <>
      {misconceptions.map((m, i) => (
        <fieldset key={i} className="authoring-misconception" id={ids.misconception(i)}>
          <legend className="authoring-question__legend">Misconception {i + 1}</legend>
          <div className="authoring-question__tools">
            <IconButton
              size="sm"
              variant="danger"
              label={`Remove misconception ${i + 1}${m.name.trim() ? ` (${isolated(m.name.trim())})` : ''}`}
              icon={<TrashIcon />}
              onClick={() => edit((d) => removeMisconception(d, i))}
            />
          </div>
          <TextField
            label="Name (only you see it)"
            value={m.name}
            onChange={(e) => edit((d) => updateMisconception(d, i, { name: e.target.value }))}
          />
          <TextField
            multiline
            rows={2}
            label="What the student is likely thinking"
            value={m.description}
            onChange={(e) => edit((d) => updateMisconception(d, i, { description: e.target.value }))}
          />
          <TextField
            multiline
            rows={2}
            label="Next step, worded for the student"
            hint="Something to try, e.g. “Draw both fractions as parts of the same-size whole.”"
            value={m.nextStep}
            onChange={(e) => edit((d) => updateMisconception(d, i, { nextStep: e.target.value }))}
          />
        </fieldset>
      ))}
      <Button onClick={() => edit(addMisconception)}>Add a misconception</Button>
    </>
  );
}
