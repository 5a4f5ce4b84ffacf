import { z } from 'zod';
import { fnv1a } from './hash.js';
import { ContributionSchema, QUESTION_TYPES, QuestionTypeSchema, SpeakerRoleSchema } from './labels.js';
import { classificationReport } from './metrics.js';
import {
  decodeRoleModel,
  encodeRoleModel,
  scoreLogits,
  softmax,
  vectorize,
  type RoleMetrics,
} from './model.js';
import { QUESTION_CHAR_WEIGHT, extractQuestionFeatures } from './questionFeatures.js';
import { decodeQuestionModel, scoreQuestionType, type QuestionModelFile } from './questionModel.js';
import { fitSoftmax } from './fitting.js';
import { fitQuestionOffsets, nestedOffsetLogits, type QuestionOffsetMode } from './questionOffsets.js';
import type { TrainingExample } from './trainer.js';
import { lazySchema } from '../../lazySchema.js';

/** One labelled question (shared/questions/*.jsonl, or a teacher's correction). */
export const LabelledQuestionSchema = lazySchema(() =>
  z.object({
    id: z.string().optional(),
    source: z.string(),
    role: SpeakerRoleSchema,
    text: z.string(),
    context: z.array(ContributionSchema).optional(),
    questionType: QuestionTypeSchema,
  }),
);
export type LabelledQuestion = z.infer<typeof LabelledQuestionSchema>;

/** Bump when question features change. */
export const QUESTION_FEATURE_VERSION = 2;

export interface QuestionTrainOptions {
  hashBits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  classWeightPower: number;
  seed: number;
  /** Calibrated accuracy the typed (not withheld) questions must reach out of fold. */
  targetCoveredAccuracy: number;
  /** TalkMoves lesson series are spread over this many folds; every other source is its own fold. */
  talkMovesFolds: number;
  /** Byte budget of the pruned weights (slot list + int8 weights, before base64). */
  maxBytes: number;
  /** Models that differ only in shuffle seed whose mean weights ship (`fitSoftmax`; 1: one model). */
  bag: number;
  /** Which out-of-fold questions per-type macro-F1 offsets are tuned on (`questionOffsets.ts`). */
  offsets: QuestionOffsetMode;
}

export const DEFAULT_QUESTION_OPTIONS: QuestionTrainOptions = {
  hashBits: 14,
  epochs: 30,
  learningRate: 0.1,
  l2: 0,
  classWeightPower: 1,
  seed: 20261202,
  targetCoveredAccuracy: 0.85,
  talkMovesFolds: 3,
  maxBytes: 48_000,
  // Leave-one-source-out CV over three seeds: others' speech +0.6 points, a third of the seed spread; five: level.
  bag: 3,
  offsets: 'none',
};

export const QUESTION_SPLIT_DESCRIPTION =
  'leave one source out over the training sources (each authored style and the earlier check set a fold; TalkMoves lesson series in 3 folds by FNV-1a hash); the held-out sources are never used';

/** The cross-validation fold of a source: every source but TalkMoves is a fold of its own. */
export function foldOf(source: string, talkMovesFolds: number): string {
  if (source.startsWith('talkmoves:')) return `talkmoves#${fnv1a(source) % talkMovesFolds}`;
  return source;
}

function vectors(questions: readonly LabelledQuestion[], hashBits: number): TrainingExample[] {
  return questions.map((q) => ({
    x: vectorize(extractQuestionFeatures(q), hashBits, QUESTION_CHAR_WEIGHT),
    y: QUESTION_TYPES.indexOf(q.questionType),
  }));
}

/** Fits the linear model and returns it as the file stores it (int8, so what is measured is what ships). */
function fitLinear(
  questions: readonly LabelledQuestion[],
  options: QuestionTrainOptions,
): Pick<QuestionModelFile, 'labels' | 'bias' | 'scale' | 'slots' | 'weights'> {
  const data = vectors(questions, options.hashBits);
  const fitted = fitSoftmax(data, QUESTION_TYPES.length, { ...options, averageLast: 1, nextKeep: 1 });
  return encodeRoleModel(QUESTION_TYPES, fitted.bias, fitted.weights, options.maxBytes);
}

/** Logits of each question from a model trained without its fold. */
export function outOfFoldLogits(
  questions: readonly LabelledQuestion[],
  options: QuestionTrainOptions,
): Float64Array[] {
  const folds = [...new Set(questions.map((q) => foldOf(q.source, options.talkMovesFolds)))].sort();
  const out = new Array<Float64Array>(questions.length);
  for (const fold of folds) {
    const inFold = (q: LabelledQuestion) => foldOf(q.source, options.talkMovesFolds) === fold;
    const linear = decodeRoleModel(
      fitLinear(
        questions.filter((q) => !inFold(q)),
        options,
      ),
      options.hashBits,
    );
    questions.forEach((q, i) => {
      if (inFold(q))
        out[i] = scoreLogits(
          linear,
          vectorize(extractQuestionFeatures(q), options.hashBits, QUESTION_CHAR_WEIGHT),
        );
    });
  }
  return out;
}

/** Others' words: questions transcribed from lessons or corrected by teachers, not written for this set. */
export function isOthersWords(source: string): boolean {
  return source.startsWith('talkmoves:') || source.startsWith('corrections:');
}

/**
 * Calibration weights: only others' words count when there are any. The project's authored sources share the
 * labeller's mind and are typed far more surely out of fold (0.95 against 0.70 macro-F1), so with them in the
 * pool the threshold would trust types on others' questions that are right three times in four.
 */
export function calibrationWeights(questions: readonly LabelledQuestion[]): number[] {
  const anyOthers = questions.some((q) => isOthersWords(q.source));
  return questions.map((q) => (!anyOthers || isOthersWords(q.source) ? 1 : 0));
}

/** The temperature that minimises the (weighted) negative log-likelihood of held-out logits (grid search). */
export function fitTemperature(
  logits: readonly Float64Array[],
  gold: readonly number[],
  weights?: readonly number[],
): number {
  let best = { t: 1, nll: Infinity };
  for (let t = 0.2; t <= 5.0001; t += 0.05) {
    let nll = 0;
    logits.forEach((l, i) => {
      const p = softmax(l.map((v) => v / t));
      nll -= (weights?.[i] ?? 1) * Math.log(Math.max(1e-12, p[gold[i]!]!));
    });
    if (nll < best.nll) best = { t: Math.round(t * 100) / 100, nll };
  }
  return best.t;
}

/**
 * The lowest confidence at which the questions typed at or above it are right at least `target` of the time
 * (held-out predictions, optionally weighted): below it a teacher sees "question" without a type. 0 when all
 * of them already are.
 */
export function chooseAbstention(
  confidences: readonly number[],
  correct: readonly boolean[],
  target: number,
  weights?: readonly number[],
): number {
  const order = confidences
    .map((c, i) => ({ c, ok: correct[i]!, w: weights?.[i] ?? 1 }))
    .sort((a, b) => b.c - a.c);
  let right = 0;
  let total = 0;
  let threshold = 1;
  order.forEach((e, i) => {
    right += e.ok ? e.w : 0;
    total += e.w;
    const next = order[i + 1];
    // Cut only between different confidences, so the threshold admits exactly the prefix measured.
    if (right / total >= target && (next === undefined || next.c < e.c)) threshold = e.c;
  });
  return threshold <= (order[order.length - 1]?.c ?? 0) ? 0 : threshold;
}

export interface QuestionEvaluation {
  all: RoleMetrics;
  covered: RoleMetrics;
  coverage: number;
}

/** Macro-F1 with every question typed, and on the typed ones only, with the share typed. */
export function questionReport(
  gold: readonly string[],
  best: readonly string[],
  confidence: readonly number[],
  abstainBelow: number,
): QuestionEvaluation {
  const keep = confidence.map((c) => c >= abstainBelow);
  return {
    all: classificationReport(QUESTION_TYPES, gold, best),
    covered: classificationReport(
      QUESTION_TYPES,
      gold.filter((_, i) => keep[i]),
      best.filter((_, i) => keep[i]),
    ),
    coverage: gold.length === 0 ? 0 : keep.filter(Boolean).length / gold.length,
  };
}

/**
 * Trains the question-type model on labelled questions: out-of-fold predictions (leave one source out)
 * fit the temperature and choose the abstention threshold on others' words (calibrationWeights); the shipped
 * weights are then fitted on all of them.
 */
export function trainQuestionModel(
  questions: readonly LabelledQuestion[],
  options: QuestionTrainOptions = DEFAULT_QUESTION_OPTIONS,
  sources: readonly string[] = [],
): QuestionModelFile {
  const gold = questions.map((q) => QUESTION_TYPES.indexOf(q.questionType));
  const weights = calibrationWeights(questions);
  const plain = outOfFoldLogits(questions, options);
  const k = QUESTION_TYPES.length;
  const use = (i: number) => options.offsets === 'all' || weights[i]! > 0;
  // Offsets tuned on every fold ship in the bias; the calibration and the figures use nested ones (each fold's
  // tuned on the others), so they show what the offsets do to a source they never saw.
  const offsets =
    options.offsets === 'none' ? new Array<number>(k).fill(0) : fitQuestionOffsets(plain, gold, k, use);
  const oof =
    options.offsets === 'none'
      ? plain
      : nestedOffsetLogits(
          plain,
          gold,
          questions.map((q) => foldOf(q.source, options.talkMovesFolds)),
          k,
          use,
        );
  const temperature = fitTemperature(oof, gold, weights);
  const probs = oof.map((l) => softmax(l.map((v) => v / temperature)));
  const bestOf = (p: Float64Array) => p.indexOf(Math.max(...p));
  const best = probs.map(bestOf);
  const conf = probs.map((p, i) => p[best[i]!]!);
  const abstainBelow = chooseAbstention(
    conf,
    best.map((b, i) => b === gold[i]),
    options.targetCoveredAccuracy,
    weights,
  );
  const report = questionReport(
    questions.map((q) => q.questionType),
    best.map((b) => QUESTION_TYPES[b]!),
    conf,
    abstainBelow,
  );
  const linear = fitLinear(questions, options);
  return {
    ...linear,
    bias: linear.bias.map((b, c) => b + offsets[c]!),
    hashBits: options.hashBits,
    featureVersion: QUESTION_FEATURE_VERSION,
    temperature,
    abstainBelow,
    training: { ...options, questions: questions.length, sources: [...sources] },
    metrics: {
      split: QUESTION_SPLIT_DESCRIPTION,
      dev: report.all,
      devCovered: report.covered,
      devCoverage: report.coverage,
    },
  };
}

/** The shipped question model on labelled questions (e.g. the frozen held-out portion). */
export function evaluateQuestionModel(
  file: QuestionModelFile,
  questions: readonly LabelledQuestion[],
): QuestionEvaluation {
  const model = decodeQuestionModel(file);
  const scores = questions.map((q) => scoreQuestionType(model, q));
  return questionReport(
    questions.map((q) => q.questionType),
    scores.map((s) => s.best),
    scores.map((s) => s.confidence),
    file.abstainBelow,
  );
}
