// Ruin-and-recreate search for tight groups (`similar`). In a clustering the improvements are local: a better
// grouping of 300 students differs from a good one in a handful of neighbouring groups. So instead of kicking
// with random swaps across the class and re-scanning everyone (a kick then costs ~50,000 evaluations), each
// step takes one region — a student's group and the groups of its nearest neighbours — regroups its students
// greedily in a random seed order, repairs it with swaps and ejection chains limited to each student's nearest
// groups, and keeps the result if the whole is not worse. A step costs a few thousand reads, so a budget
// affords thousands of them. Keep-together units stay where they are here (the exact swap search before and
// after moves them); keep-apart pairs are never put together.
import { ClusterState } from './clusterState.js';
import { EjectionChains } from './ejectionChain.js';
import type { Rng } from './prng.js';
import type { SearchProblem } from './state.js';

/** Gains smaller than this are floating-point noise, not improvements. */
const MIN_GAIN = 1e-9;
/** How many of a student's best-scoring partners define its neighbourhood. */
export const NEIGHBOURS = 12;
/** Groups in one region: enough to leave a local optimum, few enough to regroup in a few thousand reads. */
export const REGION_GROUPS = 5;

/** Each student's `count` best-scoring partners, best first (ties by index), as one row-major array. */
export function bestPartners(score: Float64Array, n: number, count: number): Int32Array {
  const width = Math.max(0, Math.min(count, n - 1));
  const partners = new Int32Array(n * width);
  const kept = new Float64Array(width);
  for (let i = 0; i < n && width > 0; i++) {
    const row = i * n;
    const base = i * width;
    let filled = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const s = score[row + j] as number;
      if (filled === width && s <= (kept[width - 1] as number)) continue;
      let p = filled < width ? filled++ : width - 1;
      while (p > 0 && (kept[p - 1] as number) < s) {
        kept[p] = kept[p - 1] as number;
        partners[base + p] = partners[base + p - 1] as number;
        p--;
      }
      kept[p] = s;
      partners[base + p] = j;
    }
  }
  return partners;
}

export class RegionSearch {
  private readonly state: ClusterState;
  private readonly partners: Int32Array;
  private readonly width: number;
  private readonly chains: EjectionChains;
  private readonly region = new Int32Array(REGION_GROUPS);
  private regionCount = 0;
  private readonly pool: Int32Array;
  private readonly slots = new Int32Array(REGION_GROUPS);
  private readonly pair = new Int32Array(2);

  /** `partners`: bestPartners(score, n, NEIGHBOURS), when several searches share one problem (else computed here). */
  constructor(
    problem: SearchProblem,
    start: Int32Array,
    private readonly rng: Rng,
    partners?: Int32Array,
  ) {
    this.state = new ClusterState(problem, start);
    this.width = Math.max(0, Math.min(NEIGHBOURS, problem.n - 1));
    this.partners = partners ?? bestPartners(problem.score, problem.n, NEIGHBOURS);
    if (!partners) this.state.work += problem.n * problem.n;
    this.chains = new EjectionChains(this.state, this.partners, this.width);
    this.pool = new Int32Array(REGION_GROUPS * this.state.cap);
  }

  get groupOf(): Int32Array {
    return this.state.groupOf;
  }

  get value(): number {
    return this.state.value;
  }

  get work(): number {
    return this.state.work;
  }

  set work(reads: number) {
    this.state.work = reads;
  }

  /** Repairs every group, then regroups regions until the budget (in array reads) is spent. */
  run(budget: number): void {
    const { state } = this;
    for (let g = 0; g < state.k; g++) state.markDirty(g);
    this.descend(budget);
    state.commit();
    while (state.work < budget) this.step(budget);
  }

  private step(budget: number): void {
    const { state } = this;
    const valueBefore = state.value;
    state.work += 1; // progress even when the region cannot be regrouped
    if (!this.regroupAround(this.rng.int(state.n))) {
      state.undo(valueBefore);
      return;
    }
    this.descend(budget);
    for (let r = 0; r < this.regionCount && state.work < budget; r++) {
      const g = this.region[r] as number;
      for (let p = 0; p < (state.size[g] as number); p++) {
        if (this.chains.improveFrom(state.members[g * state.cap + p] as number)) {
          this.descend(budget);
          break;
        }
      }
    }
    if (state.value >= valueBefore - MIN_GAIN) state.commit();
    else state.undo(valueBefore);
  }

  /** Regroups the movable students of x's group and its neighbours' groups; false if no feasible way was found. */
  private regroupAround(x: number): boolean {
    const { state, region, pool, slots, partners, width } = this;
    const { groupOf, members, cap } = state;
    const stamp = state.stamp();
    let groups = 0;
    // x's own group first (p = -1), then its partners' groups, each once.
    for (let p = -1; p < width && groups < REGION_GROUPS; p++) {
      const g = groupOf[p < 0 ? x : (partners[x * width + p] as number)] as number;
      if (state.seen[g] === stamp) continue;
      state.seen[g] = stamp;
      region[groups++] = g;
    }
    this.regionCount = groups;
    if (groups < 2) return false;
    let pooled = 0;
    let lost = 0;
    for (let r = 0; r < groups; r++) {
      const g = region[r] as number;
      lost += state.groupValue(g);
      let freed = 0;
      for (let p = (state.size[g] as number) - 1; p >= 0; p--) {
        const s = members[g * cap + p] as number;
        if (state.movable[s] === 0) continue;
        pool[pooled++] = s;
        state.detach(s);
        freed++;
      }
      slots[r] = freed;
    }
    for (let p = pooled - 1; p > 0; p--) {
      const q = this.rng.int(p + 1);
      const t = pool[p] as number;
      pool[p] = pool[q] as number;
      pool[q] = t;
    }
    // Group by group: an empty group takes the next pooled student in the random order as its seed, then
    // fills up with whoever scores best with what it holds. Students left unplaced stay detached: undo restores.
    let left = pooled;
    for (let r = 0; r < groups; r++) {
      const g = region[r] as number;
      for (let f = 0; f < (slots[r] as number); f++) {
        const seeding = state.size[g] === 0;
        let best = -1;
        let bestScore = -Infinity;
        for (let p = 0; p < left; p++) {
          const s = pool[p] as number;
          if (!state.canJoin(s, g, -1)) continue;
          if (seeding) {
            best = p;
            break;
          }
          const together = state.scoreWith(s, g, -1);
          if (together > bestScore) {
            bestScore = together;
            best = p;
          }
        }
        if (best < 0) return false;
        const s = pool[best] as number;
        pool[best] = pool[--left] as number;
        state.add(s, g);
      }
    }
    let gained = 0;
    for (let r = 0; r < groups; r++) {
      const g = region[r] as number;
      gained += state.refresh(g);
      state.markDirty(g);
    }
    state.value += gained - lost;
    return true;
  }

  /** Best-improvement swaps (or moves, when sizes allow) within each student's nearest groups, until none gains. */
  private descend(budget: number): void {
    const { state } = this;
    for (let g = state.takeDirty(); g >= 0 && state.work < budget; g = state.takeDirty()) {
      for (let p = (state.size[g] as number) - 1; p >= 0; p--) {
        const x = state.members[g * state.cap + p] as number;
        if (x >= 0 && state.movable[x] === 1) this.improve(x);
      }
    }
  }

  private improve(x: number): void {
    const { state, partners, width } = this;
    const { cap, members, groupOf, score, n, own } = state;
    const a = groupOf[x] as number;
    const stamp = state.stamp();
    state.seen[a] = stamp;
    const canMove = state.maxSize > state.minSize && state.size[a] === state.maxSize;
    const ownX = own[x] as number;
    let best = MIN_GAIN;
    let bestY = -1;
    let bestB = -1;
    for (let p = 0; p < width; p++) {
      const b = groupOf[partners[x * width + p] as number] as number;
      if (state.seen[b] === stamp) continue;
      state.seen[b] = stamp;
      const sizeB = state.size[b] as number;
      const intoB = state.scoreWith(x, b, -1);
      if (canMove && sizeB === state.minSize && intoB - ownX > best && state.canJoin(x, b, -1)) {
        best = intoB - ownX;
        bestY = -1;
        bestB = b;
      }
      for (let q = 0; q < sizeB; q++) {
        const y = members[b * cap + q] as number;
        if (state.movable[y] === 0) continue;
        const gain =
          intoB - (score[x * n + y] as number) - ownX + state.scoreWith(y, a, x) - (own[y] as number);
        if (gain > best && state.canJoin(x, b, y) && state.canJoin(y, a, x)) {
          best = gain;
          bestY = y;
          bestB = b;
        }
      }
    }
    if (bestB < 0) return;
    if (bestY >= 0) {
      this.pair[0] = x;
      this.pair[1] = bestY;
      state.rotate(this.pair, 2, best);
      return;
    }
    state.add(x, bestB);
    state.refresh(a);
    state.refresh(bestB);
    state.markDirty(a);
    state.markDirty(bestB);
    state.value += best;
  }
}
