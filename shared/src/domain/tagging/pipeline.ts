import { toExamples, type LabelledExample, type TalkMovesRow } from './dataset.js';
import { evaluateOnSplit } from './evaluate.js';
import { movesFor, type SpeakerRole } from './labels.js';
import { classificationReport } from './metrics.js';
import { decodeRoleModel, encodeRoleModel, scoreLogits, type SparseVector } from './model.js';
import { loadTalkMovesModel, MODEL_FORMAT, type TalkMovesModelFile } from './modelFile.js';
import {
  DEFAULT_QUESTION_OPTIONS,
  trainQuestionModel,
  type LabelledQuestion,
  type QuestionTrainOptions,
} from './questionTraining.js';
import { moveVectors } from './predict.js';
import { SPLIT_DESCRIPTION, splitTranscripts, type SplitName } from './split.js';
import { balancedTrainer, tuneOffsets, type TrainingExample } from './trainer.js';

/** Bump when features change: a model trained on other features must not be loaded silently. */
export const FEATURE_VERSION = 3;

export interface TrainOptions {
  hashBits: number;
  maxEpochs: number;
  learningRate: number;
  classWeightPower: number;
  seed: number;
  /** Share of training steps that see the next utterance (the rest learn to do without it). */
  nextKeep: number;
  /** Byte budget per role of the pruned weights (slot list + int8 weights, before base64). */
  maxBytes: Record<SpeakerRole, number>;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  hashBits: 18,
  maxEpochs: 10,
  learningRate: 0.2,
  classWeightPower: 0.5,
  seed: 20240611,
  nextKeep: 0.5,
  maxBytes: { teacher: 330_000, student: 240_000 },
};

export interface ProvenanceNote {
  license: string;
  attribution: string;
  sources: string[];
}

function vectorsOf(
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

/** Each tune example twice, with and without what follows it: the model ships for both. */
function bothWays(
  examples: readonly TrainingExample[],
): { x: SparseVector; extra?: SparseVector; y: number }[] {
  return [...examples.map(({ x, y }) => ({ x, y })), ...examples.filter((e) => e.extra)];
}

function macroF1Of(labels: readonly string[], gold: readonly number[]): (predicted: number[]) => number {
  const goldNames = gold.map((y) => labels[y]!);
  return (predicted) =>
    classificationReport(
      labels,
      goldNames,
      predicted.map((p) => labels[p]!),
    ).macroF1;
}

function argmaxAll(logits: readonly Float64Array[]): number[] {
  return logits.map((l) => {
    let best = 0;
    for (let c = 1; c < l.length; c++) if (l[c]! > l[best]!) best = c;
    return best;
  });
}

function trainRole(
  role: SpeakerRole,
  bySplit: Record<SplitName, LabelledExample[]>,
  options: TrainOptions,
  log: (line: string) => void,
): TalkMovesModelFile['roles']['teacher'] {
  const labels = movesFor(role);
  const fit = vectorsOf(
    bySplit.fit.filter((e) => e.labelled),
    labels,
    options.hashBits,
  );
  const tune = bothWays(vectorsOf(bySplit.tune, labels, options.hashBits));
  const tuneGold = tune.map((e) => e.y);
  const tuneScore = macroF1Of(labels, tuneGold);
  const trainer = balancedTrainer(
    options,
    labels.length,
    fit.map((e) => e.y),
  );
  // Each epoch's weights are also averaged with the earlier epochs' (averaged SGD): the average is often
  // steadier on unseen lessons than the last step; the tune split decides which of the two to keep.
  const sumWeights = new Float64Array(trainer.weights.length);
  const sumBias = new Float64Array(labels.length);
  let best = {
    score: -1,
    epoch: 0,
    averaged: false,
    weights: new Float32Array(0),
    bias: new Float64Array(0),
  };
  for (let epoch = 1; epoch <= options.maxEpochs; epoch++) {
    trainer.epoch(fit, options.nextKeep);
    for (let i = 0; i < sumWeights.length; i++) sumWeights[i]! += trainer.weights[i]!;
    for (let c = 0; c < labels.length; c++) sumBias[c]! += trainer.bias[c]!;
    const score = tuneScore(argmaxAll(tune.map((e) => trainer.logits(e.x, e.extra))));
    const averaged = {
      labels,
      bias: sumBias.map((b) => b / epoch),
      weights: Float32Array.from(sumWeights, (w) => w / epoch),
    };
    const averagedScore = tuneScore(argmaxAll(tune.map((e) => scoreLogits(averaged, e.x, e.extra))));
    log(`${role}: epoch ${epoch}, tune macro-F1 ${score.toFixed(4)} (averaged ${averagedScore.toFixed(4)})`);
    if (score > best.score) {
      best = { score, epoch, averaged: false, weights: trainer.weights.slice(), bias: trainer.bias.slice() };
    }
    if (averagedScore > best.score) {
      best = { score: averagedScore, epoch, averaged: true, ...averaged };
    }
  }
  // How much each slot is used in fitting, so pruning keeps the slots that move decisions most.
  const usage = new Float64Array(1 << options.hashBits);
  for (const e of fit) {
    for (const v of e.extra ? [e.x, e.extra] : [e.x]) {
      for (let i = 0; i < v.indices.length; i++) usage[v.indices[i]!]! += Math.abs(v.values[i]!);
    }
  }
  // Offsets are tuned on the pruned, quantized model, the one that ships.
  const encoded = encodeRoleModel(labels, best.bias, best.weights, options.maxBytes[role], usage);
  const decoded = decodeRoleModel(encoded, options.hashBits);
  const tuneLogits = tune.map((e) => scoreLogits(decoded, e.x, e.extra));
  const offsets = tuneOffsets(tuneLogits, labels.length, tuneScore);
  const tuned = tuneScore(
    tuneLogits.map((l) => {
      let b = 0;
      for (let c = 1; c < l.length; c++) if (l[c]! + offsets[c]! > l[b]! + offsets[b]!) b = c;
      return b;
    }),
  );
  log(
    `${role}: best epoch ${best.epoch}${best.averaged ? ' (averaged)' : ''}; tune macro-F1 ${best.score.toFixed(4)} → ${tuned.toFixed(4)} with offsets`,
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
  const fitOnly = toExamples(data.fitOnlyRows ?? []);
  const splitOf = splitTranscripts(data.rows.map((r) => r.transcript_id));
  const byRole = (role: SpeakerRole): Record<SplitName, LabelledExample[]> => {
    const out: Record<SplitName, LabelledExample[]> = { fit: [], tune: [], dev: [] };
    for (const ex of examples) if (ex.role === role) out[splitOf(ex.transcriptId)].push(ex);
    for (const ex of fitOnly) if (ex.role === role) out.fit.push(ex);
    return out;
  };
  const roles = {} as TalkMovesModelFile['roles'];
  const counts: Record<string, Record<SplitName, number>> = {};
  for (const role of ['teacher', 'student'] as const) {
    const bySplit = byRole(role);
    counts[role] = { fit: bySplit.fit.length, tune: bySplit.tune.length, dev: bySplit.dev.length };
    log(`${role}: fit ${bySplit.fit.length}, tune ${bySplit.tune.length}, dev ${bySplit.dev.length} rows`);
    roles[role] = trainRole(role, bySplit, options, log);
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
