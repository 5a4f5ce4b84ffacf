import { useEffect, useState } from 'react';
import { addSkill, MAX_ITEM_SKILLS, removeSkill, updateSkill } from '@conjecture/shared';
import { authoringIds, type DraftEdit } from './authoringIds.js';
import { Button } from '../ui/Button.js';
import { IconButton } from '../ui/IconButton.js';
import { TextField } from '../ui/TextField.js';
import { announce } from '../ui/liveRegion.js';
import { XIcon } from '../ui/icons.js';

/**
 * The skills one question checks, by name: usually one, a few when a question needs more than one skill to
 * answer. A question always shows one field, so a question left with no skill still asks for it.
 */
export function SkillsEditor({
  base,
  index,
  skills,
  edit,
}: {
  base: string;
  index: number;
  skills: string[];
  edit: (change: DraftEdit) => void;
}) {
  const ids = authoringIds(base);
  const labelId = `${ids.item(index)}-skills`;
  const hintId = `${labelId}-hint`;
  const shown = skills.length > 0 ? skills : [''];
  // after an add or a removal the focus goes to a field that exists only once the draft is re-rendered
  const [focusNext, setFocusNext] = useState<string | null>(null);
  useEffect(() => {
    if (focusNext === null) return;
    document.getElementById(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const add = () => {
    edit((d) => addSkill(d, index));
    setFocusNext(ids.skill(index, shown.length));
  };
  const remove = (skill: number) => {
    edit((d) => removeSkill(d, index, skill));
    setFocusNext(ids.skill(index, Math.min(skill, shown.length - 2)));
    announce(`Skill ${skill + 1} of question ${index + 1} removed`);
  };

  return (
    <div className="authoring-skills" role="group" aria-labelledby={labelId} aria-describedby={hintId}>
      <span id={labelId} className="ui-label">
        Skills it checks
      </span>
      <ol className="authoring-skills__list">
        {shown.map((name, s) => (
          <li key={s} className="authoring-skill">
            <TextField
              id={ids.skill(index, s)}
              label={`Skill ${s + 1}`}
              hideLabel
              value={name}
              onChange={(e) => edit((d) => updateSkill(d, index, s, e.target.value))}
            />
            {/* one skill is the least a question checks: its field has nothing to remove */}
            {shown.length > 1 && (
              <IconButton
                size="sm"
                variant="secondary"
                label={`Remove skill ${s + 1} of question ${index + 1}`}
                icon={<XIcon />}
                onClick={() => remove(s)}
              />
            )}
          </li>
        ))}
      </ol>
      <p id={hintId} className="ui-hint">
        Questions with the same skill name count towards the same skill, e.g. “Comparing fractions”. Up to{' '}
        {MAX_ITEM_SKILLS} skills a question.
      </p>
      <Button id={ids.addSkill(index)} disabled={skills.length >= MAX_ITEM_SKILLS} onClick={add}>
        Add another skill
      </Button>
    </div>
  );
}
