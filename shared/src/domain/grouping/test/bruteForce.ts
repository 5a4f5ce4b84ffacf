// Test helpers: exhaustive enumeration of groupings (small N only) and random instances.
import type { Pair } from '../constraints.js';
import { createRng, type Rng } from '../prng.js';
import { groupSizing } from '../sizes.js';

/** Calls `visit` with every partition of 0..n-1 into groups sized as groupSizing says (each partition once). */
export function forEachGrouping(
  n: number,
  groupSize: number,
  visit: (groups: readonly number[][]) => void,
): void {
  const { groupCount, minSize, largeGroups } = groupSizing(n, groupSize);
  const used = new Array<boolean>(n).fill(false);
  const groups: number[][] = [];
  const fill = (large: number, small: number): void => {
    const first = used.indexOf(false);
    if (first < 0) return visit(groups);
    // The group holding the lowest unplaced student: choose its size, then its other members.
    for (const [size, nextLarge, nextSmall] of [
      [minSize + 1, large - 1, small],
      [minSize, large, small - 1],
    ] as const) {
      if (nextLarge < 0 || nextSmall < 0) continue;
      used[first] = true;
      const group = [first];
      groups.push(group);
      const choose = (from: number): void => {
        if (group.length === size) return fill(nextLarge, nextSmall);
        for (let j = from; j < n; j++) {
          if (used[j]) continue;
          used[j] = true;
          group.push(j);
          choose(j + 1);
          group.pop();
          used[j] = false;
        }
      };
      choose(first + 1);
      groups.pop();
      used[first] = false;
    }
  };
  fill(largeGroups, groupCount - largeGroups);
}

export function satisfies(
  groups: readonly (readonly number[])[],
  apart: readonly Pair[],
  together: readonly Pair[],
): boolean {
  const groupOf = new Map<number, number>();
  groups.forEach((g, gi) => g.forEach((i) => groupOf.set(i, gi)));
  return (
    apart.every(([a, b]) => groupOf.get(a) !== groupOf.get(b)) &&
    together.every(([a, b]) => groupOf.get(a) === groupOf.get(b))
  );
}

export function gaussian(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

export function randomFeatures(rng: Rng, n: number, dims: number): number[][] {
  return Array.from({ length: n }, () =>
    Array.from({ length: dims }, () => Math.round(gaussian(rng) * 1000) / 1000),
  );
}

export function randomPairs(rng: Rng, n: number, count: number): Pair[] {
  const pairs: Pair[] = [];
  for (let p = 0; p < count && n > 1; p++) {
    const a = rng.int(n);
    let b = rng.int(n - 1);
    if (b >= a) b++;
    pairs.push([a, b]);
  }
  return pairs;
}

export { createRng };
