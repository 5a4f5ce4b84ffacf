// Grouping students from feature vectors given as they are (no standardising, no weighting): the contract
// behind `pnpm group`, and the core that profile-based grouping builds on.
import { z } from 'zod';
import type { ConstraintConflict, Pair } from './constraints.js';
import { distanceMatrix } from './distance.js';
import { runEngine, searchStyle, type EngineInput } from './engine.js';
import type { SearchBudget } from './search.js';
import { lazySchema } from '../../lazySchema.js';

/** Beyond this the N×N matrices (8 bytes × N²) stop being "fine": 2,000 students is 32 MB each. */
export const MAX_STUDENTS = 2_000;
export const DEFAULT_GROUP_SIZE = 4;
export const DEFAULT_SEED = 1;

export const FeatureModeSchema = lazySchema(() => z.enum(['mix', 'similar', 'random']));
export type FeatureMode = z.infer<typeof FeatureModeSchema>;

const IdPairSchema = lazySchema(() => z.tuple([z.string().min(1), z.string().min(1)]));

export const FeatureGroupingInputSchema = lazySchema(() =>
  z.object({
    mode: FeatureModeSchema.default('mix'),
    groupSize: z.number().int().min(1).default(DEFAULT_GROUP_SIZE),
    seed: z.number().int().default(DEFAULT_SEED),
    students: z
      .array(z.object({ id: z.string().min(1), features: z.array(z.number()).optional() }))
      .max(MAX_STUDENTS),
    keepApart: z.array(IdPairSchema).default([]),
    keepTogether: z.array(IdPairSchema).default([]),
  }),
);
export type FeatureGroupingInput = z.infer<typeof FeatureGroupingInputSchema>;

export interface FeatureGroupingResult {
  /** Ids sorted within each group; groups sorted by their first id. */
  groups: string[][];
  /** Sum over groups of the within-group pairwise Euclidean distances. */
  objective: number;
}

export type FeatureGroupingOutcome =
  | { ok: true; value: FeatureGroupingResult }
  | { ok: false; kind: 'invalid'; errors: string[] }
  | { ok: false; kind: 'infeasible'; errors: string[]; conflicts: ConstraintConflict[] };

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function formatPath(path: readonly PropertyKey[]): string {
  return (
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('') ||
    'input'
  );
}

/** Errors the schema cannot see: duplicate ids, unknown ids in constraints, inconsistent feature lengths. */
function crossCheck(input: FeatureGroupingInput, index: Map<string, number>): string[] {
  const errors: string[] = [];
  const seen = new Map<string, number>();
  input.students.forEach((s, i) => {
    const first = seen.get(s.id);
    if (first !== undefined)
      errors.push(`students[${i}].id: duplicate id "${s.id}" (also students[${first}])`);
    else seen.set(s.id, i);
  });
  const withFeatures = input.students.findIndex((s) => s.features !== undefined);
  if (withFeatures >= 0) {
    const length = input.students[withFeatures]?.features?.length ?? 0;
    input.students.forEach((s, i) => {
      if (s.features === undefined)
        errors.push(`students[${i}].features: missing, while students[${withFeatures}] has features`);
      else if (s.features.length !== length)
        errors.push(
          `students[${i}].features: has ${s.features.length} values, but students[${withFeatures}].features has ${length}`,
        );
    });
  }
  for (const key of ['keepApart', 'keepTogether'] as const) {
    input[key].forEach((pair, p) => {
      pair.forEach((id, side) => {
        if (!index.has(id)) errors.push(`${key}[${p}][${side}]: unknown student id "${id}"`);
      });
      if (key === 'keepApart' && pair[0] === pair[1])
        errors.push(`keepApart[${p}]: asks "${pair[0]}" to be kept apart from themself`);
    });
  }
  return errors;
}

export function groupByFeatures(raw: unknown, budget?: Partial<SearchBudget>): FeatureGroupingOutcome {
  const parsed = FeatureGroupingInputSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      kind: 'invalid',
      errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    };
  }
  const input = parsed.data;
  const index = new Map(input.students.map((s, i) => [s.id, i] as const));
  const errors = crossCheck(input, index);
  if (errors.length > 0) return { ok: false, kind: 'invalid', errors };

  const ids = input.students.map((s) => s.id);
  const distances = distanceMatrix(input.students.map((s) => s.features ?? []));
  const toPairs = (pairs: readonly (readonly [string, string])[]): Pair[] =>
    pairs.map(([a, b]) => [index.get(a) as number, index.get(b) as number]);
  const engineInput: EngineInput = {
    ids,
    distances,
    score: input.mode === 'similar' ? distances.map((d) => -d) : distances,
    groupSize: input.groupSize,
    seed: input.seed,
    keepApart: toPairs(input.keepApart),
    keepTogether: toPairs(input.keepTogether).filter(([a, b]) => a !== b),
    randomOnly: input.mode === 'random',
    budget: { ...searchStyle(input.mode === 'similar'), ...budget },
  };
  const result = runEngine(engineInput);
  if (!result.ok) {
    return {
      ok: false,
      kind: 'infeasible',
      errors: result.conflicts.map((c) => c.message),
      conflicts: result.conflicts,
    };
  }
  const groups = result.groups
    .map((g) => g.map((i) => ids[i] as string).sort(byCodeUnits))
    .sort((a, b) => byCodeUnits(a[0] as string, b[0] as string));
  return { ok: true, value: { groups, objective: result.objective } };
}
