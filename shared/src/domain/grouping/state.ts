// The search's working state: who is in which group, plus running sums that make a swap's effect O(1).
// S[i][g] = sum of score(i, j) over the students j in group g — the hint from the anticlustering literature
// that turns "how much does swapping i and j change the objective" into four lookups. Stored group-major
// (sums[g * N + i]): a move rewrites two whole groups' rows, which is then two contiguous passes.
import type { ConstraintStructure } from './constraints.js';
import type { GroupSizing } from './sizes.js';

/** Per-student labels (e.g. misconceptions held) and the weight of each label held by one student alone in a group. */
export interface IsolationTerm {
  labels: readonly (readonly number[])[];
  labelCount: number;
  weight: number;
}

export interface SearchProblem {
  n: number;
  sizing: GroupSizing;
  /** Row-major N×N pair scores; the search maximises their sum within groups minus the isolation penalty. */
  score: Float64Array;
  structure: ConstraintStructure;
  isolation?: IsolationTerm | undefined;
}

export class GroupingState {
  readonly k: number;
  readonly groupOf: Int32Array;
  readonly sums: Float64Array;
  readonly size: Int32Array;
  readonly members: number[][];
  /** apartCount[i*k+g]: how many of i's keep-apart partners are in g (null when there are none). */
  readonly apartCount: Int32Array | null;
  readonly labelCount: Int32Array | null;
  value = 0;

  constructor(
    readonly problem: SearchProblem,
    groupOf: Int32Array,
  ) {
    const { n, sizing, structure, isolation } = problem;
    const k = sizing.groupCount;
    this.k = k;
    this.groupOf = Int32Array.from(groupOf);
    this.sums = new Float64Array(n * k);
    this.size = new Int32Array(k);
    this.members = Array.from({ length: k }, () => []);
    const hasApart = structure.apart.some((list) => list.length > 0);
    this.apartCount = hasApart ? new Int32Array(n * k) : null;
    this.labelCount = isolation && isolation.weight > 0 ? new Int32Array(k * isolation.labelCount) : null;
    const { score } = problem;
    for (let j = 0; j < n; j++) {
      const g = this.groupOf[j] as number;
      this.members[g]?.push(j);
      this.size[g] = (this.size[g] as number) + 1;
      for (let i = 0; i < n; i++)
        this.sums[g * n + i] = (this.sums[g * n + i] as number) + (score[j * n + i] as number);
      if (this.apartCount) for (const p of structure.apart[j] as number[]) this.apartCount[p * k + g]! += 1;
      if (this.labelCount && isolation) {
        for (const m of isolation.labels[j] ?? []) this.labelCount[g * isolation.labelCount + m]! += 1;
      }
    }
    let pairs = 0;
    for (let i = 0; i < n; i++) pairs += this.sums[(this.groupOf[i] as number) * n + i] as number;
    this.value = pairs / 2 - this.isolationPenalty();
  }

  isolationPenalty(): number {
    const iso = this.problem.isolation;
    if (!this.labelCount || !iso) return 0;
    let alone = 0;
    for (const c of this.labelCount) if (c === 1) alone++;
    return alone * iso.weight;
  }

  /** Change in the isolation penalty's contribution (as a gain) when x moves a→b and y moves b→a (y may be -1). */
  isolationGain(x: number, y: number, a: number, b: number): number {
    const iso = this.problem.isolation;
    const counts = this.labelCount;
    if (!counts || !iso) return 0;
    const lx = iso.labels[x] ?? [];
    const ly = y >= 0 ? (iso.labels[y] ?? []) : [];
    if (lx.length === 0 && ly.length === 0) return 0;
    let change = 0; // change in the number of (group, label) pairs held by exactly one student
    const visit = (m: number, deltaA: number): void => {
      if (deltaA === 0) return;
      const ca = counts[a * iso.labelCount + m] as number;
      const cb = counts[b * iso.labelCount + m] as number;
      change += Number(ca + deltaA === 1) - Number(ca === 1) + Number(cb - deltaA === 1) - Number(cb === 1);
    };
    for (const m of lx) visit(m, -1 + Number(ly.includes(m)));
    for (const m of ly) if (!lx.includes(m)) visit(m, 1);
    return -change * iso.weight;
  }

  canSwap(i: number, j: number): boolean {
    const counts = this.apartCount;
    if (!counts) return true;
    const a = this.groupOf[i] as number;
    const b = this.groupOf[j] as number;
    const apart = this.problem.structure.apart;
    const iApartJ = (apart[i] as number[]).includes(j) ? 1 : 0;
    return counts[i * this.k + b] === iApartJ && counts[j * this.k + a] === iApartJ;
  }

  /** Gain (in the maximised value) of moving set xs from a to b and set ys from b to a. */
  setGain(xs: readonly number[], a: number, ys: readonly number[], b: number): number {
    const { n, score } = this.problem;
    const { sums } = this;
    let gain = 0;
    for (const x of xs) gain += (sums[b * n + x] as number) - (sums[a * n + x] as number);
    for (const y of ys) gain += (sums[a * n + y] as number) - (sums[b * n + y] as number);
    const within = (set: readonly number[]): number => {
      let total = 0;
      for (let p = 0; p < set.length; p++)
        for (let q = p + 1; q < set.length; q++)
          total += score[(set[p] as number) * n + (set[q] as number)] as number;
      return total;
    };
    let cross = 0;
    for (const x of xs) for (const y of ys) cross += score[x * n + y] as number;
    gain += 2 * within(xs) + 2 * within(ys) - 2 * cross;
    if (this.labelCount) gain += this.isolationGainOfSets(xs, a, ys, b);
    return gain;
  }

  private isolationGainOfSets(xs: readonly number[], a: number, ys: readonly number[], b: number): number {
    const before = this.isolationPenalty();
    this.shiftLabels(xs, a, b);
    this.shiftLabels(ys, b, a);
    const after = this.isolationPenalty();
    this.shiftLabels(ys, a, b);
    this.shiftLabels(xs, b, a);
    return before - after;
  }

  private shiftLabels(set: readonly number[], from: number, to: number): void {
    const iso = this.problem.isolation;
    if (!this.labelCount || !iso) return;
    for (const x of set) {
      for (const m of iso.labels[x] ?? []) {
        this.labelCount[from * iso.labelCount + m]! -= 1;
        this.labelCount[to * iso.labelCount + m]! += 1;
      }
    }
  }

  /** Whether moving xs a→b and ys b→a keeps sizes in bounds and every keep-apart pair apart. */
  canMoveSets(xs: readonly number[], a: number, ys: readonly number[], b: number): boolean {
    const { minSize, maxSize } = this.problem.sizing;
    const sizeA = (this.size[a] as number) - xs.length + ys.length;
    const sizeB = (this.size[b] as number) + xs.length - ys.length;
    if (sizeA < minSize || sizeA > maxSize || sizeB < minSize || sizeB > maxSize) return false;
    const counts = this.apartCount;
    if (!counts) return true;
    const apart = this.problem.structure.apart;
    const partnersIn = (i: number, set: readonly number[]): number =>
      (apart[i] as number[]).reduce((c, p) => c + (set.includes(p) ? 1 : 0), 0);
    for (const x of xs) if (counts[x * this.k + b] !== partnersIn(x, ys)) return false;
    for (const y of ys) if (counts[y * this.k + a] !== partnersIn(y, xs)) return false;
    return true;
  }

  moveSets(xs: readonly number[], a: number, ys: readonly number[], b: number, gain: number): void {
    for (const x of xs) this.relocate(x, a, b);
    for (const y of ys) this.relocate(y, b, a);
    this.value += gain;
  }

  private relocate(x: number, from: number, to: number): void {
    const { n, score, structure, isolation } = this.problem;
    const { k, sums } = this;
    const row = x * n; // score is symmetric: score[i][x] = score[x][i], read along x's row
    const fromRow = from * n;
    const toRow = to * n;
    for (let i = 0; i < n; i++) {
      const s = score[row + i] as number;
      sums[fromRow + i] = (sums[fromRow + i] as number) - s;
      sums[toRow + i] = (sums[toRow + i] as number) + s;
    }
    if (this.apartCount) {
      for (const p of structure.apart[x] as number[]) {
        this.apartCount[p * k + from]! -= 1;
        this.apartCount[p * k + to]! += 1;
      }
    }
    if (this.labelCount && isolation) this.shiftLabels([x], from, to);
    const list = this.members[from] as number[];
    list.splice(list.indexOf(x), 1);
    this.members[to]?.push(x);
    this.size[from]! -= 1;
    this.size[to]! += 1;
    this.groupOf[x] = to;
  }
}
