// A grouping that meets every hard constraint, found by depth-first search over keep-together units with a
// node budget. Random tie-breaking makes it the start of each local search and the whole of `random` mode.
import type { ConstraintStructure } from './constraints.js';
import { shuffleInPlace, type Rng } from './prng.js';
import type { GroupSizing } from './sizes.js';

export type Construction =
  | { status: 'found'; groupOf: Int32Array }
  /** The search ran to the end: no grouping satisfies the constraints. */
  | { status: 'infeasible' }
  | { status: 'budget' };

export function constructFeasible(
  structure: ConstraintStructure,
  conflicts: readonly (readonly number[])[],
  sizing: GroupSizing,
  rng: Rng,
  nodeBudget: number,
): Construction {
  const { units } = structure;
  const { groupCount: k, minSize, maxSize, largeGroups } = sizing;
  const n = structure.unitOf.length;
  // Big and much-constrained units first: they are the hard ones to place. Shuffling first makes ties random.
  const order = shuffleInPlace(
    units.map((_, u) => u),
    rng,
  ).sort(
    (a, b) =>
      (units[b]?.length ?? 0) - (units[a]?.length ?? 0) ||
      (conflicts[b]?.length ?? 0) - (conflicts[a]?.length ?? 0),
  );
  const unitGroup = new Int32Array(units.length).fill(-1);
  const size = new Int32Array(k);
  let fullGroups = 0; // groups at maxSize (only `largeGroups` may be, when maxSize > minSize)
  let deficit = k * minSize; // students still needed to bring every group to minSize
  let remaining = n;
  let nodes = 0;
  let exhausted = false;
  const groupOrder = Array.from({ length: k }, (_, g) => g);

  const place = (depth: number): boolean => {
    if (depth === order.length) return true;
    if (++nodes > nodeBudget) {
      exhausted = true;
      return false;
    }
    const u = order[depth] as number;
    const s = (units[u] as number[]).length;
    const candidates = shuffleInPlace([...groupOrder], rng);
    let triedEmpty = false;
    for (const g of candidates) {
      const before = size[g] as number;
      if (before + s > maxSize) continue;
      // Empty groups are interchangeable: trying one is trying them all.
      if (before === 0) {
        if (triedEmpty) continue;
        triedEmpty = true;
      }
      if ((conflicts[u] as number[]).some((v) => unitGroup[v] === g)) continue;
      const after = before + s;
      const becomesFull = maxSize > minSize && after === maxSize ? 1 : 0;
      if (fullGroups + becomesFull > largeGroups && maxSize > minSize) continue;
      const newDeficit = deficit - (Math.min(after, minSize) - Math.min(before, minSize));
      if (newDeficit > remaining - s) continue;
      unitGroup[u] = g;
      size[g] = after;
      fullGroups += becomesFull;
      const savedDeficit = deficit;
      deficit = newDeficit;
      remaining -= s;
      if (place(depth + 1)) return true;
      remaining += s;
      deficit = savedDeficit;
      fullGroups -= becomesFull;
      size[g] = before;
      unitGroup[u] = -1;
      if (exhausted) return false;
    }
    return false;
  };

  if (!place(0)) return exhausted ? { status: 'budget' } : { status: 'infeasible' };
  const groupOf = new Int32Array(n);
  units.forEach((members, u) => {
    for (const i of members) groupOf[i] = unitGroup[u] as number;
  });
  return { status: 'found', groupOf };
}
