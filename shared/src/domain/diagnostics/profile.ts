// Diagnostic answers → a student's profile: a score per skill, the evidence for each misconception, and
// mean confidence. Pure; the answers come in as data.
import { z } from 'zod';
import type { ItemBank } from './itemBank.js';
import { lazySchema } from '../../lazySchema.js';

export const CONFIDENCE_MIN = 1;
export const CONFIDENCE_MAX = 4;

export const DiagnosticResponseSchema = lazySchema(() =>
  z.object({
    itemId: z.string().min(1),
    optionId: z.string().min(1),
    /** 1 = guessing … 4 = sure. */
    confidence: z.number().int().min(CONFIDENCE_MIN).max(CONFIDENCE_MAX),
  }),
);
export type DiagnosticResponse = z.infer<typeof DiagnosticResponseSchema>;

export interface MisconceptionEvidence {
  /** Items answered with an option revealing this misconception. */
  chosen: number;
  /** Items answered on which the misconception could have been revealed. */
  opportunities: number;
  /** chosen / opportunities, 0 when there was no opportunity. */
  share: number;
  /** The items (ids, in the order answered) on which the student chose an option revealing it. */
  items: string[];
}

export interface DiagnosticProfile {
  /** Fraction correct among answered items probing the skill; null when none was answered. */
  skillScores: Record<string, number | null>;
  misconceptions: Record<string, MisconceptionEvidence>;
  /** Mean of the 1–4 ratings; null when nothing was answered. */
  meanConfidence: number | null;
  answered: number;
  /** Responses ignored because their item or option is not in the bank (or the item was answered twice). */
  ignored: number;
}

/** The wire form of a profile (the teacher's class table); annotated so a drift from the type is a compile error. */
export const DiagnosticProfileSchema: z.ZodType<DiagnosticProfile> = lazySchema(() =>
  z.object({
    skillScores: z.record(z.string(), z.number().nullable()),
    misconceptions: z.record(
      z.string(),
      // `items` was added later: a profile stored before it reads as evidence without named items.
      z.object({
        chosen: z.number(),
        opportunities: z.number(),
        share: z.number(),
        items: z.array(z.string()).default([]),
      }),
    ),
    meanConfidence: z.number().nullable(),
    answered: z.number(),
    ignored: z.number(),
  }),
);

export function scoreDiagnostic(bank: ItemBank, responses: readonly DiagnosticResponse[]): DiagnosticProfile {
  const items = new Map(bank.items.map((item) => [item.id, item]));
  const correct = new Map(bank.skills.map((s) => [s.id, 0]));
  const attempted = new Map(bank.skills.map((s) => [s.id, 0]));
  const misconceptions: Record<string, MisconceptionEvidence> = {};
  for (const m of bank.misconceptions)
    misconceptions[m.id] = { chosen: 0, opportunities: 0, share: 0, items: [] };
  const seen = new Set<string>();
  let confidenceSum = 0;
  let ignored = 0;
  for (const response of responses) {
    const item = items.get(response.itemId);
    const option = item?.options.find((o) => o.id === response.optionId);
    if (!item || !option || seen.has(item.id)) {
      ignored++;
      continue;
    }
    seen.add(item.id);
    confidenceSum += response.confidence;
    for (const skill of item.skills) {
      attempted.set(skill, (attempted.get(skill) ?? 0) + 1);
      if (option.correct === true) correct.set(skill, (correct.get(skill) ?? 0) + 1);
    }
    const reachable = new Set(item.options.flatMap((o) => (o.misconception ? [o.misconception] : [])));
    for (const m of reachable) {
      const evidence = misconceptions[m];
      if (!evidence) continue;
      evidence.opportunities++;
      if (option.misconception === m) {
        evidence.chosen++;
        evidence.items.push(item.id);
      }
    }
  }
  for (const evidence of Object.values(misconceptions)) {
    evidence.share = evidence.opportunities > 0 ? evidence.chosen / evidence.opportunities : 0;
  }
  const skillScores: Record<string, number | null> = {};
  for (const s of bank.skills) {
    const n = attempted.get(s.id) ?? 0;
    skillScores[s.id] = n > 0 ? (correct.get(s.id) ?? 0) / n : null;
  }
  return {
    skillScores,
    misconceptions,
    meanConfidence: seen.size > 0 ? confidenceSum / seen.size : null,
    answered: seen.size,
    ignored,
  };
}

/** Misconceptions the student chose at least `minChosen` times, strongest evidence first. */
export function heldMisconceptions(profile: DiagnosticProfile, minChosen = 1): string[] {
  return Object.entries(profile.misconceptions)
    .filter(([, e]) => e.chosen >= minChosen)
    .sort(([a, x], [b, y]) => y.chosen - x.chosen || y.share - x.share || (a < b ? -1 : 1))
    .map(([id]) => id);
}
