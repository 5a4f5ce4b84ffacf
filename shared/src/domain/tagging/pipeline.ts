import { toExamples, type LabelledExample, type TalkMovesRow } from './dataset.js';
import { evaluateOnSplit } from './evaluate.js';
import { extractFeatures } from './features.js';
import { movesFor, type SpeakerRole } from './labels.js';
import { classificationReport } from './metrics.js';
import {
  decodeRoleModel,
  encodeRoleModel,
  loadTalkMovesModel,
  MODEL_FORMAT,
  scoreLogits,
  vectorize,
  type TalkMovesModelFile,
} from './model.js';
import { SPLIT_DESCRIPTION, splitTranscripts, type SplitName } from './split.js';
import { balancedClassWeights, SoftmaxTrainer, tuneOffsets, type TrainingExample } from './trainer.js';

/** Bump when features change: a model trained on other features must not be loaded silently. */
export const FEATURE_VERSION = 1;

export interface TrainOptions {
  hashBits: number;
  maxEpochs: number;
  learningRate: number;
  classWeightPower: number;
  seed: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  hashBits: 18,
  maxEpochs: 10,
  learningRate: 0.2,
  classWeightPower: 0.5,
  seed: 20240611,
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
    return { x: vectorize(extractFeatures(ex), hashBits), y };
  });
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
  const fit = vectorsOf(bySplit.fit, labels, options.hashBits);
  const tune = vectorsOf(bySplit.tune, labels, options.hashBits);
  const tuneGold = tune.map((e) => e.y);
  const tuneScore = macroF1Of(labels, tuneGold);
  const trainer = new SoftmaxTrainer({
    classes: labels.length,
    hashBits: options.hashBits,
    learningRate: options.learningRate,
    classWeights: balancedClassWeights(
      fit.map((e) => e.y),
      labels.length,
      options.classWeightPower,
    ),
    seed: options.seed,
  });
  let best = { score: -1, epoch: 0, weights: new Float32Array(0), bias: new Float64Array(0) };
  for (let epoch = 1; epoch <= options.maxEpochs; epoch++) {
    trainer.epoch(fit);
    const score = tuneScore(argmaxAll(tune.map((e) => trainer.logits(e.x))));
    log(`${role}: epoch ${epoch}, tune macro-F1 ${score.toFixed(4)}`);
    if (score > best.score) {
      best = { score, epoch, weights: trainer.weights.slice(), bias: trainer.bias.slice() };
    }
  }
  // Offsets are tuned on the quantized model, the one that ships.
  const encoded = encodeRoleModel(labels, best.bias, best.weights);
  const decoded = decodeRoleModel(encoded, options.hashBits);
  const tuneLogits = tune.map((e) => scoreLogits(decoded, e.x));
  const offsets = tuneOffsets(tuneLogits, labels.length, tuneScore);
  const tuned = tuneScore(
    tuneLogits.map((l) => {
      let b = 0;
      for (let c = 1; c < l.length; c++) if (l[c]! + offsets[c]! > l[b]! + offsets[b]!) b = c;
      return b;
    }),
  );
  log(
    `${role}: best epoch ${best.epoch}; tune macro-F1 ${best.score.toFixed(4)} → ${tuned.toFixed(4)} with offsets`,
  );
  return { ...encoded, bias: encoded.bias.map((b, c) => b + offsets[c]!) };
}

/**
 * Trains both role models from labelled rows and returns the model file, with the dev figures computed by
 * the same evaluation the `evaluate` command runs. Pure: the caller reads the data and writes the file.
 */
export function trainTalkMovesModel(
  rows: readonly TalkMovesRow[],
  provenance: ProvenanceNote,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  log: (line: string) => void = () => {},
): TalkMovesModelFile {
  const examples = toExamples(rows);
  const splitOf = splitTranscripts(rows.map((r) => r.transcript_id));
  const byRole = (role: SpeakerRole): Record<SplitName, LabelledExample[]> => {
    const out: Record<SplitName, LabelledExample[]> = { fit: [], tune: [], dev: [] };
    for (const ex of examples) if (ex.role === role) out[splitOf(ex.transcriptId)].push(ex);
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
    training: { ...options, sources: provenance.sources, rows: rows.length, rowsPerSplit: counts },
    metrics: { split: SPLIT_DESCRIPTION, dev: { teacher: emptyMetrics(), student: emptyMetrics() } },
    roles,
  };
  const dev = evaluateOnSplit(loadTalkMovesModel(file), examples, splitOf, 'dev');
  return { ...file, metrics: { split: SPLIT_DESCRIPTION, dev } };
}

function emptyMetrics(): TalkMovesModelFile['metrics']['dev']['teacher'] {
  return { macroF1: 0, accuracy: 0, rows: 0, perClass: {} };
}
