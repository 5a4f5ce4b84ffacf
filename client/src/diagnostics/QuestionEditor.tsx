import {
  addOption,
  chooseCorrect,
  MAX_OPTIONS,
  MIN_OPTIONS,
  optionLetter,
  removeOption,
  updateItem,
  updateOption,
  type BankDraft,
  type DraftItem,
  type DraftMisconception,
} from '@conjecture/shared';
import { authoringIds, type DraftEdit } from './authoringIds.js';
import { SkillsEditor } from './SkillsEditor.js';
import { Badge } from '../ui/Badge.js';
import { Button } from '../ui/Button.js';
import { IconButton } from '../ui/IconButton.js';
import { RadioGroup } from '../ui/RadioGroup.js';
import { SelectField } from '../ui/Select.js';
import { TextField } from '../ui/TextField.js';
import { ArrowDownIcon, ArrowUpIcon, TrashIcon, XIcon } from '../ui/icons.js';

/**
 * One question of a written diagnostic: its words, the skills it checks, and 2–6 answers. The correct one is
 * chosen with a radio group (one per question); each other answer names the misconception it shows.
 */
export function QuestionEditor({
  base,
  index,
  count,
  item,
  misconceptions,
  edit,
  onMove,
  onRemove,
}: {
  base: string;
  index: number;
  count: number;
  item: DraftItem;
  misconceptions: DraftMisconception[];
  edit: (change: DraftEdit) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const ids = authoringIds(base);
  const name = `Question ${index + 1}`;
  const correct = item.options.findIndex((o) => o.correct);
  const setItem = (change: Partial<DraftItem>) => edit((d: BankDraft) => updateItem(d, index, change));
  return (
    <fieldset className="authoring-question" id={ids.item(index)}>
      <legend className="authoring-question__legend">{name}</legend>
      <div className="authoring-question__tools">
        <IconButton
          id={ids.move(index, -1)}
          size="sm"
          variant="secondary"
          label={`Move question ${index + 1} up`}
          icon={<ArrowUpIcon />}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        />
        <IconButton
          id={ids.move(index, 1)}
          size="sm"
          variant="secondary"
          label={`Move question ${index + 1} down`}
          icon={<ArrowDownIcon />}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        />
        <IconButton
          size="sm"
          variant="danger"
          label={`Remove question ${index + 1}`}
          icon={<TrashIcon />}
          onClick={onRemove}
        />
      </div>
      <TextField
        multiline
        rows={2}
        label="Question"
        value={item.stem}
        onChange={(e) => setItem({ stem: e.target.value })}
      />
      {item.stemLatex && (
        <CarriedMath
          source={item.stemLatex}
          what="the question"
          onRemove={() => setItem({ stemLatex: undefined })}
        />
      )}
      <SkillsEditor base={base} index={index} skills={item.skills} edit={edit} />
      <ol className="authoring-answers" aria-label={`Answers to question ${index + 1}`}>
        {item.options.map((option, o) => {
          const letter = optionLetter(o);
          return (
            <li key={o} className="authoring-answer" id={ids.option(index, o)}>
              <TextField
                label={`Answer ${letter}`}
                value={option.text}
                onChange={(e) => edit((d) => updateOption(d, index, o, { text: e.target.value }))}
              />
              {option.correct ? (
                <Badge tone="success" className="authoring-answer__correct">
                  Correct answer
                </Badge>
              ) : (
                <SelectField
                  label={`Misconception in answer ${letter}`}
                  value={option.misconception ?? ''}
                  onChange={(e) =>
                    edit((d) =>
                      updateOption(d, index, o, {
                        misconception: e.target.value === '' ? null : Number(e.target.value),
                      }),
                    )
                  }
                >
                  <option value="">Choose…</option>
                  {misconceptions.map((m, i) => (
                    <option key={i} value={i}>
                      {m.name.trim() || `Misconception ${i + 1} (no name yet)`}
                    </option>
                  ))}
                </SelectField>
              )}
              <IconButton
                size="sm"
                variant="secondary"
                label={`Remove answer ${letter} of question ${index + 1}`}
                icon={<XIcon />}
                disabled={item.options.length <= MIN_OPTIONS}
                onClick={() => edit((d) => removeOption(d, index, o))}
              />
              {option.latex && (
                <CarriedMath
                  source={option.latex}
                  what={`answer ${letter}`}
                  onRemove={() => edit((d) => updateOption(d, index, o, { latex: undefined }))}
                />
              )}
            </li>
          );
        })}
      </ol>
      <div className="authoring-question__footer">
        <RadioGroup
          label="Correct answer"
          value={correct === -1 ? null : String(correct)}
          onValueChange={(v) => edit((d) => chooseCorrect(d, index, Number(v)))}
          options={item.options.map((_, o) => ({ value: String(o), label: optionLetter(o) }))}
        />
        <Button
          disabled={item.options.length >= MAX_OPTIONS}
          onClick={() => edit((d) => addOption(d, index))}
        >
          Add an answer
        </Button>
      </div>
    </fieldset>
  );
}

/** Math that came with a bank written as JSON: shown as its source, kept unless the teacher removes it. */
function CarriedMath({ source, what, onRemove }: { source: string; what: string; onRemove: () => void }) {
  return (
    <p className="authoring-math">
      <span>
        Students also see math with {what}: <code>{source}</code>
      </span>
      <Button size="sm" variant="ghost" onClick={onRemove}>
        Remove the math from {what}
      </Button>
    </p>
  );
}
