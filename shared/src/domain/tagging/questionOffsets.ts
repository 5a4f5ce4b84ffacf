import { macroF1OfIndices } from './metrics.js';
import { tuneOffsets } from './trainer.js';

/**
 * Which out-of-fold questions the macro-F1 offsets are tuned on: none (plain argmax), every question, or
 * others' words only (as the calibration is: the authored sources are typed at 0.95 out of fold and would
 * leave little for offsets to fix).
 */
export const QUESTION_OFFSET_MODES = ['none', 'all', 'others'] as const;
export type QuestionOffsetMode = (typeof QUESTION_OFFSET_MODES)[number];

/** `logits` with `offsets` added, as a copy (the model file adds them to its bias). */
export function withOffsets(logits: Float64Array, offsets: readonly number[]): Float64Array {
  return logits.map((l, c) => l + (offsets[c] ?? 0));
}

/**
 * Per-type logit offsets that maximise macro-F1 on held-out logits, over the questions `use` admits (every one
 * when `use` is omitted). Zeros when there are none to tune on.
 */
export function fitQuestionOffsets(
  logits: readonly Float64Array[],
  gold: readonly number[],
  classes: number,
  use: (i: number) => boolean = () => true,
): number[] {
  const idx = logits.map((_, i) => i).filter(use);
  if (idx.length === 0) return new Array<number>(classes).fill(0);
  return tuneOffsets(
    idx.map((i) => logits[i]!),
    classes,
    macroF1OfIndices(
      idx.map((i) => gold[i]!),
      classes,
    ),
  );
}

/**
 * Out-of-fold logits with offsets that never saw the fold they are applied to: for each fold, offsets tuned on
 * the other folds' questions (those `use` admits) are added to its own. What they do to the fold's figures is
 * then an honest estimate of what offsets tuned on all folds do to a source never seen.
 */
export function nestedOffsetLogits(
  logits: readonly Float64Array[],
  gold: readonly number[],
  folds: readonly string[],
  classes: number,
  use: (i: number) => boolean = () => true,
): Float64Array[] {
  const out: Float64Array[] = logits.map((l) => l.slice());
  for (const fold of new Set(folds)) {
    const offsets = fitQuestionOffsets(logits, gold, classes, (i) => folds[i] !== fold && use(i));
    folds.forEach((f, i) => {
      if (f === fold) out[i] = withOffsets(logits[i]!, offsets);
    });
  }
  return out;
}
