// The form's edits as pure functions of the draft: each returns a new draft and leaves the old one alone.
// The one with an invariant to keep is removing a misconception: answers point at misconceptions by index.
import {
  emptyItem,
  emptyMisconception,
  emptyOption,
  type BankDraft,
  type DraftItem,
  type DraftMisconception,
  type DraftOption,
} from './bankDraft.js';

const replaceAt = <T>(list: readonly T[], index: number, next: T): T[] =>
  list.map((entry, i) => (i === index ? next : entry));

const withItem = (draft: BankDraft, index: number, edit: (item: DraftItem) => DraftItem): BankDraft => {
  const item = draft.items[index];
  return item ? { ...draft, items: replaceAt(draft.items, index, edit(item)) } : draft;
};

export const addMisconception = (draft: BankDraft): BankDraft => ({
  ...draft,
  misconceptions: [...draft.misconceptions, emptyMisconception()],
});

export const updateMisconception = (
  draft: BankDraft,
  index: number,
  change: Partial<DraftMisconception>,
): BankDraft => {
  const m = draft.misconceptions[index];
  return m
    ? { ...draft, misconceptions: replaceAt(draft.misconceptions, index, { ...m, ...change }) }
    : draft;
};

/** Answers that named the removed misconception name none; those naming a later one follow it down. */
export function removeMisconception(draft: BankDraft, index: number): BankDraft {
  const renumber = (at: number | null): number | null =>
    at === null || at === index ? null : at > index ? at - 1 : at;
  return {
    ...draft,
    misconceptions: draft.misconceptions.filter((_, i) => i !== index),
    items: draft.items.map((item) => ({
      ...item,
      options: item.options.map((o) => ({ ...o, misconception: renumber(o.misconception) })),
    })),
  };
}

export const addItem = (draft: BankDraft): BankDraft => ({ ...draft, items: [...draft.items, emptyItem()] });

export const removeItem = (draft: BankDraft, index: number): BankDraft => ({
  ...draft,
  items: draft.items.filter((_, i) => i !== index),
});

/** Swaps the item with its neighbour (`by` −1: up, +1: down); at either end nothing moves. */
export function moveItem(draft: BankDraft, index: number, by: -1 | 1): BankDraft {
  const to = index + by;
  const item = draft.items[index];
  const other = draft.items[to];
  if (!item || !other) return draft;
  const items = [...draft.items];
  items[index] = other;
  items[to] = item;
  return { ...draft, items };
}

export const updateItem = (
  draft: BankDraft,
  index: number,
  change: Partial<Omit<DraftItem, 'options'>>,
): BankDraft => withItem(draft, index, (item) => ({ ...item, ...change }));

export const addSkill = (draft: BankDraft, item: number): BankDraft =>
  withItem(draft, item, (it) => ({ ...it, skills: [...it.skills, ''] }));

/** Renames one skill of a question; the one just past the end is added (a question left with no skills). */
export const updateSkill = (draft: BankDraft, item: number, skill: number, name: string): BankDraft =>
  withItem(draft, item, (it) =>
    skill > it.skills.length
      ? it
      : { ...it, skills: [...it.skills.slice(0, skill), name, ...it.skills.slice(skill + 1)] },
  );

export const removeSkill = (draft: BankDraft, item: number, skill: number): BankDraft =>
  withItem(draft, item, (it) => ({ ...it, skills: it.skills.filter((_, i) => i !== skill) }));

export const addOption = (draft: BankDraft, item: number): BankDraft =>
  withItem(draft, item, (it) => ({ ...it, options: [...it.options, emptyOption()] }));

export const removeOption = (draft: BankDraft, item: number, option: number): BankDraft =>
  withItem(draft, item, (it) => ({ ...it, options: it.options.filter((_, i) => i !== option) }));

export const updateOption = (
  draft: BankDraft,
  item: number,
  option: number,
  change: Partial<Omit<DraftOption, 'correct'>>,
): BankDraft =>
  withItem(draft, item, (it) => ({
    ...it,
    options: it.options.map((o, i) => (i === option ? { ...o, ...change } : o)),
  }));

/**
 * Makes one answer the correct one and the others wrong. A misconception already chosen for the answer is
 * kept (and ignored while it is correct), so changing one's mind about the correct answer loses nothing.
 */
export const chooseCorrect = (draft: BankDraft, item: number, option: number): BankDraft =>
  withItem(draft, item, (it) => ({
    ...it,
    options: it.options.map((o, i) => ({ ...o, correct: i === option })),
  }));
