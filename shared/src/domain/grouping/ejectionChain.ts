// Ejection chains (cyclic exchanges): x0 takes y1's place, y1 takes y2's place, …, and the last student takes
// x0's place, each in a different group. A swap is the chain of length two; longer chains reach groupings no
// single swap improves towards — a group that is one student "out of phase" with its neighbours passes the
// misfit along. Searched depth-first over each student's nearest groups, extending only prefixes that already
// gain (the Lin–Kernighan rule: every improving cycle has a rotation whose prefixes all gain), with a breadth
// that narrows with depth.
import type { ClusterState } from './clusterState.js';

/** Candidates followed at each depth; a chain spans at most BREADTH.length + 2 groups. */
const BREADTH = [5, 3, 1, 1] as const;
/** Gains smaller than this are floating-point noise, not improvements. */
const MIN_GAIN = 1e-9;

export class EjectionChains {
  private readonly path = new Int32Array(BREADTH.length + 2);
  private readonly pathGroups = new Int32Array(BREADTH.length + 2);
  private readonly best = new Int32Array(BREADTH.length + 2);
  private bestLength = 0;
  private bestGain = 0;
  private readonly levelWidth: number;
  private readonly candidates: Int32Array;
  private readonly gains: Float64Array;

  constructor(
    private readonly state: ClusterState,
    /** Each student's nearest partners, `width` per student. */
    private readonly partners: Int32Array,
    private readonly width: number,
  ) {
    this.levelWidth = width * state.cap;
    this.candidates = new Int32Array((BREADTH.length + 2) * this.levelWidth);
    this.gains = new Float64Array((BREADTH.length + 2) * this.levelWidth);
  }

  /** Applies the best gaining chain that starts at x0, if any; true if it did. */
  improveFrom(x0: number): boolean {
    const { state } = this;
    if (state.movable[x0] === 0) return false;
    this.path[0] = x0;
    this.pathGroups[0] = state.groupOf[x0] as number;
    this.bestGain = MIN_GAIN;
    this.bestLength = 0;
    this.extend(1, 0);
    if (this.bestLength === 0) return false;
    state.rotate(this.best, this.bestLength, this.bestGain);
    return true;
  }

  private extend(depth: number, partial: number): void {
    const { state, partners, width, candidates, gains } = this;
    const { cap, members, groupOf, own, score, n } = state;
    const current = this.path[depth - 1] as number;
    const x0 = this.path[0] as number;
    const home = this.pathGroups[0] as number;
    const stamp = state.stamp();
    const base = depth * this.levelWidth;
    let found = 0;
    for (let p = 0; p < width; p++) {
      const b = groupOf[partners[current * width + p] as number] as number;
      if (state.seen[b] === stamp) continue;
      state.seen[b] = stamp;
      let onPath = false;
      for (let l = 0; l < depth; l++) if (this.pathGroups[l] === b) onPath = true;
      if (onPath) continue;
      const intoB = state.scoreWith(current, b, -1);
      const sizeB = state.size[b] as number;
      for (let q = 0; q < sizeB; q++) {
        const y = members[b * cap + q] as number;
        if (state.movable[y] === 0) continue;
        // current takes y's place in b
        const gain = partial + intoB - (score[current * n + y] as number) - (own[y] as number);
        if (gain <= MIN_GAIN || !state.canJoin(current, b, y)) continue;
        // …and y closes the chain by taking x0's place at home
        const closed = gain + state.scoreWith(y, home, x0) - (own[x0] as number);
        if (closed > this.bestGain && state.canJoin(y, home, x0)) {
          this.bestGain = closed;
          this.bestLength = depth + 1;
          this.best.set(this.path.subarray(0, depth));
          this.best[depth] = y;
        }
        candidates[base + found] = y;
        gains[base + found] = gain;
        found++;
      }
    }
    const breadth = BREADTH[depth - 1] ?? 0;
    for (let t = 0; t < breadth && t < found; t++) {
      // Selection of the t-th best: the breadth is tiny, so this beats sorting.
      let pick = base + t;
      for (let i = pick + 1; i < base + found; i++)
        if ((gains[i] as number) > (gains[pick] as number)) pick = i;
      const y = candidates[pick] as number;
      const gain = gains[pick] as number;
      candidates[pick] = candidates[base + t] as number;
      gains[pick] = gains[base + t] as number;
      this.path[depth] = y;
      this.pathGroups[depth] = groupOf[y] as number;
      this.extend(depth + 1, gain);
    }
  }
}
