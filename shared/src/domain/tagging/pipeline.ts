import { CV_FOLDS, developmentFold, offsetsFrom, vectorsOf } from './crossValidation.js';
import { toExamples, type LabelledExample, type TalkMovesRow } from './dataset.js';
import { evaluateOnSplit } from './evaluate.js';
import {
  bothWays,
  fitSoftmax,
  heldLogits,
  type FitOptions,
  type HeldLogits,
  type LinearWeights,
  slotUsage,
} from './fitting.js';
import { movesFor, type SpeakerRole } from './labels.js';
import { macroF1OfIndices } from './metrics.js';
import { decodeRoleModel, encodeRoleModel } from './model.js';
import { loadTalkMovesModel, MODEL_FORMAT, type TalkMovesModelFile } from './modelFile.js';
import {
  DEFAULT_QUESTION_OPTIONS,
  trainQuestionModel,
  type LabelledQuestion,
  type QuestionTrainOptions,
} from './questionTraining.js';
import { SPLIT_DESCRIPTION, splitTranscripts, type SplitName } from './split.js';
import { argmax } from './trainer.js';

/** Bump when features change: a model trained on other features must not be loaded silently. */
export const FEATURE_VERSION = 4;

/** What CV by lesson series chose differently for the two roles. */
export interface RoleTrainOptions {
  /** Tune per-class offsets for macro-F1 on out-of-fold logits. */
  offsets: boolean;
  labelSmoothing: number;
}

export interface TrainOptions extends Omit<FitOptions, 'labelSmoothing'> {
  hashBits: number;
  /** Byte budget per role of the pruned weights (slot list + int8 weights, before base64). */
  maxBytes: Record<SpeakerRole, number>;
  perRole: Record<SpeakerRole, RoleTrainOptions>;
}

/** Epochs, averaging and the rest chosen by cross-validation by lesson series (`pnpm cv:tagging`), never dev. */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  hashBits: 18,
  epochs: 6,
  averageLast: 1,
  learningRate: 0.2,
  classWeightPower: 0.5,
  l2: 0,
  seed: 20240611,
  nextKeep: 0.5,
  // Three shuffle seeds' mean: teachers +0.2 / +0.4 points by CV with offsets, students level, and less
  // dependence on the seed for both (docs/tagging.md, issue 18 round four); five add nothing over three.
  bag: 3,
  maxBytes: { teacher: 330_000, student: 240_000 },
  // Offsets tuned on other lessons and label smoothing 0.1 lift teachers' macro-F1 on held-out lessons but
  // lower students' (docs/tagging.md, round three).
  perRole: {
    teacher: { offsets: true, labelSmoothing: 0.1 },
    student: { offsets: false, labelSmoothing: 0 },
  },
};

export interface ProvenanceNote {
  license: string;
  attribution: string;
  sources: string[];
}

interface RoleData {
  /** Labelled fit and tune rows, each with its cross-validation fold (whole lesson series per fold). */
  development: { example: LabelledExample; fold: number }[];
  /** Rows that are always fitted and never held out (a deployment's corrections). */
  fitOnly: LabelledExample[];
}

/**
 * One role's shipped weights: trained on all development rows (fit + tune); when the role takes them, per-class
 * offsets for macro-F1 tuned on out-of-fold logits of the same recipe (pruned and quantized as shipped) over
 * every fold, not one tune split, so they rest on all development lessons.
 */
function trainRole(
  role: SpeakerRole,
  data: RoleData,
  trainOptions: TrainOptions,
  log: (line: string) => void,
): TalkMovesModelFile['roles']['teacher'] {
  const { offsets: withOffsets, labelSmoothing } = trainOptions.perRole[role];
  const options = { ...trainOptions, labelSmoothing };
  const labels = movesFor(role);
  const k = labels.length;
  const vectors = vectorsOf(
    data.development.map((d) => d.example),
    labels,
    options.hashBits,
  );
  const always = vectorsOf(data.fitOnly, labels, options.hashBits);
  const usage = slotUsage([...vectors, ...always], options.hashBits);
  const ship = (w: LinearWeights) =>
    encodeRoleModel(labels, w.bias, w.weights, options.maxBytes[role], usage);
  const encoded = ship(fitSoftmax([...vectors, ...always], k, options));
  log(
    `${role}: trained on ${vectors.length + always.length} rows, ${options.epochs} epochs, label smoothing ${labelSmoothing}`,
  );
  if (!withOffsets) return encoded;
  const held: HeldLogits[] = [];
  for (let fold = 0; fold < CV_FOLDS; fold++) {
    const fit = [...vectors.filter((_, i) => data.development[i]!.fold !== fold), ...always];
    const heldOut = vectors.filter((_, i) => data.development[i]!.fold === fold);
    const decoded = decodeRoleModel(ship(fitSoftmax(fit, k, options)), options.hashBits);
    held.push(heldLogits(decoded, heldOut));
    const f1 = macroF1OfIndices(held[fold]!.gold, k);
    log(
      `${role}: fold ${fold} (${heldOut.length} rows) macro-F1 ${f1(held[fold]!.withoutNext.map((l) => argmax(l))).toFixed(4)}` +
        ` / ${f1(held[fold]!.withNext.map((l) => argmax(l))).toFixed(4)} without / with next, pruned`,
    );
  }
  const offsets = offsetsFrom(held, k);
  const pooled = bothWays({
    gold: held.flatMap((h) => h.gold),
    withoutNext: held.flatMap((h) => h.withoutNext),
    withNext: held.flatMap((h) => h.withNext),
  });
  const f1 = macroF1OfIndices(pooled.gold, k);
  log(
    `${role}: out-of-fold macro-F1 (both ways) ${f1(pooled.logits.map((l) => argmax(l))).toFixed(4)} → ` +
      `${f1(pooled.logits.map((l) => argmax(l, offsets))).toFixed(4)} with offsets [${offsets.map((o) => o.toFixed(1)).join(', ')}]`,
  );
  return { ...encoded, bias: encoded.bias.map((b, c) => b + offsets[c]!) };
}

export interface TrainingData {
  /** TalkMoves-layout rows: split by lesson series into fit, tune and dev. */
  rows: readonly TalkMovesRow[];
  /** Rows that only ever fit (a deployment's teacher corrections): never tune or dev, so dev stays comparable. */
  fitOnlyRows?: readonly TalkMovesRow[];
  /** Labelled questions for the question-type model (never the frozen held-out portion). */
  questions: readonly LabelledQuestion[];
}

/**
 * Trains the two talk-move models and the question-type model and returns the model file, with the dev figures
 * computed by the same evaluation the `evaluate` command runs. Pure: the caller reads the data and writes the file.
 */
export function trainTalkMovesModel(
  data: TrainingData,
  provenance: ProvenanceNote,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  log: (line: string) => void = () => {},
  questionOptions: QuestionTrainOptions = DEFAULT_QUESTION_OPTIONS,
): TalkMovesModelFile {
  const questionTypes = trainQuestionModel(data.questions, questionOptions, provenance.sources);
  log(
    `question types: ${data.questions.length} questions, out-of-fold macro-F1 ${questionTypes.metrics.dev.macroF1.toFixed(4)}`,
  );
  const examples = toExamples(data.rows);
  const fitOnly = toExamples(data.fitOnlyRows ?? []).filter((e) => e.labelled);
  const splitOf = splitTranscripts(data.rows.map((r) => r.transcript_id));
  const foldOf = developmentFold(splitOf);
  const roles = {} as TalkMovesModelFile['roles'];
  const counts: Record<string, Record<SplitName | 'fitOnly', number>> = {};
  for (const role of ['teacher', 'student'] as const) {
    const mine = examples.filter((e) => e.role === role && e.labelled);
    const count = (split: SplitName) => mine.filter((e) => splitOf(e.transcriptId) === split).length;
    const development = mine.flatMap((example) => {
      const fold = foldOf(example.transcriptId);
      return fold === null ? [] : [{ example, fold }];
    });
    const fitOnlyMine = fitOnly.filter((e) => e.role === role);
    counts[role] = { fit: count('fit'), tune: count('tune'), dev: count('dev'), fitOnly: fitOnlyMine.length };
    log(
      `${role}: fit ${counts[role].fit}, tune ${counts[role].tune} (both trained on), dev ${counts[role].dev} rows; ` +
        `${fitOnlyMine.length} corrections`,
    );
    roles[role] = trainRole(role, { development, fitOnly: fitOnlyMine }, options, log);
  }
  const file: TalkMovesModelFile = {
    format: MODEL_FORMAT,
    license: provenance.license,
    attribution: provenance.attribution,
    hashBits: options.hashBits,
    featureVersion: FEATURE_VERSION,
    training: {
      ...options,
      sources: provenance.sources,
      rows: data.rows.length,
      fitOnlyRows: data.fitOnlyRows?.length ?? 0,
      rowsPerSplit: counts,
    },
    metrics: {
      split: SPLIT_DESCRIPTION,
      dev: { teacher: emptyMetrics(), student: emptyMetrics() },
      devWithNext: { teacher: emptyMetrics(), student: emptyMetrics() },
    },
    roles,
    questionTypes,
  };
  const model = loadTalkMovesModel(file);
  const dev = evaluateOnSplit(model, examples, splitOf, 'dev', { next: false });
  const devWithNext = evaluateOnSplit(model, examples, splitOf, 'dev', { next: true });
  return { ...file, metrics: { split: SPLIT_DESCRIPTION, dev, devWithNext } };
}

function emptyMetrics(): TalkMovesModelFile['metrics']['dev']['teacher'] {
  return { macroF1: 0, accuracy: 0, rows: 0, perClass: {} };
}
