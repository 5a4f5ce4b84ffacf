// The working state of the region search (regionSearch.ts): members per group in fixed-size slots, and each
// student's summed score with its group mates. Unlike GroupingState's N×K running sums (a move rewrites two
// rows of N), a move here costs O(group size²), which is what makes thousands of small local steps cheap. Every
// change is logged so that a step that did not pay off is undone exactly.
import type { SearchProblem } from './state.js';

export class ClusterState {
  /** Array reads spent so far: the budget's unit, so a search on this state is deterministic. */
  work = 0;
  /** Sum of pair scores within groups (the maximised value). */
  value = 0;
  readonly n: number;
  readonly k: number;
  /** Slots per group: the largest allowed size. */
  readonly cap: number;
  readonly minSize: number;
  readonly maxSize: number;
  readonly score: Float64Array;
  readonly groupOf: Int32Array;
  /** members[g * cap + p], p < size[g]; -1 beyond. */
  readonly members: Int32Array;
  readonly size: Int32Array;
  /** own[i]: sum of i's scores with its group mates. */
  readonly own: Float64Array;
  /** 1 for students not in a keep-together unit (units stay where they are in this search). */
  readonly movable: Uint8Array;
  private readonly apart: readonly (readonly number[])[];
  private readonly hasApart: boolean;
  /** Undo log: each student's group before the current step, recorded at its first move. */
  private readonly before: Int32Array;
  private readonly moved: Int32Array;
  private movedCount = 0;
  /** Scratch marks for "group already visited" (compare with a fresh stamp). */
  readonly seen: Int32Array;
  private stampCounter = 0;
  private readonly dirty: Uint8Array;
  private readonly dirtyList: Int32Array;
  private dirtyCount = 0;
  /** Scratch: the groups of a rotation (chains span a handful of groups), and the groups an undo touched. */
  private readonly rotation = new Int32Array(16);
  private readonly touched: Int32Array;

  constructor(problem: SearchProblem, start: Int32Array) {
    const { n, sizing, score, structure } = problem;
    this.n = n;
    this.k = sizing.groupCount;
    this.minSize = sizing.minSize;
    this.maxSize = sizing.maxSize;
    this.cap = sizing.maxSize;
    this.score = score;
    this.groupOf = Int32Array.from(start);
    this.members = new Int32Array(this.k * this.cap).fill(-1);
    this.size = new Int32Array(this.k);
    this.own = new Float64Array(n);
    this.movable = new Uint8Array(n);
    for (const unit of structure.units) if (unit.length === 1) this.movable[unit[0] as number] = 1;
    this.apart = structure.apart;
    this.hasApart = structure.apart.some((list) => list.length > 0);
    this.before = new Int32Array(n).fill(-1);
    this.moved = new Int32Array(n);
    this.seen = new Int32Array(this.k);
    this.dirty = new Uint8Array(this.k);
    this.dirtyList = new Int32Array(this.k);
    this.touched = new Int32Array(this.k);
    for (let i = 0; i < n; i++) this.place(i, this.groupOf[i] as number);
    for (let g = 0; g < this.k; g++) this.value += this.refresh(g);
  }

  stamp(): number {
    return ++this.stampCounter;
  }

  /** Sum of x's scores with the members of g, leaving out `except` (-1: nobody). */
  scoreWith(x: number, g: number, except: number): number {
    const { members, cap, score, n } = this;
    const row = x * n;
    const count = this.size[g] as number;
    let total = 0;
    for (let p = 0; p < count; p++) {
      const y = members[g * cap + p] as number;
      if (y !== except) total += score[row + y] as number;
    }
    this.work += count;
    return total;
  }

  /** Whether x may join g with `except` leaving it: no keep-apart partner of x stays there. */
  canJoin(x: number, g: number, except: number): boolean {
    if (!this.hasApart) return true;
    for (const partner of this.apart[x] as readonly number[])
      if (partner !== except && this.groupOf[partner] === g) return false;
    return true;
  }

  /** Recomputes own[] for g's members; returns g's value (sum of its pair scores). */
  refresh(g: number): number {
    const { members, cap, score, n, own } = this;
    const count = this.size[g] as number;
    let total = 0;
    for (let p = 0; p < count; p++) {
      const x = members[g * cap + p] as number;
      let sum = 0;
      for (let q = 0; q < count; q++) sum += score[x * n + (members[g * cap + q] as number)] as number;
      own[x] = sum;
      total += sum;
    }
    this.work += count * count;
    return total / 2;
  }

  /** Current value of g from own[] (valid between changes). */
  groupValue(g: number): number {
    let total = 0;
    const count = this.size[g] as number;
    for (let p = 0; p < count; p++) total += this.own[this.members[g * this.cap + p] as number] as number;
    return total / 2;
  }

  /** Takes x out of its group (into a pool): groupOf[x] is -1 until it is added again. */
  detach(x: number): void {
    this.record(x);
    this.remove(x, this.groupOf[x] as number);
    this.groupOf[x] = -1;
  }

  /** Moves x into g (logged); g must have a free slot. Call refresh on the groups involved afterwards. */
  add(x: number, g: number): void {
    if (this.groupOf[x] !== -1) {
      this.record(x);
      this.remove(x, this.groupOf[x] as number);
    }
    this.place(x, g);
  }

  /**
   * Moves the first `length` students of `cycle` one place round: each takes the group of the next, the last
   * the first's (length 2: a swap).
   */
  rotate(cycle: Int32Array, length: number, gain: number): void {
    const groups = this.rotation;
    for (let l = 0; l < length; l++) groups[l] = this.groupOf[cycle[l] as number] as number;
    for (let l = 0; l < length; l++) this.detach(cycle[l] as number);
    for (let l = 0; l < length; l++) this.place(cycle[l] as number, groups[(l + 1) % length] as number);
    for (let l = 0; l < length; l++) {
      this.refresh(groups[l] as number);
      this.markDirty(groups[l] as number);
    }
    this.value += gain;
  }

  markDirty(g: number): void {
    if (this.dirty[g] === 1) return;
    this.dirty[g] = 1;
    this.dirtyList[this.dirtyCount++] = g;
  }

  /** The next changed group to re-examine, or -1. */
  takeDirty(): number {
    if (this.dirtyCount === 0) return -1;
    const g = this.dirtyList[--this.dirtyCount] as number;
    this.dirty[g] = 0;
    return g;
  }

  /** Keeps the changes made since the last commit or undo. */
  commit(): void {
    for (let p = 0; p < this.movedCount; p++) this.before[this.moved[p] as number] = -1;
    this.movedCount = 0;
  }

  /** Puts every student moved since the last commit back in its group, and recomputes the groups involved. */
  undo(valueBefore: number): void {
    const count = this.movedCount;
    const stamp = this.stamp();
    let touchedCount = 0;
    for (let p = 0; p < 2 * count; p++) {
      const x = this.moved[p % count] as number;
      const g = (p < count ? this.groupOf[x] : this.before[x]) as number;
      if (p < count && g >= 0) this.remove(x, g);
      if (p >= count) this.place(x, g);
      if (g >= 0 && this.seen[g] !== stamp) {
        this.seen[g] = stamp;
        this.touched[touchedCount++] = g;
      }
    }
    for (let t = 0; t < touchedCount; t++) this.refresh(this.touched[t] as number);
    while (this.dirtyCount > 0) this.dirty[this.dirtyList[--this.dirtyCount] as number] = 0;
    this.commit();
    this.value = valueBefore; // the undone changes sum to zero up to rounding: keep the value exact
  }

  private record(x: number): void {
    if (this.before[x] !== -1) return;
    this.before[x] = this.groupOf[x] as number;
    this.moved[this.movedCount++] = x;
  }

  private place(x: number, g: number): void {
    this.members[g * this.cap + (this.size[g] as number)] = x;
    this.size[g] = (this.size[g] as number) + 1;
    this.groupOf[x] = g;
  }

  private remove(x: number, g: number): void {
    const base = g * this.cap;
    const last = (this.size[g] as number) - 1;
    for (let p = 0; p <= last; p++) {
      if (this.members[base + p] === x) {
        this.members[base + p] = this.members[base + last] as number;
        this.members[base + last] = -1;
        break;
      }
    }
    this.size[g] = last;
  }
}
