// A student's diagnostic profile as the teacher reads it: every skill with its score, every misconception the
// student showed with the items that evidence it, and their confidence, in words as well as numbers. Pure.
import { z } from 'zod';
import type { ItemBank } from './itemBank.js';
import { heldMisconceptions, type DiagnosticProfile } from './profile.js';
import { STRENGTH_THRESHOLD } from './summary.js';
import { lazySchema } from '../../lazySchema.js';
import { isolated } from '../../protocol/readableText.js';

export const PortraitSchema = lazySchema(() =>
  z.object({
    skills: z.array(
      z.object({ id: z.string(), name: z.string(), score: z.number().nullable(), strength: z.boolean() }),
    ),
    misconceptions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        chosen: z.number(),
        opportunities: z.number(),
        /** "Item 2", "Item 5": where in the diagnostic the student chose an answer revealing it. */
        items: z.array(z.string()),
      }),
    ),
    /** Mean 1–4 rating, and what it means ("fairly sure"). */
    confidence: z.number().nullable(),
    confidenceLabel: z.string(),
    /** One line for a table cell or a proposal: misconceptions first, then strengths, then confidence. */
    line: z.string(),
  }),
);
export type Portrait = z.infer<typeof PortraitSchema>;

const CONFIDENCE_WORDS = [
  [3.5, 'sure'],
  [2.75, 'fairly sure'],
  [2, 'unsure'],
  [0, 'mostly guessing'],
] as const;

export function confidenceWords(mean: number | null): string {
  if (mean === null) return 'no answers yet';
  return CONFIDENCE_WORDS.find(([min]) => mean >= min)?.[1] ?? 'mostly guessing';
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
export const listed = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

/** "Item 3": items are numbered as the students saw them (the bank's order). */
export function itemLabel(bank: ItemBank, itemId: string): string {
  const index = bank.items.findIndex((i) => i.id === itemId);
  return index >= 0 ? `Item ${index + 1}` : itemId;
}

/** "chose “Additive reasoning” answers on 5 of 8 items (Items 1, 2, 4, 6 and 7)" */
export function misconceptionEvidenceText(m: Portrait['misconceptions'][number]): string {
  const where = m.items.length > 0 ? ` (${listed(m.items)})` : '';
  return `chose “${isolated(m.name)}” answers on ${m.chosen} of ${plural(m.opportunities, 'item')}${where}`;
}

export function portrait(bank: ItemBank, profile: DiagnosticProfile): Portrait {
  const skills = bank.skills.map((s) => {
    const score = profile.skillScores[s.id] ?? null;
    return { id: s.id, name: s.name, score, strength: score !== null && score >= STRENGTH_THRESHOLD };
  });
  const misconceptions = heldMisconceptions(profile).flatMap((id) => {
    const m = bank.misconceptions.find((x) => x.id === id);
    const e = profile.misconceptions[id];
    if (!m || !e) return [];
    return [
      {
        id,
        name: m.name,
        chosen: e.chosen,
        opportunities: e.opportunities,
        items: (e.items ?? []).map((itemId) => itemLabel(bank, itemId)),
      },
    ];
  });
  const confidence = profile.meanConfidence;
  const confidenceLabel = confidenceWords(confidence);
  const parts: string[] = [];
  const first = misconceptions[0];
  if (first) {
    const more = misconceptions.length - 1;
    const text = misconceptionEvidenceText(first);
    parts.push(
      `${text.charAt(0).toUpperCase()}${text.slice(1)}${more > 0 ? ` (and ${plural(more, 'other misconception')})` : ''}`,
    );
  }
  const strengths = skills.filter((s) => s.strength);
  if (strengths.length > 0)
    parts.push(`strong in ${listed(strengths.map((s) => `${s.name.toLowerCase()} ${percent(s.score!)}`))}`);
  else if (profile.answered > 0) parts.push('no strength yet');
  if (confidence !== null) parts.push(`confidence ${confidence.toFixed(1)} of 4 (${confidenceLabel})`);
  const line = parts.length > 0 ? `${parts.join('; ')}.` : 'No answers yet.';
  return {
    skills,
    misconceptions,
    confidence,
    confidenceLabel,
    line: line.charAt(0).toUpperCase() + line.slice(1),
  };
}
