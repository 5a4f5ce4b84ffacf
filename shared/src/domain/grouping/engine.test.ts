import { describe, expect, it } from 'vitest';
import { distanceMatrix, withinGroupSum } from './distance.js';
import { runEngine, searchStyle, type EngineInput } from './engine.js';
import { groupSizing } from './sizes.js';
import { forEachGrouping, createRng, randomFeatures, randomPairs, satisfies } from './test/bruteForce.js';
import type { Pair } from './constraints.js';

function instance(
  seed: number,
  n: number,
  groupSize: number,
  mode: 'mix' | 'similar',
  apart: Pair[] = [],
  together: Pair[] = [],
) {
  const rng = createRng(seed);
  const features = randomFeatures(rng, n, 1 + rng.int(4));
  const distances = distanceMatrix(features);
  const input: EngineInput = {
    ids: features.map((_, i) => `s${i}`),
    distances,
    score: mode === 'similar' ? distances.map((d) => -d) : distances,
    groupSize,
    seed,
    keepApart: apart,
    keepTogether: together,
    budget: searchStyle(mode === 'similar'), // as the product runs each mode (similar: region search)
  };
  return { input, distances };
}

function exhaustiveBest(
  n: number,
  groupSize: number,
  d: Float64Array,
  mode: 'mix' | 'similar',
  apart: Pair[] = [],
  together: Pair[] = [],
) {
  let best = null as number | null;
  forEachGrouping(n, groupSize, (groups) => {
    if (!satisfies(groups, apart, together)) return;
    const value = withinGroupSum(d, n, groups);
    if (best === null || (mode === 'mix' ? value > best : value < best)) best = value;
  });
  return best;
}

describe('grouping engine', () => {
  it('enumerates each grouping once (12 students in groups of 4: 12!/(4!^3·3!) = 5775)', () => {
    const count = (n: number, size: number): number => {
      let c = 0;
      forEachGrouping(n, size, () => c++);
      return c;
    };
    expect(count(12, 4)).toBe(5775);
    expect(count(7, 3)).toBe(105); // sizes 3,2,2: C(7,3)·C(4,2)/2
    expect(count(5, 5)).toBe(1);
  });

  it('reaches the exact optimum of mix and similar for N ≤ 12 (exhaustive enumeration, many instances)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rng = createRng(seed * 7919);
      const n = 4 + rng.int(9);
      const groupSize = 2 + rng.int(4);
      for (const mode of ['mix', 'similar'] as const) {
        const { input, distances } = instance(seed, n, groupSize, mode);
        const result = runEngine(input);
        if (!result.ok) throw new Error('unexpected conflict');
        const best = exhaustiveBest(n, groupSize, distances, mode);
        expect(result.objective, `seed ${seed} n ${n} size ${groupSize} ${mode}`).toBeCloseTo(
          best as number,
          9,
        );
        checked++;
      }
    }
    expect(checked).toBe(120);
  });

  it('reaches the exact constrained optimum, and says infeasible exactly when no grouping exists', () => {
    let infeasible = 0;
    for (let seed = 1; seed <= 80; seed++) {
      const rng = createRng(seed * 104729);
      const n = 3 + rng.int(8);
      const groupSize = 2 + rng.int(3);
      const apart = randomPairs(rng, n, rng.int(5));
      const together = randomPairs(rng, n, rng.int(3));
      const mode = seed % 2 === 0 ? 'mix' : 'similar';
      const { input, distances } = instance(seed, n, groupSize, mode, apart, together);
      const result = runEngine(input);
      const best = exhaustiveBest(n, groupSize, distances, mode, apart, together);
      if (best === null) {
        infeasible++;
        expect(result.ok, `seed ${seed}`).toBe(false);
        if (!result.ok) expect(result.conflicts[0]?.message.length).toBeGreaterThan(0);
      } else {
        if (!result.ok) throw new Error(`seed ${seed}: ${result.conflicts[0]?.message}`);
        expect(satisfies(result.groups, apart, together)).toBe(true);
        expect(result.objective, `seed ${seed}`).toBeCloseTo(best, 9);
      }
    }
    expect(infeasible).toBeGreaterThan(0); // the instances exercise both outcomes
  });

  it('never violates hard constraints on larger random instances, and the same seed gives the same groups', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rng = createRng(seed * 31337);
      const n = 20 + rng.int(60);
      const groupSize = 3 + rng.int(3);
      const apart = randomPairs(rng, n, rng.int(n));
      const together = randomPairs(rng, n, rng.int(6));
      const { input } = instance(seed, n, groupSize, seed % 2 === 0 ? 'mix' : 'similar', apart, together);
      const budget = { ...input.budget, evaluations: 300_000 };
      const first = runEngine({ ...input, budget });
      const again = runEngine({ ...input, budget });
      expect(JSON.stringify(again)).toBe(JSON.stringify(first));
      if (!first.ok) continue;
      const sizing = groupSizing(n, groupSize);
      expect(first.groups).toHaveLength(sizing.groupCount);
      for (const g of first.groups) {
        expect(g.length).toBeGreaterThanOrEqual(sizing.minSize);
        expect(g.length).toBeLessThanOrEqual(sizing.maxSize);
      }
      expect(first.groups.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(satisfies(first.groups, apart, together)).toBe(true);
    }
  });
});
