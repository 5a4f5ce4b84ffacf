import type { LabelledExample } from './dataset.js';
import type { SpeakerRole } from './labels.js';
import { classificationReport } from './metrics.js';
import type { RoleMetrics } from './model.js';
import type { TalkMovesModel } from './modelFile.js';
import { scoreMoves } from './predict.js';
import type { SplitName } from './split.js';

export interface EvaluateOptions {
  /** Whether the tagger sees what follows each contribution (transcripts do; live tagging often does not). */
  next: boolean;
}

/**
 * Per-class and macro F1 of the model on one split, per role. The trainer stores this for dev in the model
 * file and the evaluate command recomputes it, so both go through this one function.
 */
export function evaluateOnSplit(
  model: TalkMovesModel,
  examples: readonly LabelledExample[],
  splitOf: (transcriptId: string) => SplitName,
  split: SplitName,
  options: EvaluateOptions = { next: false },
): Record<SpeakerRole, RoleMetrics> {
  const gold: Record<SpeakerRole, string[]> = { teacher: [], student: [] };
  const predicted: Record<SpeakerRole, string[]> = { teacher: [], student: [] };
  for (const ex of examples) {
    if (!ex.labelled || splitOf(ex.transcriptId) !== split) continue;
    gold[ex.role].push(ex.label);
    predicted[ex.role].push(scoreMoves(model, options.next ? ex : { ...ex, next: [] }).move);
  }
  return {
    teacher: classificationReport(model.roles.teacher.labels, gold.teacher, predicted.teacher),
    student: classificationReport(model.roles.student.labels, gold.student, predicted.student),
  };
}
