import { fnv1a } from './hash.js';
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
  /**
   * Train this many models that differ only in their shuffle seed (`bagSeed`) and ship the mean of their
   * weights (1: one model). The mean of a linear model's weights is a model of the same size; it steadies
   * the figures against the shuffle order, as averaging epochs steadies them against the last epoch.
   */
  bag?: number;
}

/** The seed of bag member `member`: member 0 keeps the seed itself, so a bag of 1 is the plain model. */
export function bagSeed(seed: number, member: number): number {
  return member === 0 ? seed : fnv1a(`bag:${seed}:${member}`);
}

/** The element-wise mean of linear models of the same shape. */
export function meanWeights(models: readonly LinearWeights[]): LinearWeights {
  if (models.length === 1) return models[0]!;
  const weights = new Float32Array(models[0]!.weights.length);
  const bias = new Float64Array(models[0]!.bias.length);
  for (const m of models) {
    for (let i = 0; i < weights.length; i++) weights[i]! += m.weights[i]! / models.length;
    for (let c = 0; c < bias.length; c++) bias[c]! += m.bias[c]! / models.length;
  }
  return { weights, bias };
}

/**
 * Trains a balanced softmax for `options.epochs` epochs (a bag of `options.bag` of them, one per shuffle seed,
 * trained side by side); after each epoch, `onEpoch` can ask for the mean of the last n epochs' weights (of
 * the bag's mean). Deterministic: epoch e is the same whatever the epoch count, and a member's weights do not
 * depend on the others'.
 */
export function fitSoftmax(
  examples: readonly TrainingExample[],
  classes: number,
  options: FitOptions,
  onEpoch?: (epoch: number, averageLast: (n: number) => LinearWeights) => void,
): LinearWeights {
  const labels = examples.map((e) => e.y);
  const members = Array.from({ length: Math.max(1, options.bag ?? 1) }, (_, m) =>
    balancedTrainer({ ...options, seed: bagSeed(options.seed, m) }, classes, labels),
  );
  const snapshots: LinearWeights[] = [];
  const keep = onEpoch ? options.epochs : Math.max(1, options.averageLast);
  const averageLast = (n: number): LinearWeights => meanWeights(snapshots.slice(-Math.max(1, n)));
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (const trainer of members) trainer.epoch(examples, options.nextKeep);
    // Snapshots are copies: the trainers keep updating their own arrays.
    const mean = meanWeights(members.map((t) => ({ weights: t.weights, bias: t.bias })));
    snapshots.push(members.length === 1 ? { weights: mean.weights.slice(), bias: mean.bias.slice() } : mean);
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

/** How much each slot is used in fitting, so pruning keeps the slots that move decisions most. */
export function slotUsage(examples: readonly TrainingExample[], hashBits: number): Float64Array {
  const usage = new Float64Array(1 << hashBits);
  for (const e of examples) {
    for (const v of e.extra ? [e.x, e.extra] : [e.x]) {
      for (let i = 0; i < v.indices.length; i++) usage[v.indices[i]!]! += Math.abs(v.values[i]!);
    }
  }
  return usage;
}
