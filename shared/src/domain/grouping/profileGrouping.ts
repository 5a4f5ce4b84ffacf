// Grouping from diagnostic profiles: features standardised and weighted, the mode's pair scores, the
// teacher's hard constraints and the soft goals (weighted penalties) — then the engine.
import { z } from 'zod';
import { profileFeatures } from '../diagnostics/features.js';
import type { ItemBank } from '../diagnostics/itemBank.js';
import { heldMisconceptions, type DiagnosticProfile } from '../diagnostics/profile.js';
import type { ConstraintConflict, Pair } from './constraints.js';
import { distanceMatrix } from './distance.js';
import { runEngine, searchStyle } from './engine.js';
import type { SearchBudget } from './search.js';
import { lazySchema } from '../../lazySchema.js';

export const GroupingModeSchema = lazySchema(() => z.enum(['mix', 'similar', 'misconception', 'random']));
export type GroupingMode = z.infer<typeof GroupingModeSchema>;

export const SoftGoalsSchema = lazySchema(() =>
  z.object({
    /** Pull each group's mean confidence towards the class mean. */
    balanceConfidence: z.number().min(0).max(10).default(1),
    /** In `mix`, avoid a student being the only one in the group holding a misconception. */
    avoidIsolation: z.number().min(0).max(10).default(1),
    /** Avoid pairs who were together in `previousGroups`. */
    avoidRepeats: z.number().min(0).max(10).default(1),
  }),
);
export type SoftGoals = z.infer<typeof SoftGoalsSchema>;

/** In `misconception` mode sharing a main misconception outweighs any distance: groups form around it first. */
const SHARED_MISCONCEPTION_BONUS = 10;

export interface ProfileGroupingRequest {
  bank: ItemBank;
  students: readonly { id: string; profile: DiagnosticProfile | null }[];
  mode: GroupingMode;
  groupSize: number;
  seed: number;
  weights?: Readonly<Record<string, number>>;
  keepApart?: readonly (readonly [string, string])[];
  keepTogether?: readonly (readonly [string, string])[];
  softGoals?: Partial<SoftGoals>;
  previousGroups?: readonly (readonly string[])[];
  budget?: Partial<SearchBudget>;
}

export type ProfileGroupingResult =
  | { ok: true; groups: string[][]; objective: number; features: number[][]; distances: Float64Array }
  | { ok: false; errors: string[]; conflicts: ConstraintConflict[] };

/** Each student's main misconception as an index into the bank's list, or -1. */
export function mainMisconceptions(
  bank: ItemBank,
  profiles: readonly (DiagnosticProfile | null)[],
): number[] {
  return profiles.map((p) => {
    const first = p ? heldMisconceptions(p)[0] : undefined;
    return first === undefined ? -1 : bank.misconceptions.findIndex((m) => m.id === first);
  });
}

export function groupByProfiles(request: ProfileGroupingRequest): ProfileGroupingResult {
  const { bank, students, mode } = request;
  const goals = SoftGoalsSchema.parse(request.softGoals ?? {});
  const n = students.length;
  const index = new Map(students.map((s, i) => [s.id, i] as const));
  const errors: string[] = [];
  const toPairs = (name: string, pairs: readonly (readonly [string, string])[] = []): Pair[] =>
    pairs.flatMap(([a, b], p) => {
      const ia = index.get(a);
      const ib = index.get(b);
      if (ia === undefined || ib === undefined) {
        errors.push(`${name}[${p}]: unknown student id "${ia === undefined ? a : b}"`);
        return [];
      }
      return [[ia, ib] as const];
    });
  const keepApart = toPairs('keepApart', request.keepApart);
  const keepTogether = toPairs('keepTogether', request.keepTogether);
  if (index.size !== n) errors.push('students: ids must be unique');
  if (errors.length > 0) return { ok: false, errors, conflicts: [] };

  const profiles = students.map((s) => s.profile);
  const features = profileFeatures(bank, profiles, request.weights);
  const distances = distanceMatrix(features);
  let total = 0;
  for (const d of distances) total += d;
  const scale = n > 1 && total > 0 ? total / (n * (n - 1)) : 1; // mean distance: penalties in distance units

  const score = new Float64Array(n * n);
  const main = mainMisconceptions(bank, profiles);
  const confidence = profiles.map((p) => p?.meanConfidence ?? null);
  const known = confidence.filter((c): c is number => c !== null);
  const meanConfidence = known.length > 0 ? known.reduce((s, c) => s + c, 0) / known.length : 0;
  const centred = confidence.map((c) => (c === null ? 0 : c - meanConfidence));
  const before = new Map<string, number>();
  (request.previousGroups ?? []).forEach((g, gi) => g.forEach((id) => before.set(id, gi)));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const d = distances[i * n + j] as number;
      let s = mode === 'similar' ? -d : d;
      if (mode === 'misconception' && main[i] !== -1 && main[i] === main[j])
        s += SHARED_MISCONCEPTION_BONUS * scale;
      // Σ over groups of (Σ centred confidence)² expands into these pair terms: penalising them balances groups.
      s -= goals.balanceConfidence * scale * (centred[i] as number) * (centred[j] as number);
      const gi = before.get(students[i]?.id ?? '');
      if (gi !== undefined && gi === before.get(students[j]?.id ?? '')) s -= goals.avoidRepeats * scale;
      score[i * n + j] = s;
    }
  }
  const isolation =
    mode === 'mix' && goals.avoidIsolation > 0
      ? {
          labels: profiles.map((p) =>
            p ? heldMisconceptions(p).map((id) => bank.misconceptions.findIndex((m) => m.id === id)) : [],
          ),
          labelCount: bank.misconceptions.length,
          weight: goals.avoidIsolation * scale,
        }
      : undefined;
  const result = runEngine({
    ids: students.map((s) => s.id),
    distances,
    score,
    groupSize: request.groupSize,
    seed: request.seed,
    keepApart,
    keepTogether,
    isolation,
    randomOnly: mode === 'random',
    budget: { ...searchStyle(mode === 'similar'), ...request.budget },
  });
  if (!result.ok)
    return { ok: false, errors: result.conflicts.map((c) => c.message), conflicts: result.conflicts };
  const groups = result.groups.map((g) => g.map((i) => students[i]?.id as string));
  return { ok: true, groups, objective: result.objective, features, distances };
}
