// A diagnostic as a teacher writes it in a form: words only, no ids. Answers point at misconceptions by their
// place in the draft, so renaming one never breaks a link; ids are made from the words when the bank is built.
import { z } from 'zod';
import { lazySchema } from '../../lazySchema.js';
import type { ItemBank, ItemOption, Misconception, Skill } from './itemBank.js';

export const DraftMisconceptionSchema = lazySchema(() =>
  z.object({ name: z.string(), description: z.string(), nextStep: z.string() }),
);

export const DraftOptionSchema = lazySchema(() =>
  z.object({
    text: z.string(),
    correct: z.boolean(),
    /** Index into the draft's misconceptions; null until the teacher names one. Ignored on a correct answer. */
    misconception: z.number().int().nonnegative().nullable(),
    /** Math shown after the words, carried over from a bank written as JSON (the form does not write it). */
    latex: z.string().optional(),
  }),
);

/** A question kept in a browser before it had a list of skills (`skill`, `moreSkills`) reads as one with the list. */
function withSkillList(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'skills' in raw || !('skill' in raw)) return raw;
  const { skill, moreSkills, ...rest } = raw as { skill: unknown; moreSkills?: unknown };
  return { ...rest, skills: [skill, ...(Array.isArray(moreSkills) ? moreSkills : [])] };
}

export const DraftItemSchema = lazySchema(() =>
  z.preprocess(
    withSkillList,
    z.object({
      stem: z.string(),
      /**
       * Free text ("Comparing fractions"), one or more; questions with the same skill name probe the same
       * skill. The form always shows at least one field.
       */
      skills: z.array(z.string()),
      options: z.array(DraftOptionSchema),
      /** Math shown under the stem, carried over from a bank written as JSON. */
      stemLatex: z.string().optional(),
    }),
  ),
);

/** What the form edits and what is kept in the browser while the teacher writes. */
export const BankDraftSchema = lazySchema(() =>
  z.object({
    title: z.string(),
    /** What the diagnostic is about, for teachers (absent in drafts kept before the form asked for it). */
    description: z.string().optional(),
    misconceptions: z.array(DraftMisconceptionSchema),
    items: z.array(DraftItemSchema),
  }),
);

export type DraftMisconception = z.infer<typeof DraftMisconceptionSchema>;
export type DraftOption = z.infer<typeof DraftOptionSchema>;
export type DraftItem = z.infer<typeof DraftItemSchema>;
export type BankDraft = z.infer<typeof BankDraftSchema>;

/** Room under IdSchema's 64 characters for a "-12" that makes a slug unique. */
const SLUG_MAX_CHARS = 48;

export const emptyMisconception = (): DraftMisconception => ({ name: '', description: '', nextStep: '' });
export const emptyOption = (): DraftOption => ({ text: '', correct: false, misconception: null });
/** A new question comes with three answers: the correct one and two that each reveal a misconception. */
export const emptyItem = (): DraftItem => ({
  stem: '',
  skills: [''],
  options: [emptyOption(), emptyOption(), emptyOption()],
});

export const emptyDraft = (): BankDraft => ({
  title: '',
  misconceptions: [emptyMisconception()],
  items: [emptyItem()],
});

/** Nothing written (absent, empty or spaces): for the draft's blank checks and its problems. */
export const isBlankText = (text: string | undefined) => (text ?? '').trim() === '';

/** Nothing written yet, whatever the number of empty rows: such a draft is not worth keeping. */
export function isBlankDraft(draft: BankDraft): boolean {
  return (
    isBlankText(draft.title) &&
    isBlankText(draft.description) &&
    draft.misconceptions.every(
      (m) => isBlankText(m.name) && isBlankText(m.description) && isBlankText(m.nextStep),
    ) &&
    draft.items.every(
      (item) =>
        isBlankText(item.stem) &&
        item.skills.every((skill) => isBlankText(skill)) &&
        isBlankText(item.stemLatex) &&
        item.options.every(
          (o) => isBlankText(o.text) && isBlankText(o.latex) && !o.correct && o.misconception === null,
        ),
    )
  );
}

/** "A", "B", … as the form and its problems name an item's answers. */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);

/** Lowercase-dashed words valid for the bank's IdSchema ("Adds across!" → "adds-across"), or the fallback. */
export function slugOf(words: string, fallback: string): string {
  const slug = words
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents dropped: "élève" → "eleve"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, SLUG_MAX_CHARS)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** A slug maker that never hands out the same id twice ("halves", "halves-2", …). */
function uniqueSlugs(): (words: string, fallback: string) => string {
  const taken = new Set<string>();
  return (words, fallback) => {
    const base = slugOf(words, fallback);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}

/** Skill names compared as a teacher would: case and extra spaces do not make a new skill. */
export const skillKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A bank as a form: skills by name, answers pointing at misconceptions by index. Nothing of the bank is lost
 * on its way back (`bankFromDraft`) but its ids, made again from the words.
 */
export function draftFromBank(bank: ItemBank): BankDraft {
  const skillNames = new Map(bank.skills.map((s) => [s.id, s.name]));
  const misconceptionIndex = new Map(bank.misconceptions.map((m, i) => [m.id, i]));
  return {
    title: bank.title,
    ...(bank.description !== undefined && { description: bank.description }),
    misconceptions: bank.misconceptions.map(({ name, description, nextStep }) => ({
      name,
      description,
      nextStep,
    })),
    items: bank.items.map((item) => ({
      stem: item.stem,
      skills: item.skills.map((id) => skillNames.get(id) ?? id),
      ...(item.stemLatex !== undefined && { stemLatex: item.stemLatex }),
      options: item.options.map((o) => ({
        text: o.text,
        correct: o.correct === true,
        misconception:
          o.misconception === undefined ? null : (misconceptionIndex.get(o.misconception) ?? null),
        ...(o.latex !== undefined && { latex: o.latex }),
      })),
    })),
  };
}

/**
 * The item bank a draft describes, ids made from the words. A draft without problems (`draftProblems`) gives
 * a bank `parseItemBank` accepts; any other draft still gives a bank, which the parser then refuses.
 */
export function bankFromDraft(draft: BankDraft): ItemBank {
  const misconceptionId = uniqueSlugs();
  const misconceptions: Misconception[] = draft.misconceptions.map((m) => ({
    id: misconceptionId(m.name, 'misconception'),
    name: m.name.trim(),
    description: m.description.trim(),
    nextStep: m.nextStep.trim(),
  }));

  const skillId = uniqueSlugs();
  const skills = new Map<string, Skill>();
  const skillOf = (name: string): string => {
    const key = skillKey(name);
    let skill = skills.get(key);
    if (!skill) skills.set(key, (skill = { id: skillId(name, 'skill'), name: name.trim() }));
    return skill.id;
  };

  const itemId = uniqueSlugs();
  const items = draft.items.map((item) => ({
    id: itemId(item.stem, 'question'),
    stem: item.stem.trim(),
    ...(!isBlankText(item.stemLatex) && { stemLatex: item.stemLatex!.trim() }),
    // a skill named twice stays twice: the parser refuses it, as `draftProblems` says
    skills: item.skills.map(skillOf),
    options: item.options.map((o, i): ItemOption => {
      const revealed = o.misconception === null ? undefined : misconceptions[o.misconception]?.id;
      return {
        id: optionLetter(i).toLowerCase(),
        text: o.text.trim(),
        ...(!isBlankText(o.latex) && { latex: o.latex!.trim() }),
        ...(o.correct ? { correct: true as const } : revealed !== undefined && { misconception: revealed }),
      };
    }),
  }));

  return {
    id: slugOf(draft.title, 'diagnostic'),
    title: draft.title.trim(),
    ...(!isBlankText(draft.description) && { description: draft.description!.trim() }),
    skills: [...skills.values()],
    misconceptions,
    items,
  };
}
