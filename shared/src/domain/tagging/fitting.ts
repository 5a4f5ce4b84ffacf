import { scoreLogits, type RoleModel } from './model.js';
import { balancedTrainer, type BalancedTrainingOptions, type TrainingExample } from './trainer.js';

/** The parameters of a linear softmax model, before pruning and quantization. */
export interface LinearWeights {
  weights: Float32Array;
  bias: Float64Array;
}

export interface FitOptions extends BalancedTrainingOptions {
  epochs: number;
  /**
   * Ship the mean of the last `averageLast` epochs' weights (1: the last epoch's). Averaging the later epochs
   * (tail-averaged SGD) steadies the weights against the shuffle order; the early epochs are too far from the
   * optimum to be worth averaging in, as cross-validation shows.
   */
  averageLast: number;
  /** Share of training steps that see the next utterance (the rest learn to do without it). */
  nextKeep: number;
}

/**
 * Trains a balanced softmax for `options.epochs` epochs; after each, `onEpoch` can ask for the mean of the last
 * n epochs' weights. Deterministic: epoch e is the same whatever the epoch count.
 */
export function fitSoftmax(
  examples: readonly TrainingExample[],
  classes: number,
  options: FitOptions,
  onEpoch?: (epoch: number, averageLast: (n: number) => LinearWeights) => void,
): LinearWeights {
  const trainer = balancedTrainer(
    options,
    classes,
    examples.map((e) => e.y),
  );
  const snapshots: LinearWeights[] = [];
  const keep = onEpoch ? options.epochs : Math.max(1, options.averageLast);
  const averageLast = (n: number): LinearWeights => {
    const used = snapshots.slice(-Math.max(1, n));
    if (used.length === 1) return used[0]!;
    const weights = new Float32Array(trainer.weights.length);
    const bias = new Float64Array(classes);
    for (const s of used) {
      for (let i = 0; i < weights.length; i++) weights[i]! += s.weights[i]! / used.length;
      for (let c = 0; c < classes; c++) bias[c]! += s.bias[c]! / used.length;
    }
    return { weights, bias };
  };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    trainer.epoch(examples, options.nextKeep);
    snapshots.push({ weights: trainer.weights.slice(), bias: trainer.bias.slice() });
    if (snapshots.length > keep) snapshots.shift();
    if (onEpoch) onEpoch(epoch, averageLast);
  }
  return averageLast(options.averageLast);
}

/** Logits of held-out examples without and with what follows them (the same array when nothing follows). */
export interface HeldLogits {
  gold: number[];
  withoutNext: Float64Array[];
  withNext: Float64Array[];
}

export function heldLogits(model: RoleModel, held: readonly TrainingExample[]): HeldLogits {
  const withoutNext = held.map((e) => scoreLogits(model, e.x));
  return {
    gold: held.map((e) => e.y),
    withoutNext,
    withNext: held.map((e, i) => (e.extra ? scoreLogits(model, e.x, e.extra) : withoutNext[i]!)),
  };
}

/**
 * Each example once without the next utterance and, when one follows, once with it: the model ships for
 * both, so offsets are tuned on both.
 */
export function bothWays(held: HeldLogits): { gold: number[]; logits: Float64Array[] } {
  const gold = [...held.gold];
  const logits = [...held.withoutNext];
  held.withNext.forEach((l, i) => {
    if (l !== held.withoutNext[i]) {
      gold.push(held.gold[i]!);
      logits.push(l);
    }
  });
  return { gold, logits };
}
