// The diagnostic item bank format (JSON files validated by these schemas) and its cross-field checks.
// Every wrong option names the misconception it reveals; that is what turns answers into profiles.
import { z } from 'zod';
import { isolated, writtenText } from '../../protocol/readableText.js';
import { lazySchema } from '../../lazySchema.js';

export const MAX_ITEMS = 30;
export const MAX_TEXT_CHARS = 1_000;
/** Answers a question may offer. */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;
/** Skills one question checks: beyond a few, an answer says too little about each of them. */
export const MAX_ITEM_SKILLS = 5;

const IdSchema = lazySchema(() =>
  z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
);
const TextSchema = lazySchema(() => writtenText().min(1).max(MAX_TEXT_CHARS));

export const SkillSchema = lazySchema(() => z.object({ id: IdSchema, name: TextSchema }).strict());

export const MisconceptionSchema = lazySchema(() =>
  z
    .object({
      id: IdSchema,
      /** Teacher-facing short name. Never shown to students. */
      name: TextSchema,
      /** Teacher-facing: what the student is likely thinking and what it looks like. */
      description: TextSchema,
      /** Student-facing next step, worded as something to try — no label, no blame. */
      nextStep: TextSchema,
    })
    .strict(),
);

export const OptionSchema = lazySchema(() =>
  z
    .object({
      id: IdSchema,
      text: TextSchema,
      latex: TextSchema.optional(),
      /** Exactly one option per item is correct; every other option names a misconception. */
      correct: z.literal(true).optional(),
      misconception: IdSchema.optional(),
    })
    .strict(),
);

export const ItemSchema = lazySchema(() =>
  z
    .object({
      id: IdSchema,
      stem: TextSchema,
      stemLatex: TextSchema.optional(),
      skills: z.array(IdSchema).min(1),
      options: z.array(OptionSchema).min(MIN_OPTIONS).max(MAX_OPTIONS),
    })
    .strict(),
);

export const ItemBankSchema = lazySchema(() =>
  z
    .object({
      id: IdSchema,
      title: TextSchema,
      description: TextSchema.optional(),
      skills: z.array(SkillSchema).min(1),
      misconceptions: z.array(MisconceptionSchema),
      items: z.array(ItemSchema).min(1).max(MAX_ITEMS),
    })
    .strict(),
);

export type Skill = z.infer<typeof SkillSchema>;
export type Misconception = z.infer<typeof MisconceptionSchema>;
export type ItemOption = z.infer<typeof OptionSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type ItemBank = z.infer<typeof ItemBankSchema>;

export type ParsedItemBank = { ok: true; bank: ItemBank } | { ok: false; errors: string[] };

/** `items[3].options[2].misconception` */
function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('') ||
    'bank'
  );
}

function duplicates<T extends { id: string }>(list: readonly T[], where: string, errors: string[]): void {
  const first = new Map<string, number>();
  list.forEach((entry, i) => {
    const at = first.get(entry.id);
    if (at === undefined) first.set(entry.id, i);
    else errors.push(`${where}[${i}].id: duplicate id "${entry.id}" (also ${where}[${at}])`);
  });
}

/**
 * A misconception's name as a teacher reads it: case and extra spaces do not make another name. Two names
 * alike would leave the teacher unable to tell whose evidence is whose.
 */
export const misconceptionNameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

function duplicateNames(misconceptions: readonly Misconception[], errors: string[]): void {
  const first = new Map<string, number>();
  misconceptions.forEach((m, i) => {
    const key = misconceptionNameKey(m.name);
    const at = first.get(key);
    if (at === undefined) first.set(key, i);
    else
      errors.push(
        `misconceptions[${i}].name: duplicate name "${isolated(m.name)}" (also misconceptions[${at}]); ` +
          'give each misconception its own name, or its evidence cannot be told apart',
      );
  });
}

/**
 * Checks that need more than one field: ids and misconception names unique, an item's skills listed once,
 * references resolve, one correct option, reachability.
 */
function crossCheck(bank: ItemBank): string[] {
  const errors: string[] = [];
  duplicates(bank.skills, 'skills', errors);
  duplicates(bank.misconceptions, 'misconceptions', errors);
  duplicateNames(bank.misconceptions, errors);
  duplicates(bank.items, 'items', errors);
  const skillIds = new Set(bank.skills.map((s) => s.id));
  const misconceptionIds = new Set(bank.misconceptions.map((m) => m.id));
  const probed = new Set<string>();
  const reached = new Set<string>();
  bank.items.forEach((item, i) => {
    duplicates(item.options, `items[${i}].options`, errors);
    // Checked on a bank given, not in the schema that also reads banks stored before the bound.
    if (item.skills.length > MAX_ITEM_SKILLS)
      errors.push(`items[${i}].skills: at most ${MAX_ITEM_SKILLS} skills, has ${item.skills.length}`);
    item.skills.forEach((skill, s) => {
      const at = item.skills.indexOf(skill);
      // the same skill twice would count the question twice towards it
      if (at < s) errors.push(`items[${i}].skills[${s}]: "${skill}" is listed twice (also skills[${at}])`);
      if (!skillIds.has(skill)) errors.push(`items[${i}].skills[${s}]: unknown skill "${skill}"`);
      probed.add(skill);
    });
    const correct = item.options.filter((o) => o.correct === true).length;
    if (correct !== 1) errors.push(`items[${i}].options: needs exactly one correct option, has ${correct}`);
    item.options.forEach((option, o) => {
      const at = `items[${i}].options[${o}]`;
      if (option.correct === true && option.misconception !== undefined) {
        errors.push(`${at}.misconception: a correct option cannot also name a misconception`);
      } else if (option.correct !== true && option.misconception === undefined) {
        errors.push(`${at}.misconception: a wrong option must name the misconception it reveals`);
      } else if (option.misconception !== undefined) {
        if (!misconceptionIds.has(option.misconception)) {
          errors.push(`${at}.misconception: unknown misconception "${option.misconception}"`);
        }
        reached.add(option.misconception);
      }
    });
  });
  bank.misconceptions.forEach((m, i) => {
    if (!reached.has(m.id))
      errors.push(`misconceptions[${i}]: "${m.id}" is not reachable from any item's options`);
  });
  bank.skills.forEach((s, i) => {
    if (!probed.has(s.id)) errors.push(`skills[${i}]: "${s.id}" is not probed by any item`);
  });
  return errors;
}

/** A bank pasted or uploaded by a teacher: the bank, or every error pointing at its item and field. */
export function parseItemBank(raw: unknown): ParsedItemBank {
  const parsed = ItemBankSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    };
  }
  const errors = crossCheck(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, bank: parsed.data };
}

/** Each misconception → the ids of the items through which a student can reveal it. */
export function itemsRevealing(bank: ItemBank): Map<string, string[]> {
  const map = new Map<string, string[]>(bank.misconceptions.map((m) => [m.id, []]));
  for (const item of bank.items) {
    const seen = new Set(item.options.flatMap((o) => (o.misconception ? [o.misconception] : [])));
    for (const m of seen) map.get(m)?.push(item.id);
  }
  return map;
}
