import type { LabelledExample } from './dataset.js';
import { fnv1a } from './hash.js';
import { movesFor, type SpeakerRole } from './labels.js';
import { classificationReport } from './metrics.js';
import type { RoleMetrics } from './model.js';
import { moveVectors } from './predict.js';
import { lessonSeries, type SplitName } from './split.js';
import { balancedTrainer, type TrainingExample } from './trainer.js';

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

export interface CrossValidationOptions {
  hashBits: number;
  epochs: number;
  learningRate: number;
  classWeightPower: number;
  seed: number;
  nextKeep: number;
  l2: number;
}

export interface FoldFigures {
  fold: number;
  fitRows: number;
  heldRows: number;
  /** Macro-F1 and per class of the last epoch's weights (plain argmax: no offsets, no pruning). */
  withoutNext: RoleMetrics;
  withNext: RoleMetrics;
}

function vectorsOf(examples: readonly LabelledExample[], labels: readonly string[], hashBits: number) {
  return examples.map((ex): TrainingExample => {
    const v = moveVectors(ex, hashBits);
    const y = labels.indexOf(ex.label);
    return v.next === null ? { x: v.base, y } : { x: v.base, y, extra: v.next };
  });
}

/**
 * One role's figures per fold: trained on the other folds, measured on this one, without and with the next
 * utterance. For comparing features and options on development data; the shipped model is trained by
 * `trainTalkMovesModel`.
 */
export function crossValidateRole(
  examples: readonly LabelledExample[],
  role: SpeakerRole,
  foldOf: (transcriptId: string) => number | null,
  options: CrossValidationOptions,
): FoldFigures[] {
  const labels = movesFor(role);
  const mine = examples.filter((e) => e.role === role && e.labelled && foldOf(e.transcriptId) !== null);
  const folds = [...new Set(mine.map((e) => foldOf(e.transcriptId)!))].sort((a, b) => a - b);
  return folds.map((fold) => {
    const fit = vectorsOf(
      mine.filter((e) => foldOf(e.transcriptId) !== fold),
      labels,
      options.hashBits,
    );
    const held = vectorsOf(
      mine.filter((e) => foldOf(e.transcriptId) === fold),
      labels,
      options.hashBits,
    );
    const trainer = balancedTrainer(
      options,
      labels.length,
      fit.map((e) => e.y),
    );
    for (let e = 0; e < options.epochs; e++) trainer.epoch(fit, options.nextKeep);
    const gold = held.map((e) => labels[e.y]!);
    const report = (next: boolean): RoleMetrics =>
      classificationReport(
        labels,
        gold,
        held.map((e) => {
          const l = trainer.logits(e.x, next ? e.extra : undefined);
          let best = 0;
          for (let c = 1; c < l.length; c++) if (l[c]! > l[best]!) best = c;
          return labels[best]!;
        }),
      );
    return {
      fold,
      fitRows: fit.length,
      heldRows: held.length,
      withoutNext: report(false),
      withNext: report(true),
    };
  });
}
