import type { LabelledExample } from './dataset.js';
import {
  bothWays,
  fitSoftmax,
  heldLogits,
  slotUsage,
  type FitOptions,
  type HeldLogits,
  type LinearWeights,
} from './fitting.js';
import { fnv1a } from './hash.js';
import { movesFor, type SpeakerRole } from './labels.js';
import { classificationReport, confusionMatrix, macroF1OfIndices } from './metrics.js';
import { decodeRoleModel, encodeRoleModel, type RoleMetrics, type RoleModel } from './model.js';
import { moveVectors } from './predict.js';
import { lessonSeries, type SplitName } from './split.js';
import { argmax, tuneOffsets, type TrainingExample } from './trainer.js';

/** Fold 0 is the tune split; the fit series are spread over the other folds by a hash of their name. */
export const CV_FOLDS = 3;

/**
 * The cross-validation fold of a transcript, over the development data only (fit + tune): whole lesson
 * series per fold, so a fold measures unseen teachers and lessons as dev does. `null` for the dev split,
 * which choices never see.
 */
export function developmentFold(
  splitOf: (transcriptId: string) => SplitName,
): (transcriptId: string) => number | null {
  return (id) => {
    const split = splitOf(id);
    if (split === 'dev') return null;
    if (split === 'tune') return 0;
    return 1 + (fnv1a(`cv:${lessonSeries(id)}`) % (CV_FOLDS - 1));
  };
}

export interface CrossValidationOptions extends FitOptions {
  hashBits: number;
  /**
   * Byte budgets (slot list + int8 weights) to prune and quantize each fold's model to, as `pnpm train` ships
   * it: the size of the file is a choice the folds should see, and unpruned figures cannot show it.
   */
  pruneBytes?: readonly number[];
}

/** Macro-F1 without and with the next utterance. */
export type F1Pair = [withoutNext: number, withNext: number];

export interface FoldFigures {
  fold: number;
  fitRows: number;
  heldRows: number;
  /** After the last epoch, plain argmax (no offsets, no pruning), of the weights `options.averageLast` picks. */
  withoutNext: RoleMetrics;
  withNext: RoleMetrics;
  /** Per epoch e: macro-F1 of its weights, of the mean of the last ⌈e/2⌉ epochs' and of all epochs' so far. */
  curve: { epoch: number; plain: F1Pair; lastHalf: F1Pair; all: F1Pair }[];
  /** With per-class offsets tuned on one other fold (as on the tune split; mean of the two) or all others. */
  offsets: {
    single: F1Pair;
    pooled: F1Pair;
    /** Pooled, but one set tuned on the other folds without the next utterance and one set with it. */
    perMode: F1Pair;
  };
}

/** One byte budget's figures per fold, of the pruned and quantized fold models. */
export interface PrunedFigures {
  maxBytes: number;
  /** Mean over the folds of the encoded size (base64 characters of slots and weights, as in the file). */
  fileChars: number;
  /** Per fold: plain argmax, and with offsets tuned on the other folds' pruned logits pooled (as shipped). */
  folds: { plain: F1Pair; pooled: F1Pair }[];
}

export interface RoleCrossValidation {
  labels: readonly string[];
  folds: FoldFigures[];
  pruned: PrunedFigures[];
  /** Gold (row) against predicted (column) over all folds, without the next utterance, plain argmax. */
  confusion: number[][];
}

export function vectorsOf(
  examples: readonly LabelledExample[],
  labels: readonly string[],
  hashBits: number,
): TrainingExample[] {
  return examples.map((ex) => {
    const y = labels.indexOf(ex.label);
    if (y < 0) throw new Error(`unknown ${ex.role} label "${ex.label}" in ${ex.transcriptId}`);
    const v = moveVectors(ex, hashBits);
    return v.next === null ? { x: v.base, y } : { x: v.base, y, extra: v.next };
  });
}

function pairOf(held: HeldLogits, classes: number, offsets?: readonly number[]): F1Pair {
  const f1 = macroF1OfIndices(held.gold, classes);
  return [
    f1(held.withoutNext.map((l) => argmax(l, offsets))),
    f1(held.withNext.map((l) => argmax(l, offsets))),
  ];
}

/** Offsets tuned on the pooled logits of `folds`, both ways. */
export function offsetsFrom(folds: readonly HeldLogits[], classes: number): number[] {
  const gold: number[] = [];
  const logits: Float64Array[] = [];
  for (const f of folds) {
    const both = bothWays(f);
    gold.push(...both.gold);
    logits.push(...both.logits);
  }
  return tuneOffsets(logits, classes, macroF1OfIndices(gold, classes));
}

/** Offsets tuned on `others` one way only (without, or with, the next utterance), each measured that way. */
function perModePair(held: HeldLogits, others: readonly HeldLogits[], classes: number): F1Pair {
  const tuned = (way: 'withoutNext' | 'withNext') =>
    tuneOffsets(
      others.flatMap((o) => o[way]),
      classes,
      macroF1OfIndices(
        others.flatMap((o) => o.gold),
        classes,
      ),
    );
  const f1 = macroF1OfIndices(held.gold, classes);
  const without = tuned('withoutNext');
  const withNext = tuned('withNext');
  return [
    f1(held.withoutNext.map((l) => argmax(l, without))),
    f1(held.withNext.map((l) => argmax(l, withNext))),
  ];
}

/**
 * One role's figures per fold: trained on the other folds, measured on this one, without and with the next
 * utterance, after every epoch; and what per-class offsets tuned on other folds do to it. For comparing
 * features and options on development data; the shipped model is trained by `trainTalkMovesModel`.
 */
export function crossValidateRole(
  examples: readonly LabelledExample[],
  role: SpeakerRole,
  foldOf: (transcriptId: string) => number | null,
  options: CrossValidationOptions,
): RoleCrossValidation {
  const labels = movesFor(role);
  const k = labels.length;
  const mine = examples.filter((e) => e.role === role && e.labelled && foldOf(e.transcriptId) !== null);
  const foldIds = mine.map((e) => foldOf(e.transcriptId)!);
  const vectors = vectorsOf(mine, labels, options.hashBits);
  const folds = [...new Set(foldIds)].sort((a, b) => a - b);
  const held: HeldLogits[] = [];
  const budgets = options.pruneBytes ?? [];
  const pruned = budgets.map(() => ({ held: [] as HeldLogits[], chars: 0 }));
  const figures = folds.map((fold) => {
    const fit = vectors.filter((_, i) => foldIds[i] !== fold);
    const heldOut = vectors.filter((_, i) => foldIds[i] === fold);
    const curve: FoldFigures['curve'] = [];
    const model = (w: { weights: Float32Array; bias: Float64Array }): RoleModel => ({ labels, ...w });
    const weights = fitSoftmax(fit, k, options, (epoch, averageLast) => {
      const at = (n: number) => pairOf(heldLogits(model(averageLast(n)), heldOut), k);
      curve.push({ epoch, plain: at(1), lastHalf: at(Math.ceil(epoch / 2)), all: at(epoch) });
    });
    const logits = heldLogits(model(weights), heldOut);
    held.push(logits);
    const usage = budgets.length > 0 ? slotUsage(fit, options.hashBits) : undefined;
    budgets.forEach((maxBytes, j) => {
      const encoded = prunedModel(labels, weights, maxBytes, usage!, options.hashBits);
      pruned[j]!.held.push(heldLogits(encoded.model, heldOut));
      pruned[j]!.chars += encoded.chars / folds.length;
    });
    const report = (rows: Float64Array[]): RoleMetrics =>
      classificationReport(
        labels,
        logits.gold.map((y) => labels[y]!),
        rows.map((l) => labels[argmax(l)]!),
      );
    return {
      fold,
      fitRows: fit.length,
      heldRows: heldOut.length,
      withoutNext: report(logits.withoutNext),
      withNext: report(logits.withNext),
      curve,
    };
  });
  const withOffsets = figures.map((f, i): FoldFigures => {
    const others = held.filter((_, j) => j !== i);
    const singles = others.map((o) => pairOf(held[i]!, k, offsetsFrom([o], k)));
    const mean = (n: 0 | 1) => singles.reduce((s, p) => s + p[n], 0) / Math.max(1, singles.length);
    return {
      ...f,
      offsets: {
        single: [mean(0), mean(1)],
        pooled: pairOf(held[i]!, k, offsetsFrom(others, k)),
        perMode: perModePair(held[i]!, others, k),
      },
    };
  });
  const gold = held.flatMap((h) => h.gold);
  const predicted = held.flatMap((h) => h.withoutNext.map((l) => argmax(l)));
  return {
    labels,
    folds: withOffsets,
    pruned: pruned.map((p, j) => ({
      maxBytes: budgets[j]!,
      fileChars: Math.round(p.chars),
      folds: p.held.map((h, i) => ({
        plain: pairOf(h, k),
        pooled: pairOf(
          h,
          k,
          offsetsFrom(
            p.held.filter((_, o) => o !== i),
            k,
          ),
        ),
      })),
    })),
    confusion: confusionMatrix(gold, predicted, k),
  };
}

/** A fold's weights as `pnpm train` ships them: pruned to `maxBytes` by weight × usage, int8, decoded back. */
function prunedModel(
  labels: readonly string[],
  weights: LinearWeights,
  maxBytes: number,
  usage: Float64Array,
  hashBits: number,
): { model: RoleModel; chars: number } {
  const file = encodeRoleModel(labels, weights.bias, weights.weights, maxBytes, usage);
  return { model: decodeRoleModel(file, hashBits), chars: file.slots.length + file.weights.length };
}
