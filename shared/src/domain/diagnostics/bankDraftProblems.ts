// What stops a written diagnostic from being used, in the teacher's words and pointing at the place in the
// form. The list is empty exactly when `bankFromDraft` gives a bank `parseItemBank` accepts, with the form's
// 4–8 questions (PRODUCT.md step 3; a pasted bank keeps the parser's 1–30).
import { isBlankText, optionLetter, skillKey, type BankDraft, type DraftItem } from './bankDraft.js';
import {
  MAX_ITEM_SKILLS,
  MAX_OPTIONS,
  MAX_TEXT_CHARS,
  MIN_OPTIONS,
  misconceptionNameKey,
} from './itemBank.js';
import { isolated } from '../../protocol/readableText.js';

export const DRAFT_MIN_ITEMS = 4;
export const DRAFT_MAX_ITEMS = 8;

/**
 * Where a problem is, so the form can show it beside the field. `option` is an index into the item's answers,
 * `skill` into its skills.
 */
export type DraftPlace =
  | { part: 'title' }
  | { part: 'description' }
  | { part: 'items' }
  | { part: 'misconceptions' }
  | { part: 'misconception'; index: number }
  | { part: 'item'; index: number; option?: number; skill?: number };

export interface DraftProblem {
  place: DraftPlace;
  message: string;
}

type AddProblem = (place: DraftPlace, message: string) => void;

const tooLong = (text: string | undefined) => (text ?? '').trim().length > MAX_TEXT_CHARS;
const LONG = `is longer than ${MAX_TEXT_CHARS} characters`;

/** A question's skills: each named, none twice (it would count twice), no more than the bank allows. */
function skillProblems(item: DraftItem, index: number, add: AddProblem): void {
  const question = `Question ${index + 1}`;
  const { skills } = item;
  if (skills.length === 0) add({ part: 'item', index }, `${question}: name the skill it checks`);
  if (skills.length > MAX_ITEM_SKILLS)
    add(
      { part: 'item', index, skill: MAX_ITEM_SKILLS },
      `${question} checks ${skills.length} skills: keep at most ${MAX_ITEM_SKILLS}`,
    );
  const firstNamed = new Map<string, number>(); // a name's key → the first skill with it
  skills.forEach((name, s) => {
    const place = { part: 'item', index, skill: s } as const;
    const only = skills.length === 1;
    const sameAs = firstNamed.get(skillKey(name));
    if (isBlankText(name))
      add(
        place,
        only ? `${question}: name the skill it checks` : `${question}: name skill ${s + 1}, or remove it`,
      );
    else if (tooLong(name))
      add(
        place,
        only ? `${question}: the skill's name ${LONG}` : `${question}: the name of skill ${s + 1} ${LONG}`,
      );
    else if (sameAs !== undefined)
      add(place, `${question}: skill ${s + 1} is the same as skill ${sameAs + 1}: remove it or name another`);
    else firstNamed.set(skillKey(name), s);
  });
}

export function draftProblems(draft: BankDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const add: AddProblem = (place, message) => problems.push({ place, message });

  if (isBlankText(draft.title)) add({ part: 'title' }, 'Give the diagnostic a title');
  else if (tooLong(draft.title)) add({ part: 'title' }, `The title ${LONG}`);
  if (tooLong(draft.description)) add({ part: 'description' }, `The description ${LONG}`);

  if (draft.misconceptions.length === 0)
    add({ part: 'misconceptions' }, 'Add a misconception: each wrong answer names the one it shows');
  const used = new Set(
    draft.items.flatMap((item) => item.options.flatMap((o) => (o.correct ? [] : [o.misconception]))),
  );
  const firstNamed = new Map<string, number>(); // a name's key → the first misconception with it
  draft.misconceptions.forEach((m, i) => {
    const place = { part: 'misconception', index: i } as const;
    const called = isBlankText(m.name)
      ? `Misconception ${i + 1}`
      : `Misconception “${isolated(m.name.trim())}”`;
    const nameKey = misconceptionNameKey(m.name);
    const sameAs = firstNamed.get(nameKey); // never a blank name's: those are not kept
    if (isBlankText(m.name)) add(place, `${called}: give it a name`);
    else if (tooLong(m.name)) add(place, `${called}: its name ${LONG}`);
    else if (sameAs !== undefined)
      add(place, `${called} has the same name as misconception ${sameAs + 1}: give each its own name`);
    else firstNamed.set(nameKey, i);
    if (isBlankText(m.description)) add(place, `${called}: say what the student is likely thinking`);
    else if (tooLong(m.description)) add(place, `${called}: what the student is thinking ${LONG}`);
    if (isBlankText(m.nextStep)) add(place, `${called}: write a next step for the student`);
    else if (tooLong(m.nextStep)) add(place, `${called}: the next step ${LONG}`);
    if (!used.has(i)) add(place, `${called} is not used by any answer`);
  });

  const count = draft.items.length;
  if (count < DRAFT_MIN_ITEMS || count > DRAFT_MAX_ITEMS)
    add(
      { part: 'items' },
      `A diagnostic has ${DRAFT_MIN_ITEMS} to ${DRAFT_MAX_ITEMS} questions; this one has ${count}`,
    );

  draft.items.forEach((item, i) => {
    const place = { part: 'item', index: i } as const;
    const question = `Question ${i + 1}`;
    if (isBlankText(item.stem)) add(place, `${question}: write the question`);
    else if (tooLong(item.stem)) add(place, `${question} ${LONG}`);
    if (tooLong(item.stemLatex)) add(place, `${question}: its math ${LONG}`);
    skillProblems(item, i, add);
    if (item.options.length < MIN_OPTIONS) add(place, `${question}: give at least ${MIN_OPTIONS} answers`);
    if (item.options.length > MAX_OPTIONS) add(place, `${question}: give at most ${MAX_OPTIONS} answers`);
    const correct = item.options.filter((o) => o.correct).length;
    if (correct === 0) add(place, `${question}: choose the correct answer`);
    if (correct > 1) add(place, `${question}: only one answer can be correct`);
    item.options.forEach((option, o) => {
      const at = { ...place, option: o };
      const answer = `${question}, answer ${optionLetter(o)}`;
      if (isBlankText(option.text)) add(at, `${answer}: write the answer`);
      else if (tooLong(option.text)) add(at, `${answer} ${LONG}`);
      if (tooLong(option.latex)) add(at, `${answer}: its math ${LONG}`);
      const named = option.misconception !== null && draft.misconceptions[option.misconception] !== undefined;
      if (!option.correct && !named) add(at, `${answer}: say which misconception it shows`);
    });
  });

  return problems;
}
