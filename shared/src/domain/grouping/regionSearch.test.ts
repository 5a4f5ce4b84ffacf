import { describe, expect, it } from 'vitest';
import { ClusterState } from './clusterState.js';
import { buildStructure, type Pair } from './constraints.js';
import { distanceMatrix } from './distance.js';
import { EjectionChains } from './ejectionChain.js';
import { bestPartners, RegionSearch } from './regionSearch.js';
import { groupSizing } from './sizes.js';
import type { SearchProblem } from './state.js';
import { createRng, randomFeatures, randomPairs } from './test/bruteForce.js';

function problemOf(
  score: Float64Array,
  n: number,
  groupSize: number,
  apart: Pair[] = [],
  together: Pair[] = [],
) {
  const problem: SearchProblem = {
    n,
    sizing: groupSizing(n, groupSize),
    score,
    structure: buildStructure(n, { keepApart: apart, keepTogether: together }),
  };
  return problem;
}

/** Sum of pair scores within groups, from scratch. */
function valueOf(score: Float64Array, n: number, groupOf: Int32Array): number {
  let total = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) if (groupOf[i] === groupOf[j]) total += score[i * n + j] as number;
  return total;
}

/** Students dealt round-robin into groups, skipping nobody: a valid start when there are no constraints. */
function dealt(n: number, groupCount: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i % groupCount);
}

describe('bestPartners', () => {
  it("lists each student's best-scoring partners, best first, never itself", () => {
    const features = [[0], [1], [3], [7], [8]];
    const score = distanceMatrix(features).map((d) => -d);
    const partners = bestPartners(score, 5, 2);
    expect(Array.from(partners)).toEqual([1, 2, 0, 2, 1, 0, 4, 2, 3, 2]);
    expect(bestPartners(score, 1, 12)).toHaveLength(0);
  });
});

describe('ejection chains', () => {
  it('find the three-group rotation that no single swap improves', () => {
    // Groups of two: A = {a, x}, B = {b, y}, C = {c, z}. x belongs with b, y with c, z with a; but each swap
    // also brings a student into a group that repels it, so every swap loses and only the rotation gains 30.
    const [a, x, b, y, c, z] = [0, 1, 2, 3, 4, 5];
    const n = 6;
    const score = new Float64Array(n * n);
    const set = (i: number, j: number, s: number): void => {
      score[i * n + j] = s;
      score[j * n + i] = s;
    };
    set(x, b, 10);
    set(y, c, 10);
    set(z, a, 10);
    set(y, a, -20);
    set(z, b, -20);
    set(x, c, -20);
    const start = Int32Array.from([0, 0, 1, 1, 2, 2]);
    const problem = problemOf(score, n, 2);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (start[i] === start[j]) continue;
        const swapped = Int32Array.from(start);
        swapped[i] = start[j] as number;
        swapped[j] = start[i] as number;
        expect(valueOf(score, n, swapped), `swap ${i}↔${j}`).toBeLessThanOrEqual(0);
      }
    const state = new ClusterState(problem, start);
    const chains = new EjectionChains(state, bestPartners(score, n, 5), 5);
    expect(chains.improveFrom(x)).toBe(true);
    expect(state.value).toBeCloseTo(30, 12);
    expect(valueOf(score, n, state.groupOf)).toBeCloseTo(30, 12);
    expect(state.groupOf[x]).toBe(state.groupOf[b]);
    expect(state.groupOf[y]).toBe(state.groupOf[c]);
    expect(state.groupOf[z]).toBe(state.groupOf[a]);
    expect(chains.improveFrom(x)).toBe(false); // now optimal: nothing left to gain
  });
});

describe('cluster state', () => {
  it('keeps its value equal to a fresh sum through random moves, rotations and undos, and undo restores exactly', () => {
    const rng = createRng(11);
    const n = 23;
    const score = distanceMatrix(randomFeatures(rng, n, 3)).map((d) => -d);
    const problem = problemOf(score, n, 4);
    const state = new ClusterState(problem, dealt(n, problem.sizing.groupCount));
    for (let round = 0; round < 200; round++) {
      const saved = Int32Array.from(state.groupOf);
      const valueBefore = state.value;
      for (let op = 0; op < 1 + rng.int(4); op++) {
        const i = rng.int(n);
        const j = rng.int(n);
        if (state.groupOf[i] === state.groupOf[j]) continue;
        const gain = valueOf(score, n, swapOf(state.groupOf, i, j)) - valueOf(score, n, state.groupOf);
        state.rotate(Int32Array.of(i, j), 2, gain);
      }
      expect(state.value).toBeCloseTo(valueOf(score, n, state.groupOf), 9);
      if (rng.int(2) === 0) {
        state.undo(valueBefore);
        expect(Array.from(state.groupOf)).toEqual(Array.from(saved));
        expect(state.value).toBe(valueBefore);
      } else state.commit();
      for (let g = 0; g < state.k; g++)
        expect(state.groupValue(g)).toBeCloseTo(groupSum(score, n, state.groupOf, g), 9);
    }
  });
});

function swapOf(groupOf: Int32Array, i: number, j: number): Int32Array {
  const next = Int32Array.from(groupOf);
  next[i] = groupOf[j] as number;
  next[j] = groupOf[i] as number;
  return next;
}

function groupSum(score: Float64Array, n: number, groupOf: Int32Array, g: number): number {
  let total = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (groupOf[i] === g && groupOf[j] === g) total += score[i * n + j] as number;
  return total;
}

describe('region search', () => {
  it('only improves, keeps sizes, keep-apart pairs and keep-together units, and is deterministic per seed', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rng = createRng(seed * 977);
      const n = 20 + rng.int(80);
      const groupSize = 2 + rng.int(5);
      const score = distanceMatrix(randomFeatures(rng, n, 1 + rng.int(4))).map((d) => -d);
      const together = randomPairs(rng, n, rng.int(4));
      const structure = buildStructure(n, { keepApart: [], keepTogether: together });
      // Keep-apart pairs drawn among students of different start groups, so the start is feasible.
      const sizing = groupSizing(n, groupSize);
      const start = startKeepingUnits(structure.units, sizing.groupCount, sizing.maxSize);
      if (!start) continue;
      const apart = randomPairs(rng, n, rng.int(n)).filter(
        ([i, j]) => start[i] !== start[j] && structure.unitOf[i] !== structure.unitOf[j],
      );
      const problem = problemOf(score, n, groupSize, apart, together);
      const run = (): RegionSearch => {
        const search = new RegionSearch(problem, start, createRng(seed));
        search.run(200_000);
        return search;
      };
      const search = run();
      const { groupOf } = search;
      expect(search.value, `seed ${seed}`).toBeCloseTo(valueOf(score, n, groupOf), 6);
      expect(search.value).toBeGreaterThanOrEqual(valueOf(score, n, start) - 1e-9);
      const sizes = new Int32Array(sizing.groupCount);
      for (const g of groupOf) sizes[g]! += 1;
      const startSizes = new Int32Array(sizing.groupCount);
      for (const g of start) startSizes[g]! += 1;
      for (let g = 0; g < sizing.groupCount; g++) {
        expect(sizes[g]).toBeGreaterThanOrEqual(Math.min(sizing.minSize, startSizes[g] as number));
        expect(sizes[g]).toBeLessThanOrEqual(sizing.maxSize);
      }
      for (const [i, j] of apart) expect(groupOf[i], `apart ${i},${j}`).not.toBe(groupOf[j]);
      for (const unit of structure.units)
        for (const i of unit) if (unit.length > 1) expect(groupOf[i]).toBe(start[i]);
      expect(Array.from(run().groupOf)).toEqual(Array.from(groupOf));
    }
  });

  it('finds much tighter groups than the start on clustered data', () => {
    const rng = createRng(5);
    const n = 120;
    const centres = Array.from({ length: 30 }, () => [rng.next() * 100, rng.next() * 100]);
    // 30 tight clusters of four, dealt so that every start group spans four clusters.
    const features = Array.from({ length: n }, (_, i) => {
      const c = centres[Math.floor(i / 4)] as number[];
      return [(c[0] as number) + rng.next() * 0.1, (c[1] as number) + rng.next() * 0.1];
    });
    const score = distanceMatrix(features).map((d) => -d);
    const problem = problemOf(score, n, 4);
    const search = new RegionSearch(problem, dealt(n, 30), createRng(1));
    search.run(2_000_000);
    const truth = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 4));
    expect(-search.value).toBeLessThan(1.01 * -valueOf(score, n, truth));
  });
});

/** Units placed first-fit into groups (largest first), singles after; null if they do not fit. */
function startKeepingUnits(units: number[][], groupCount: number, maxSize: number): Int32Array | null {
  const groupOf = new Int32Array(units.reduce((t, u) => t + u.length, 0));
  const size = new Int32Array(groupCount);
  const ordered = [...units].sort((p, q) => q.length - p.length);
  let next = 0;
  for (const unit of ordered) {
    let g = -1;
    for (let t = 0; t < groupCount; t++) {
      const candidate = (next + t) % groupCount;
      if ((size[candidate] as number) + unit.length <= maxSize) {
        g = candidate;
        break;
      }
    }
    if (g < 0) return null;
    for (const i of unit) groupOf[i] = g;
    size[g]! += unit.length;
    next = (g + 1) % groupCount;
  }
  return groupOf;
}
