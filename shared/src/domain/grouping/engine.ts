// The grouping engine: hard constraints → a feasible start → iterated local search on pair scores.
// Pure and deterministic for a given seed; bounded by evaluation budgets, never by wall-clock time.
import {
  buildStructure,
  describeAll,
  namePairs,
  structuralConflicts,
  unitConflicts,
  type ConstraintConflict,
  type Pair,
} from './constraints.js';
import { withinGroupSum } from './distance.js';
import { constructFeasible, type Construction } from './feasible.js';
import { createRng } from './prng.js';
import { iteratedLocalSearch, type SearchBudget } from './search.js';
import { groupSizing } from './sizes.js';
import type { IsolationTerm } from './state.js';

export interface EngineInput {
  ids: readonly string[];
  /** N×N distances; the reported objective is their sum within groups. */
  distances: Float64Array;
  /** N×N pair scores the search maximises (for `mix` the distances, for `similar` their negation, …). */
  score: Float64Array;
  groupSize: number;
  seed: number;
  keepApart: readonly Pair[];
  keepTogether: readonly Pair[];
  isolation?: IsolationTerm | undefined;
  /** Skip the search: a seeded random grouping that meets the hard constraints. */
  randomOnly?: boolean;

  budget?: Partial<SearchBudget>;
}

export type EngineResult =
  { ok: true; groups: number[][]; objective: number } | { ok: false; conflicts: ConstraintConflict[] };

/** On 300 students one long iterated local search beat several short ones (bench/grouping). */
export const DEFAULT_RESTARTS = 1;
/**
 * Kick size for maximising spread (`mix`): its landscape is flat, and small kicks explore it best. Minimising
 * (`similar`) needs the default, larger kicks (N / 25 swaps) to leave its deeper local optima.
 */
export const SPREAD_MAX_KICK = 3;
/**
 * Share of the budget `similar` spends regrouping regions (regionSearch.ts): tight groups improve locally, and
 * a region step costs a few thousand reads where a kick and rescan of the whole class costs ~50,000 evaluations.
 */
export const CLUSTER_REGION_SHARE = 0.8;
/** Starts `similar` compares before spending the region budget on the best (see regionPhase in search.ts). */
export const CLUSTER_TRIALS = 3;
/** How the search is tuned for the two kinds of objective: spreading students out, or tight groups. */
export function searchStyle(tightGroups: boolean): Partial<SearchBudget> {
  return tightGroups
    ? { regionShare: CLUSTER_REGION_SHARE, trials: CLUSTER_TRIALS }
    : { maxKick: SPREAD_MAX_KICK };
}
/** Swap evaluations (each a few array reads); small classes get far fewer (see budgetFor). */
export const DEFAULT_EVALUATIONS = 5_000_000;
/**
 * Floor, in full passes over all pairs (N² evaluations each): a very large class (N > 1,290) gets at least this
 * many, so the search can still scan everyone a few times — with a flat 5 M, N = 2,000 ended below a single
 * exchange pass.
 */
const MIN_PASSES = 3;
/** Per-N² cap, so a class of 12 does not spend the budget of a class of 300 on a problem it solves at once. */
const EVALUATIONS_PER_PAIR = 400;
const CONSTRUCTION_NODES = 20_000;
const FINAL_CONSTRUCTION_NODES = 2_000_000;
const CONSTRUCTION_ATTEMPTS = 3;

export function budgetFor(n: number, budget: Partial<SearchBudget> = {}): SearchBudget {
  return {
    restarts: budget.restarts ?? DEFAULT_RESTARTS,
    maxKick: budget.maxKick,
    regionShare: budget.regionShare,
    trials: budget.trials,
    evaluations:
      budget.evaluations ??
      Math.max(Math.min(DEFAULT_EVALUATIONS, n * n * EVALUATIONS_PER_PAIR), MIN_PASSES * n * n),
  };
}

/** Sorted groups of indices: ascending within a group, groups by their first member. */
export function canonicalGroups(groupOf: Int32Array, groupCount: number): number[][] {
  const groups: number[][] = Array.from({ length: groupCount }, () => []);
  groupOf.forEach((g, i) => groups[g]?.push(i));
  return groups.filter((g) => g.length > 0).sort((a, b) => (a[0] as number) - (b[0] as number));
}

export function runEngine(input: EngineInput): EngineResult {
  const n = input.ids.length;
  const sizing = groupSizing(n, input.groupSize);
  const constraints = { keepApart: input.keepApart, keepTogether: input.keepTogether };
  const structure = buildStructure(n, constraints);
  const conflicts = structuralConflicts(input.ids, constraints, structure, sizing);
  if (conflicts.length > 0) return { ok: false, conflicts };
  if (n === 0) return { ok: true, groups: [], objective: 0 };

  const rng = createRng(input.seed);
  const unitGraph = unitConflicts(structure);
  let first: Construction = { status: 'budget' };
  for (let attempt = 0; attempt < CONSTRUCTION_ATTEMPTS && first.status === 'budget'; attempt++) {
    first = constructFeasible(structure, unitGraph, sizing, rng, CONSTRUCTION_NODES);
  }
  if (first.status === 'budget')
    first = constructFeasible(structure, unitGraph, sizing, rng, FINAL_CONSTRUCTION_NODES);
  if (first.status !== 'found') {
    const all = describeAll(input.ids, constraints);
    const sizes =
      sizing.maxSize === sizing.minSize ? `${sizing.minSize}` : `${sizing.minSize} or ${sizing.maxSize}`;
    const where = `${sizing.groupCount} groups of ${sizes}`;
    return {
      ok: false,
      conflicts: [
        {
          kind: first.status === 'infeasible' ? 'no-grouping-exists' : 'search-budget-exhausted',
          message:
            first.status === 'infeasible'
              ? `no grouping into ${where} meets all of: ${all}`
              : `could not find a grouping into ${where} that meets all of: ${all} (search budget exhausted)`,
          keepApart: namePairs(input.ids, input.keepApart),
          keepTogether: namePairs(input.ids, input.keepTogether),
        },
      ],
    };
  }
  const firstGroupOf = first.groupOf;
  let groupOf = firstGroupOf;
  if (!input.randomOnly && sizing.groupCount > 1) {
    const start = (restart: number): Int32Array => {
      if (restart === 0) return firstGroupOf;
      const again = constructFeasible(structure, unitGraph, sizing, rng, CONSTRUCTION_NODES);
      return again.status === 'found' ? again.groupOf : firstGroupOf;
    };
    const problem = { n, sizing, score: input.score, structure, isolation: input.isolation };
    groupOf = iteratedLocalSearch(problem, start, rng, budgetFor(n, input.budget)).groupOf;
  }
  const groups = canonicalGroups(groupOf, sizing.groupCount);
  return { ok: true, groups, objective: withinGroupSum(input.distances, n, groups) };
}
