// Seeded data sets for the grouping benchmark: the kinds of profile vectors a class produces.
import { createRng, type Rng } from '../../shared/src/domain/grouping/prng.js';

export const DATA_KINDS = ['gaussian', 'clustered', 'quiz'] as const;
export type DataKind = (typeof DATA_KINDS)[number];

const DIMENSIONS = 4;
const CLUSTERS = 5;
const QUIZ_ITEMS = 8;
const QUIZ_MAX_POINTS = 4;

function gaussian(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

export function makeData(kind: DataKind, n: number, seed: number): number[][] {
  const rng = createRng(seed);
  if (kind === 'gaussian')
    return Array.from({ length: n }, () => Array.from({ length: DIMENSIONS }, () => gaussian(rng)));
  if (kind === 'clustered') {
    const centres = Array.from({ length: CLUSTERS }, () =>
      Array.from({ length: DIMENSIONS }, () => 4 * gaussian(rng)),
    );
    return Array.from({ length: n }, () => {
      const centre = centres[rng.int(CLUSTERS)] as number[];
      return centre.map((c) => c + 0.5 * gaussian(rng));
    });
  }
  // Integer quiz scores (0–4 points on each of 8 items), driven by a latent ability: many exact ties.
  return Array.from({ length: n }, () => {
    const ability = rng.next();
    return Array.from({ length: QUIZ_ITEMS }, () => {
      let points = 0;
      for (let p = 0; p < QUIZ_MAX_POINTS; p++) if (rng.next() < 0.2 + 0.6 * ability) points++;
      return points;
    });
  });
}
