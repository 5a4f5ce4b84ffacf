// Hard constraints (keep-apart pairs, keep-together pairs, group sizes) turned into the structure the search
// uses — keep-together components become units that always move together — and the conflicts we can name
// before searching. Everything is by student index; messages use the students' ids.
import type { GroupSizing } from './sizes.js';

export type Pair = readonly [number, number];

export interface HardConstraints {
  keepApart: readonly Pair[];
  keepTogether: readonly Pair[];
}

export interface ConstraintStructure {
  /** Keep-together components (each sorted); every student is in exactly one, most alone. */
  units: number[][];
  unitOf: Int32Array;
  /** Student-level keep-apart adjacency, deduplicated. */
  apart: number[][];
}

export const CONFLICT_KINDS = [
  'together-too-large',
  'apart-inside-together',
  'too-many-mutually-apart',
  'no-grouping-exists',
  'search-budget-exhausted',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** An infeasible set of hard constraints, with the constraints that conflict (as student ids). */
export interface ConstraintConflict {
  kind: ConflictKind;
  message: string;
  keepApart: [string, string][];
  keepTogether: [string, string][];
}

export function buildStructure(n: number, constraints: HardConstraints): ConstraintStructure {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  for (const [a, b] of constraints.keepTogether) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const unitOf = new Int32Array(n);
  const units: number[][] = [];
  const unitOfRoot = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    let u = unitOfRoot.get(root);
    if (u === undefined) {
      u = units.length;
      unitOfRoot.set(root, u);
      units.push([]);
    }
    (units[u] as number[]).push(i);
    unitOf[i] = u;
  }
  const apartSets = Array.from({ length: n }, () => new Set<number>());
  for (const [a, b] of constraints.keepApart) {
    apartSets[a]?.add(b);
    apartSets[b]?.add(a);
  }
  const apart = apartSets.map((s) => [...s].sort((x, y) => x - y));
  return { units, unitOf, apart };
}

const named = (ids: readonly string[], pairs: readonly Pair[]): [string, string][] =>
  pairs.map(([a, b]) => [ids[a] as string, ids[b] as string]);
const show = (pairs: readonly [string, string][], key: string): string =>
  pairs.map(([a, b]) => `${key} [${a}, ${b}]`).join(', ');

/** The keep-together pairs (as given) on a shortest chain from one student to another. */
function togetherPath(n: number, keepTogether: readonly Pair[], from: number, to: number): Pair[] {
  const adjacency = Array.from({ length: n }, () => [] as { next: number; edge: number }[]);
  keepTogether.forEach(([a, b], edge) => {
    adjacency[a]?.push({ next: b, edge });
    adjacency[b]?.push({ next: a, edge });
  });
  const via = new Int32Array(n).fill(-1); // the edge that first reached each student
  const previous = new Int32Array(n).fill(-1);
  previous[from] = from;
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head] as number;
    if (x === to) break;
    for (const { next, edge } of adjacency[x] ?? []) {
      if (previous[next] !== -1) continue;
      previous[next] = x;
      via[next] = edge;
      queue.push(next);
    }
  }
  const path: Pair[] = [];
  for (let x = to; x !== from && via[x] !== -1; x = previous[x] as number) {
    path.push(keepTogether[via[x] as number] as Pair);
  }
  return path.reverse();
}

/** Largest set of units that must all be in different groups we can find within a bounded search. */
function largeApartClique(unitConflicts: number[][], target: number, nodeBudget: number): number[] {
  const adjacency = unitConflicts.map((list) => new Set(list));
  let best: number[] = [];
  let nodes = 0;
  // Bron–Kerbosch with a pivot; stops as soon as a clique larger than `target` is found or the budget ends.
  const expand = (clique: number[], candidates: number[], excluded: number[]): void => {
    if (++nodes > nodeBudget || best.length > target) return;
    if (candidates.length === 0 && excluded.length === 0) {
      if (clique.length > best.length) best = [...clique];
      return;
    }
    if (clique.length + candidates.length <= best.length) return;
    const pivotPool = candidates.length > 0 ? candidates : excluded;
    const pivot = pivotPool.reduce((p, v) => ((adjacency[v]?.size ?? 0) > (adjacency[p]?.size ?? 0) ? v : p));
    const pivotAdj = adjacency[pivot] as Set<number>;
    let cand = [...candidates];
    let excl = [...excluded];
    for (const v of candidates) {
      if (pivotAdj.has(v)) continue;
      const adj = adjacency[v] as Set<number>;
      expand(
        [...clique, v],
        cand.filter((w) => adj.has(w)),
        excl.filter((w) => adj.has(w)),
      );
      cand = cand.filter((w) => w !== v);
      excl = [...excl, v];
    }
    if (clique.length > best.length) best = [...clique];
  };
  const vertices = unitConflicts.map((_, u) => u).filter((u) => (unitConflicts[u]?.length ?? 0) > 0);
  expand([], vertices, []);
  return best;
}

/** Unit-level keep-apart graph (a unit conflicts with another when any of their members must be apart). */
export function unitConflicts(structure: ConstraintStructure): number[][] {
  return structure.units.map((members, u) => {
    const others = new Set<number>();
    for (const i of members)
      for (const j of structure.apart[i] as number[]) others.add(structure.unitOf[j] as number);
    others.delete(u);
    return [...others].sort((a, b) => a - b);
  });
}

/**
 * Conflicts that are visible from the constraints' structure alone, each naming the constraints involved.
 * An empty answer does not prove feasibility (that is the construction's job); it means nothing obvious.
 */
export function structuralConflicts(
  ids: readonly string[],
  constraints: HardConstraints,
  structure: ConstraintStructure,
  sizing: GroupSizing,
): ConstraintConflict[] {
  const n = ids.length;
  const conflicts: ConstraintConflict[] = [];
  for (const members of structure.units) {
    if (members.length <= sizing.maxSize) continue;
    const inside = new Set(members);
    const chain = constraints.keepTogether.filter(([a]) => inside.has(a));
    const keepTogether = named(ids, chain);
    conflicts.push({
      kind: 'together-too-large',
      message:
        `${show(keepTogether, 'keepTogether')} join ${members.map((i) => ids[i]).join(', ')} ` +
        `(${members.length} students) into one group, but groups hold at most ${sizing.maxSize}`,
      keepApart: [],
      keepTogether,
    });
  }
  for (const [a, b] of constraints.keepApart) {
    if (structure.unitOf[a] !== structure.unitOf[b]) continue;
    const keepApart = named(ids, [[a, b]]);
    const keepTogether = named(ids, togetherPath(n, constraints.keepTogether, a, b));
    conflicts.push({
      kind: 'apart-inside-together',
      message: `${show(keepApart, 'keepApart')} conflicts with ${show(keepTogether, 'keepTogether')}, which put ${ids[a]} and ${ids[b]} in the same group`,
      keepApart,
      keepTogether,
    });
  }
  if (conflicts.length > 0 || sizing.groupCount === 0) return conflicts;
  const graph = unitConflicts(structure);
  const clique = largeApartClique(graph, sizing.groupCount, 200_000);
  if (clique.length > sizing.groupCount) {
    const cliqueStudents = new Set(clique.flatMap((u) => structure.units[u] as number[]));
    const inClique = (p: Pair): boolean =>
      cliqueStudents.has(p[0]) &&
      cliqueStudents.has(p[1]) &&
      structure.unitOf[p[0]] !== structure.unitOf[p[1]];
    const keepApart = named(ids, constraints.keepApart.filter(inClique));
    const together = constraints.keepTogether.filter((p) => cliqueStudents.has(p[0]));
    const who = clique.map((u) => (structure.units[u] as number[]).map((i) => ids[i]).join('+'));
    conflicts.push({
      kind: 'too-many-mutually-apart',
      message:
        `${who.join(', ')} must all be in different groups (${show(keepApart, 'keepApart')}` +
        `${together.length > 0 ? `; ${show(named(ids, together), 'keepTogether')}` : ''}), ` +
        `but there are only ${sizing.groupCount} groups`,
      keepApart,
      keepTogether: named(ids, together),
    });
  }
  return conflicts;
}

export function describeAll(ids: readonly string[], constraints: HardConstraints): string {
  const parts = [
    show(named(ids, constraints.keepApart), 'keepApart'),
    show(named(ids, constraints.keepTogether), 'keepTogether'),
  ].filter((s) => s !== '');
  return parts.join(', ');
}

export { named as namePairs };
