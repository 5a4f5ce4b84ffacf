import { seededRandom } from './hash.js';
import type { SparseVector } from './model.js';

export interface TrainingExample {
  x: SparseVector;
  y: number;
}

export interface SoftmaxOptions {
  classes: number;
  hashBits: number;
  learningRate: number;
  /** Loss weight per class, to lift rare moves for macro-F1. */
  classWeights: readonly number[];
  seed: number;
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

  logits(x: SparseVector): Float64Array {
    const k = this.options.classes;
    const out = Float64Array.from(this.bias);
    for (let i = 0; i < x.indices.length; i++) {
      const base = x.indices[i]! * k;
      const v = x.values[i]!;
      for (let c = 0; c < k; c++) out[c]! += v * this.weights[base + c]!;
    }
    return out;
  }

  epoch(examples: readonly TrainingExample[]): void {
    const { classes: k, learningRate: lr, classWeights } = this.options;
    const order = Array.from(examples.keys());
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const grad = new Float64Array(k);
    for (const idx of order) {
      const { x, y } = examples[idx]!;
      const logits = this.logits(x);
      let max = -Infinity;
      for (const l of logits) if (l > max) max = l;
      let sum = 0;
      for (let c = 0; c < k; c++) sum += grad[c] = Math.exp(logits[c]! - max);
      const cw = classWeights[y] ?? 1;
      for (let c = 0; c < k; c++) grad[c] = cw * (grad[c]! / sum - (c === y ? 1 : 0));
      for (let c = 0; c < k; c++) {
        const g = grad[c]!;
        this.biasGradSq[c]! += g * g;
        this.bias[c]! -= (lr * g) / Math.sqrt(this.biasGradSq[c]!);
      }
      for (let i = 0; i < x.indices.length; i++) {
        const base = x.indices[i]! * k;
        const v = x.values[i]!;
        for (let c = 0; c < k; c++) {
          const g = grad[c]! * v;
          if (g === 0) continue;
          const at = base + c;
          this.gradSq[at]! += g * g;
          this.weights[at]! -= (lr * g) / Math.sqrt(this.gradSq[at]!);
        }
      }
    }
  }
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
  const predict = (): number[] =>
    logits.map((l) => {
      let best = 0;
      for (let c = 1; c < classes; c++) if (l[c]! + offsets[c]! > l[best]! + offsets[best]!) best = c;
      return best;
    });
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
