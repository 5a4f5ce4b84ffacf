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
   * Ship the average of the weights after each epoch (averaged SGD by epoch snapshots) rather than the last
   * epoch's: the average moves less with the shuffle order and the last few examples.
   */
  averaged: boolean;
  /** Share of training steps that see the next utterance (the rest learn to do without it). */
  nextKeep: number;
}

/**
 * Trains a balanced softmax for `options.epochs` epochs; `onEpoch` sees the plain and the averaged weights
 * after each epoch (views: copy what is kept). Deterministic: epoch e is the same whatever the epoch count.
 */
export function fitSoftmax(
  examples: readonly TrainingExample[],
  classes: number,
  options: FitOptions,
  onEpoch?: (epoch: number, plain: LinearWeights, averaged: LinearWeights) => void,
): LinearWeights {
  const trainer = balancedTrainer(
    options,
    classes,
    examples.map((e) => e.y),
  );
  const sumWeights = new Float64Array(trainer.weights.length);
  const sumBias = new Float64Array(classes);
  const averageOf = (epoch: number): LinearWeights => ({
    weights: Float32Array.from(sumWeights, (w) => w / epoch),
    bias: sumBias.map((b) => b / epoch),
  });
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    trainer.epoch(examples, options.nextKeep);
    for (let i = 0; i < sumWeights.length; i++) sumWeights[i]! += trainer.weights[i]!;
    for (let c = 0; c < classes; c++) sumBias[c]! += trainer.bias[c]!;
    if (onEpoch) onEpoch(epoch, trainer, averageOf(epoch));
  }
  if (options.averaged) return averageOf(Math.max(1, options.epochs));
  return { weights: trainer.weights, bias: trainer.bias };
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
