// Iterated local search over swaps, bounded by an evaluation budget (never by the clock, so it is
// deterministic for a given seed). Each restart: a random feasible grouping → best-improvement local search →
// repeated (perturb with a few random swaps → local search → keep if not worse, else undo).
import { shuffleInPlace, type Rng } from './prng.js';
import { bestPartners, NEIGHBOURS, RegionSearch } from './regionSearch.js';
import { GroupingState, type SearchProblem } from './state.js';

export interface SearchBudget {
  /** Independent starts; the best grouping over all of them is kept. */
  restarts: number;
  /** Swap evaluations (pairs looked at) across all restarts. */
  evaluations: number;
  /** Largest kick, in random swaps (default: grows with the class, N / 25). */
  maxKick?: number | undefined;
  /**
   * Share of each restart's evaluations spent on region regrouping (regionSearch.ts) after the first descent:
   * for tight groups (`similar`), whose improvements are local. 0 or absent: swaps and kicks only.
   */
  regionShare?: number | undefined;
  /** Region phase only: starts compared after a short regrouping each, before the best gets the rest. */
  trials?: number | undefined;
}

/** Region search counts array reads; one swap evaluation costs about as much time as this many of them. */
export const READS_PER_EVALUATION = 1;

/** Gains smaller than this are floating-point noise, not improvements. */
const MIN_GAIN = 1e-9;

interface Move {
  xs: number[];
  a: number;
  ys: number[];
  b: number;
}

class LocalSearch {
  evaluations = 0;
  private readonly singles: Int32Array;
  private readonly groupUnits: number[][];
  private readonly inUnit: Uint8Array;
  /**
   * Groups whose membership changed since their students were last scanned. A swap's gain depends only on
   * the two groups involved, so once no improving swap exists, only swaps touching a changed group can
   * become improving: scanning the students of dirty groups keeps the search exact at a fraction of the cost.
   */
  private readonly dirty: Uint8Array;

  constructor(
    private readonly state: GroupingState,
    private readonly rng: Rng,
    private readonly log: Move[] | null,
  ) {
    const { units } = state.problem.structure;
    this.singles = Int32Array.from(units.filter((u) => u.length === 1).map((u) => u[0] as number));
    this.groupUnits = units.filter((u) => u.length > 1);
    this.inUnit = new Uint8Array(state.problem.n);
    for (const unit of this.groupUnits) for (const i of unit) this.inUnit[i] = 1;
    this.dirty = new Uint8Array(state.k).fill(1);
  }

  private apply(xs: number[], a: number, ys: number[], b: number, gain: number): void {
    this.state.moveSets(xs, a, ys, b, gain);
    this.dirty[a] = 1;
    this.dirty[b] = 1;
    this.log?.push({ xs, a, ys, b });
  }

  /** For one student, the best swap (or move, when sizes allow) with anyone in another group. */
  private improveStudent(i: number): boolean {
    const { state, singles } = this;
    const { n, score, sizing } = state.problem;
    const { k, groupOf, sums, size } = state;
    const a = groupOf[i] as number;
    const sia = sums[a * n + i] as number;
    const rowA = a * n;
    const rowScore = i * n;
    const checkApart = state.apartCount !== null;
    const withLabels = state.labelCount !== null;
    let best = MIN_GAIN;
    let bestJ = -1;
    for (let p = 0; p < singles.length; p++) {
      const j = singles[p] as number;
      const b = groupOf[j] as number;
      if (b === a) continue;
      const rowB = b * n;
      let gain =
        (sums[rowB + i] as number) -
        sia +
        (sums[rowA + j] as number) -
        (sums[rowB + j] as number) -
        2 * (score[rowScore + j] as number);
      if (withLabels) gain += state.isolationGain(i, j, a, b);
      if (gain > best && (!checkApart || state.canSwap(i, j))) {
        best = gain;
        bestJ = j;
      }
    }
    this.evaluations += singles.length;
    let bestMoveTo = -1;
    if (sizing.maxSize > sizing.minSize && size[a] === sizing.maxSize) {
      for (let b = 0; b < k; b++) {
        if (size[b] !== sizing.minSize) continue;
        let gain = (sums[b * n + i] as number) - sia;
        if (withLabels) gain += state.isolationGain(i, -1, a, b);
        if (gain > best && (!checkApart || state.apartCount?.[i * k + b] === 0)) {
          best = gain;
          bestJ = -1;
          bestMoveTo = b;
        }
      }
    }
    if (bestMoveTo >= 0) this.apply([i], a, [], bestMoveTo, best);
    else if (bestJ >= 0) this.apply([i], a, [bestJ], groupOf[bestJ] as number, best);
    return bestMoveTo >= 0 || bestJ >= 0;
  }

  /** A keep-together unit trades places with as many students in another group (or moves, if sizes allow). */
  private improveUnit(unit: number[], changed: Uint8Array): boolean {
    const { state } = this;
    const { score, n } = state.problem;
    const { k, sums, groupOf } = state;
    const a = groupOf[unit[0] as number] as number;
    let best: { gain: number; ys: number[]; b: number } | null = null;
    for (let b = 0; b < k; b++) {
      // As for single students, a trade between two unchanged groups cannot have become improving.
      if (b === a || (changed[a] === 0 && changed[b] === 0)) continue;
      // Candidates: the singles in b that would gain most from joining a (a greedy pick, then exact evaluation).
      const singlesInB = (state.members[b] as number[]).filter((y) => this.inUnit[y] === 0);
      const ranked = singlesInB
        .map((y) => ({
          y,
          gain:
            (sums[a * n + y] as number) -
            (sums[b * n + y] as number) -
            2 * unit.reduce((t, x) => t + (score[x * n + y] as number), 0),
        }))
        .sort((p, q) => q.gain - p.gain || p.y - q.y);
      this.evaluations += singlesInB.length;
      for (const take of [unit.length, 0]) {
        if (ranked.length < take) continue;
        const ys = ranked.slice(0, take).map((r) => r.y);
        if (!state.canMoveSets(unit, a, ys, b)) continue;
        const gain = state.setGain(unit, a, ys, b);
        if (gain > (best?.gain ?? MIN_GAIN)) best = { gain, ys, b };
      }
    }
    if (!best) return false;
    this.apply(unit, a, best.ys, best.b, best.gain);
    return true;
  }

  /** Best-improvement passes over the students of changed groups until none can improve, or the budget ends. */
  run(order: Int32Array, budget: number): void {
    const { dirty, state } = this;
    for (;;) {
      const scan: number[] = [];
      for (let p = 0; p < order.length; p++) {
        const i = order[p] as number;
        if (dirty[state.groupOf[i] as number]) scan.push(i);
      }
      if (!dirty.includes(1)) return;
      const changed = Uint8Array.from(dirty);
      dirty.fill(0);
      for (let p = 0; p < scan.length && this.evaluations < budget; p++)
        this.improveStudent(scan[p] as number);
      for (const unit of this.groupUnits) this.improveUnit(unit, changed);
      this.evaluations += 1; // guarantees progress towards the budget even with nothing to scan
      if (this.evaluations >= budget) return;
    }
  }

  /** A few random feasible swaps between single students, to leave the current local optimum. */
  perturb(strength: number): void {
    const { state, singles, rng } = this;
    let done = 0;
    for (let attempt = 0; attempt < strength * 10 && done < strength && singles.length > 1; attempt++) {
      const i = singles[rng.int(singles.length)] as number;
      const j = singles[rng.int(singles.length)] as number;
      const a = state.groupOf[i] as number;
      const b = state.groupOf[j] as number;
      if (a === b || !state.canSwap(i, j)) continue;
      this.apply([i], a, [j], b, state.setGain([i], a, [j], b));
      done++;
    }
  }
}

/** In region mode, the most of a restart's budget one start's full-scan descent may take. */
const DESCENT_SHARE = 0.1;
/** Of the region phase, the share spent on trials (each start's first regrouping) before the best continues. */
const TRIAL_SHARE = 0.3;

/**
 * The region phase of a restart: `trials` starts (the first already descended), each descended by swaps and
 * briefly regrouped; the best continues with the rest of the region budget. In clustered data the costly choice
 * is global — which clusters share the groups their sizes leave over — and region steps cannot change it, so a
 * few starts are compared before the budget goes to one. Returns the grouping and the evaluations left.
 */
function regionPhase(
  problem: SearchProblem,
  descended: Int32Array,
  start: (restart: number) => Int32Array,
  order: Int32Array,
  rng: Rng,
  trialCount: number | undefined,
  budget: { descents: number; regions: number; descentCap: number },
): { groupOf: Int32Array; left: number } {
  const trials = Math.max(1, Math.floor(trialCount ?? 1));
  const trialReads = (TRIAL_SHARE * budget.regions * READS_PER_EVALUATION) / trials;
  const partners = bestPartners(problem.score, problem.n, NEIGHBOURS);
  let best = new RegionSearch(problem, descended, rng, partners);
  best.work += problem.n * problem.n; // the partner lists, computed once for every trial
  best.run(trialReads);
  let readsSpent: number = best.work;
  let descents = 0;
  for (let t = 1; t < trials; t++) {
    const state = new GroupingState(problem, start(t));
    const search = new LocalSearch(state, rng, null);
    search.run(order, Math.min(budget.descentCap, budget.descents - descents));
    descents += search.evaluations;
    const candidate = new RegionSearch(problem, state.groupOf, rng, partners);
    candidate.run(trialReads);
    readsSpent += candidate.work;
    if (candidate.value > best.value + MIN_GAIN) best = candidate;
  }
  const totalReads = budget.regions * READS_PER_EVALUATION;
  best.run(best.work + Math.max(0, totalReads - readsSpent));
  return { groupOf: best.groupOf, left: Math.max(0, budget.descents - descents) };
}

function undo(state: GroupingState, log: Move[]): void {
  for (let p = log.length - 1; p >= 0; p--) {
    const { xs, a, ys, b } = log[p] as Move;
    state.moveSets(xs, b, ys, a, state.setGain(xs, b, ys, a));
  }
  log.length = 0;
}

/**
 * Improves each start by iterated local search and returns the best grouping found (as group per student).
 * `start` gives a feasible grouping for a restart; every move the search makes keeps it feasible.
 */
export function iteratedLocalSearch(
  problem: SearchProblem,
  start: (restart: number) => Int32Array,
  rng: Rng,
  budget: SearchBudget,
): { groupOf: Int32Array; value: number } {
  const restarts = Math.max(1, Math.floor(budget.restarts));
  const perRestart = budget.evaluations / restarts;
  let best: { groupOf: Int32Array; value: number } | null = null;
  const minStrength = 2;
  // Kicks grow with the class: a handful of swaps is lost in 300 students.
  const maxStrength = Math.max(minStrength, budget.maxKick ?? Math.round(problem.n / 25));
  const regionShare = Math.min(1, Math.max(0, budget.regionShare ?? 0));
  for (let r = 0; r < restarts; r++) {
    let state = new GroupingState(problem, start(r));
    const log: Move[] = [];
    let search = new LocalSearch(state, rng, log);
    const order = Int32Array.from(
      shuffleInPlace(
        Array.from({ length: problem.n }, (_, i) => i),
        rng,
      ),
    );
    const singles = new Set(problem.structure.units.filter((u) => u.length === 1).map((u) => u[0]));
    const singleOrder = order.filter((i) => singles.has(i));
    const regionMode = regionShare > 0 && problem.sizing.groupCount > 2 && !problem.isolation?.weight;
    // In region mode a start's full-scan descent is capped: its passes cost N² each, which for a large class
    // would eat the budget the region steps use far better (the region search's own descent finishes the job).
    const descentCap = DESCENT_SHARE * perRestart;
    search.run(singleOrder, regionMode ? descentCap : perRestart);
    log.length = 0;
    if (regionMode) {
      const regionEvaluations = Math.min(perRestart - search.evaluations, regionShare * perRestart);
      const regions = regionPhase(problem, state.groupOf, start, singleOrder, rng, budget.trials, {
        descents: perRestart - search.evaluations - regionEvaluations,
        regions: regionEvaluations,
        descentCap,
      });
      state = new GroupingState(problem, regions.groupOf);
      search = new LocalSearch(state, rng, log);
      search.evaluations = perRestart - regions.left;
      search.run(singleOrder, perRestart);
      log.length = 0;
    }
    let current = state.value;
    while (search.evaluations < perRestart) {
      search.perturb(minStrength + rng.int(maxStrength - minStrength + 1));
      // A kick costs about a scan; counting it also ends the loop when no kick is possible (all fixed by constraints).
      search.evaluations += problem.n;
      search.run(singleOrder, perRestart);
      if (state.value >= current - MIN_GAIN) current = state.value;
      else {
        undo(state, log);
        state.value = current; // the undone gains sum to zero up to rounding; keep the running value exact
      }
      log.length = 0;
    }
    if (!best || state.value > best.value + MIN_GAIN)
      best = { groupOf: Int32Array.from(state.groupOf), value: state.value };
  }
  return best as { groupOf: Int32Array; value: number };
}
