// Late arrivals join existing groups without moving anyone else: each goes to one of the smallest groups (so
// sizes still differ by at most one), respecting keep-apart and keep-together, choosing the group where they
// help the mode's goal most. When no group fits, the arrival is reported, not forced: that needs a regroup.
import type { Pair } from './constraints.js';
import { createRng } from './prng.js';

export type LateMode = 'mix' | 'similar' | 'misconception' | 'random';

export interface LateArrivalInput {
  /** Current groups as student indices; they are extended, never reordered. */
  groups: readonly (readonly number[])[];
  arrivals: readonly number[];
  /** N×N distances over every student, arrivals included. */
  distances: Float64Array;
  n: number;
  mode: LateMode;
  seed: number;
  keepApart: readonly Pair[];
  keepTogether: readonly Pair[];
  /** For `misconception` mode: the label (e.g. main misconception) of each student, or -1. */
  labels?: readonly number[];
}

export interface LateArrivalResult {
  groups: number[][];
  placed: { student: number; group: number }[];
  unplaced: { student: number; reason: string }[];
}

export function placeLateArrivals(input: LateArrivalInput): LateArrivalResult {
  const groups = input.groups.map((g) => [...g]);
  const rng = createRng(input.seed);
  const placed: LateArrivalResult['placed'] = [];
  const unplaced: LateArrivalResult['unplaced'] = [];
  const groupOf = (i: number): number => groups.findIndex((g) => g.includes(i));
  const partnersOf = (i: number): number[] =>
    input.keepTogether.flatMap(([a, b]) => (a === i ? [b] : b === i ? [a] : []));
  input.arrivals.forEach((student, position) => {
    if (groups.length === 0) {
      groups.push([student]);
      placed.push({ student, group: 0 });
      return;
    }
    const smallest = Math.min(...groups.map((g) => g.length));
    const required = [
      ...new Set(
        partnersOf(student)
          .map(groupOf)
          .filter((g) => g >= 0),
      ),
    ];
    const apart = input.keepApart.flatMap(([a, b]) => (a === student ? [b] : b === student ? [a] : []));
    let candidates = groups.map((_, g) => g).filter((g) => (groups[g] as number[]).length === smallest);
    if (required.length > 1) {
      unplaced.push({ student, reason: 'kept together with students who are now in different groups' });
      return;
    }
    if (required.length === 1) candidates = candidates.filter((g) => g === required[0]);
    candidates = candidates.filter((g) => !apart.some((p) => (groups[g] as number[]).includes(p)));
    // Leave room in the groups that later arrivals must join (kept together with someone there), if we can.
    const reserved = new Set(
      input.arrivals
        .slice(position + 1)
        .flatMap(partnersOf)
        .map(groupOf)
        .filter((g) => g >= 0),
    );
    const unreserved = candidates.filter((g) => !reserved.has(g));
    if (required.length === 0 && unreserved.length > 0) candidates = unreserved;
    if (candidates.length === 0) {
      unplaced.push({
        student,
        reason:
          required.length === 1
            ? 'the group they must join is already larger than the others'
            : 'every group with room has someone they must be kept apart from',
      });
      return;
    }
    const fit = (g: number): number => {
      const members = groups[g] as number[];
      const spread = members.reduce((s, j) => s + (input.distances[student * input.n + j] as number), 0);
      if (input.mode === 'similar') return -spread;
      if (input.mode === 'misconception') {
        const label = input.labels?.[student] ?? -1;
        const shared = label < 0 ? 0 : members.filter((j) => input.labels?.[j] === label).length;
        return shared * 1e6 + spread;
      }
      return spread;
    };
    const chosen =
      input.mode === 'random'
        ? (candidates[rng.int(candidates.length)] as number)
        : candidates.reduce((best, g) => (fit(g) > fit(best) ? g : best));
    groups[chosen]?.push(student);
    placed.push({ student, group: chosen });
  });
  return { groups, placed, unplaced };
}
