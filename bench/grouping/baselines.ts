// Baselines the engine is compared with: random assignment, and anticlust's one-pass exchange method
// (Papenberg & Klau 2021): from a random equal-size assignment, for each element in turn, evaluate swapping it
// with every element of another group and make the best swap if it improves the objective.
import { createRng, shuffleInPlace } from '../../shared/src/domain/grouping/prng.js';
import { groupSizing } from '../../shared/src/domain/grouping/sizes.js';

export function randomAssignment(n: number, groupSize: number, seed: number): Int32Array {
  const { groupCount } = groupSizing(n, groupSize);
  const order = shuffleInPlace(
    Array.from({ length: n }, (_, i) => i),
    createRng(seed),
  );
  const groupOf = new Int32Array(n);
  order.forEach((student, position) => (groupOf[student] = position % groupCount));
  return groupOf;
}

/** `score` is maximised (distances for mix, negated distances for similar). Returns group per student. */
export function oneLocalPass(
  score: Float64Array,
  n: number,
  groupSize: number,
  seed: number,
  passes = 1,
): Int32Array {
  const { groupCount: k } = groupSizing(n, groupSize);
  const groupOf = randomAssignment(n, groupSize, seed);
  const sums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sums[i * k + groupOf[j]!]! += score[i * n + j]!;
  for (let pass = 0; pass < passes; pass++) {
    let improved = false;
    for (let i = 0; i < n; i++) {
      const a = groupOf[i]!;
      let best = 1e-12;
      let bestJ = -1;
      for (let j = 0; j < n; j++) {
        const b = groupOf[j]!;
        if (b === a) continue;
        const gain =
          sums[i * k + b]! - sums[i * k + a]! + sums[j * k + a]! - sums[j * k + b]! - 2 * score[i * n + j]!;
        if (gain > best) {
          best = gain;
          bestJ = j;
        }
      }
      if (bestJ < 0) continue;
      improved = true;
      const b = groupOf[bestJ]!;
      for (let m = 0; m < n; m++) {
        const delta = score[m * n + bestJ]! - score[m * n + i]!;
        sums[m * k + a]! += delta;
        sums[m * k + b]! -= delta;
      }
      groupOf[i] = b;
      groupOf[bestJ] = a;
    }
    if (!improved) break;
  }
  return groupOf;
}
