import { z } from 'zod';
import { readableCue } from './cues.js';
import { QUESTION_TYPES, type QuestionType } from './labels.js';
import {
  RoleMetricsSchema,
  RoleModelSchema,
  decodeRoleModel,
  scoreLogits,
  softmax,
  vectorize,
  type RoleModel,
} from './model.js';
import {
  CUE_FAMILIES,
  QUESTION_CHAR_WEIGHT,
  extractQuestionFeatures,
  type QuestionFeatureInput,
} from './questionFeatures.js';
import { lazySchema } from '../../lazySchema.js';

/**
 * The question-type model inside the model file: a multinomial logistic regression over the question's
 * hashed features, a temperature that calibrates its probabilities, and the confidence below which the
 * tagger shows "question" without a type. Figures are out-of-fold on the training sources (leave one source
 * out); the frozen held-out sources are never seen by training.
 */
export const QuestionModelSchema = lazySchema(() =>
  RoleModelSchema.extend({
    labels: z.array(z.string()).length(QUESTION_TYPES.length),
    hashBits: z.number().int().min(8).max(20),
    featureVersion: z.number().int(),
    /** Logits are divided by this before the softmax (fitted on out-of-fold predictions). */
    temperature: z.number().positive(),
    /** Below this calibrated probability the type is withheld. */
    abstainBelow: z.number().min(0).max(1),
    training: z.record(z.string(), z.unknown()),
    metrics: z.object({
      split: z.string(),
      /** Out-of-fold on the training sources, every question typed. */
      dev: RoleMetricsSchema,
      /** Out-of-fold, on the questions at or above `abstainBelow`. */
      devCovered: RoleMetricsSchema,
      devCoverage: z.number(),
    }),
  }),
);
export type QuestionModelFile = z.infer<typeof QuestionModelSchema>;

export interface QuestionModel {
  file: QuestionModelFile;
  linear: RoleModel;
}

export function decodeQuestionModel(file: QuestionModelFile): QuestionModel {
  return { file, linear: decodeRoleModel(file, file.hashBits) };
}

export interface QuestionTypeScores {
  /** The most probable type, even when withheld. */
  best: QuestionType;
  /** Calibrated probability of `best`. */
  confidence: number;
  /** `best` when confidence ≥ the model's threshold (or the caller's), otherwise null. */
  questionType: QuestionType | null;
  /** The feature that pushed hardest toward `best`, in words; null when none reads well. */
  cue: string | null;
}

const FAMILY_CUES = new Map(CUE_FAMILIES.map((f) => [`fam:${f.name}`, f.cue]));

export function scoreQuestionType(
  model: QuestionModel,
  input: QuestionFeatureInput,
  abstainBelow: number = model.file.abstainBelow,
  /** The cue costs a pass over the features; bulk tagging skips it. */
  withCue = true,
): QuestionTypeScores {
  const features = extractQuestionFeatures(input);
  const x = vectorize(features, model.file.hashBits, QUESTION_CHAR_WEIGHT);
  const logits = scoreLogits(model.linear, x);
  const t = model.file.temperature;
  for (let c = 0; c < logits.length; c++) logits[c]! /= t;
  const p = softmax(logits);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
  const type = model.linear.labels[best] as QuestionType;
  const questionType = p[best]! >= abstainBelow ? type : null;
  if (!withCue) return { best: type, confidence: p[best]!, questionType, cue: null };
  // The readable feature that pulls hardest toward the chosen type against the runner-up.
  let second = best === 0 ? 1 : 0;
  for (let c = 0; c < p.length; c++) if (c !== best && p[c]! > p[second]!) second = c;
  const k = model.linear.labels.length;
  let cue: string | null = null;
  let strongest = 0;
  for (let i = 0; i < features.named.length; i++) {
    const base = x.indices[i]! * k;
    const pull = x.values[i]! * (model.linear.weights[base + best]! - model.linear.weights[base + second]!);
    if (pull <= strongest) continue;
    const name = features.named[i]!.name;
    const readable = FAMILY_CUES.get(name) ?? (/^(w|b):/.test(name) ? readableCue(name) : null);
    if (readable === null) continue;
    strongest = pull;
    cue = readable.replace(/^"|"$/g, '');
  }
  return { best: type, confidence: p[best]!, questionType, cue };
}
