import { seededRandom } from './hash.js';
import type { SparseVector } from './model.js';

export interface TrainingExample {
  x: SparseVector;
  y: number;
  /** Features that are only sometimes known (what follows a contribution), added to `x` when present. */
  extra?: SparseVector;
}

export interface SoftmaxOptions {
  classes: number;
  hashBits: number;
  learningRate: number;
  /** Loss weight per class, to lift rare moves for macro-F1. */
  classWeights: readonly number[];
  seed: number;
  /** L2 penalty on the weights an example touches (0: none, as for the talk moves). */
  l2?: number;
  /** Share of each target spread evenly over all classes (label smoothing; 0: one-hot targets). */
  labelSmoothing?: number;
}

/**
 * Multinomial logistic regression trained one epoch at a time with AdaGrad over hashed sparse features.
 * Deterministic: the shuffle comes from the seed.
 */
export class SoftmaxTrainer {
  readonly weights: Float32Array;
  readonly bias: Float64Array;
  private readonly gradSq: Float32Array;
  private readonly biasGradSq: Float64Array;
  private readonly random: () => number;

  constructor(private readonly options: SoftmaxOptions) {
    const size = options.classes << options.hashBits;
    this.weights = new Float32Array(size);
    this.gradSq = new Float32Array(size).fill(1e-6);
    this.bias = new Float64Array(options.classes);
    this.biasGradSq = new Float64Array(options.classes).fill(1e-6);
    this.random = seededRandom(options.seed);
  }

  logits(x: SparseVector, extra?: SparseVector): Float64Array {
    const k = this.options.classes;
    const out = Float64Array.from(this.bias);
    for (const v of extra ? [x, extra] : [x]) {
      for (let i = 0; i < v.indices.length; i++) {
        const base = v.indices[i]! * k;
        const value = v.values[i]!;
        for (let c = 0; c < k; c++) out[c]! += value * this.weights[base + c]!;
      }
    }
    return out;
  }

  /**
   * One pass over the examples in a seeded order. An example's `extra` features are used with probability
   * `extraKeep`, so one model learns to tag both with and without them.
   */
  epoch(examples: readonly TrainingExample[], extraKeep = 1): void {
    const { classes: k, learningRate: lr, classWeights } = this.options;
    const l2 = this.options.l2 ?? 0;
    const smoothing = this.options.labelSmoothing ?? 0;
    const order = Array.from(examples.keys());
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const grad = new Float64Array(k);
    for (const idx of order) {
      const { x, y, extra } = examples[idx]!;
      const used = extra !== undefined && (extraKeep >= 1 || this.random() < extraKeep) ? extra : undefined;
      const logits = this.logits(x, used);
      let max = -Infinity;
      for (const l of logits) if (l > max) max = l;
      let sum = 0;
      for (let c = 0; c < k; c++) sum += grad[c] = Math.exp(logits[c]! - max);
      const cw = classWeights[y] ?? 1;
      for (let c = 0; c < k; c++)
        grad[c] = cw * (grad[c]! / sum - (c === y ? 1 - smoothing : 0) - smoothing / k);
      for (let c = 0; c < k; c++) {
        const g = grad[c]!;
        this.biasGradSq[c]! += g * g;
        this.bias[c]! -= (lr * g) / Math.sqrt(this.biasGradSq[c]!);
      }
      this.update(x, grad, lr, l2);
      if (used) this.update(used, grad, lr, l2);
    }
  }

  private update(x: SparseVector, grad: Float64Array, lr: number, l2: number): void {
    const k = this.options.classes;
    for (let i = 0; i < x.indices.length; i++) {
      const base = x.indices[i]! * k;
      const v = x.values[i]!;
      for (let c = 0; c < k; c++) {
        const at = base + c;
        const g = grad[c]! * v + l2 * this.weights[at]!;
        if (g === 0) continue;
        this.gradSq[at]! += g * g;
        this.weights[at]! -= (lr * g) / Math.sqrt(this.gradSq[at]!);
      }
    }
  }
}

/** The class with the largest logit (plus its offset, when given); ties go to the lower class. */
export function argmax(logits: ArrayLike<number>, offsets?: readonly number[]): number {
  let best = 0;
  let bestScore = logits[0]! + (offsets?.[0] ?? 0);
  for (let c = 1; c < logits.length; c++) {
    const score = logits[c]! + (offsets?.[c] ?? 0);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Class weights (n_max / n_c)^power: power 0 is unweighted, 1 fully balanced. */
export function balancedClassWeights(labels: readonly number[], classes: number, power: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const y of labels) counts[y]!++;
  const max = Math.max(...counts);
  return counts.map((n) => (n === 0 ? 1 : Math.pow(max / n, power)));
}

/**
 * Per-class logit offsets chosen by coordinate ascent to maximise macro-F1 on held-out logits
 * (the tune split, never dev). Offsets of class 0 (`none`) stay at 0 as the reference.
 */
export function tuneOffsets(
  logits: readonly Float64Array[],
  classes: number,
  macroF1: (predicted: number[]) => number,
): number[] {
  const offsets = new Array<number>(classes).fill(0);
  const predict = (): number[] => logits.map((l) => argmax(l, offsets));
  let bestScore = macroF1(predict());
  for (let pass = 0; pass < 3; pass++) {
    for (let c = 1; c < classes; c++) {
      const start = offsets[c]!;
      let bestOffset = start;
      for (let step = -15; step <= 15; step++) {
        offsets[c] = start + step * 0.1;
        const score = macroF1(predict());
        if (score > bestScore + 1e-9) {
          bestScore = score;
          bestOffset = offsets[c]!;
        }
      }
      offsets[c] = bestOffset;
    }
  }
  return offsets;
}

/** The training settings every tagger model shares: its classes weighted by `balancedClassWeights`. */
export interface BalancedTrainingOptions {
  hashBits: number;
  learningRate: number;
  classWeightPower: number;
  seed: number;
  l2?: number;
  labelSmoothing?: number;
}

/** A trainer for `classes` whose weights balance the labels of the examples it will fit. */
export function balancedTrainer(
  options: BalancedTrainingOptions,
  classes: number,
  fitLabels: readonly number[],
): SoftmaxTrainer {
  return new SoftmaxTrainer({
    classes,
    hashBits: options.hashBits,
    learningRate: options.learningRate,
    classWeights: balancedClassWeights(fitLabels, classes, options.classWeightPower),
    seed: options.seed,
    l2: options.l2,
    labelSmoothing: options.labelSmoothing,
  });
}
