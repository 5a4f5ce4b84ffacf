import { extractFeatures, extractNextFeatures, type Feature, type FeatureInput } from './features.js';
import { scoreLogits, softmax, vectorize, type SparseVector } from './model.js';
import type { TalkMovesModel } from './modelFile.js';
import { tokenize } from './text.js';

/** How much the next-utterance features weigh against the rest (each part has unit length before this). */
export const NEXT_WEIGHT = 0.7;

export interface MoveScores {
  /** The named (readable) features; their entries come first in `x`. */
  features: Feature[];
  x: SparseVector;
  probabilities: Float64Array;
  /** Index of the most probable move in the role's labels. */
  best: number;
  move: string;
}

export interface MoveVectors {
  /** Everything known before and in the contribution. */
  base: SparseVector;
  /** What follows it, scaled by NEXT_WEIGHT; null when nothing follows yet. */
  next: SparseVector | null;
  baseNamed: Feature[];
  nextNamed: Feature[];
}

export function moveVectors(input: FeatureInput, hashBits: number): MoveVectors {
  const featureSet = extractFeatures(input);
  const base = vectorize(featureSet, hashBits);
  const nextNamed =
    input.next && input.next.length > 0
      ? extractNextFeatures(input.role, tokenize(input.text), input.next)
      : [];
  if (nextNamed.length === 0) return { base, next: null, baseNamed: featureSet.named, nextNamed };
  const next = vectorize({ named: nextNamed, charHashes: [] }, hashBits);
  for (let i = 0; i < next.values.length; i++) next.values[i]! *= NEXT_WEIGHT;
  return { base, next, baseNamed: featureSet.named, nextNamed };
}

/** One vector: the base's named features, then the next-utterance features, then the base's character n-grams. */
function joined(v: MoveVectors): SparseVector {
  if (v.next === null) return v.base;
  const n = v.baseNamed.length;
  const size = v.base.indices.length + v.next.indices.length;
  const indices = new Int32Array(size);
  const values = new Float64Array(size);
  indices.set(v.base.indices.subarray(0, n), 0);
  values.set(v.base.values.subarray(0, n), 0);
  indices.set(v.next.indices, n);
  values.set(v.next.values, n);
  indices.set(v.base.indices.subarray(n), n + v.next.indices.length);
  values.set(v.base.values.subarray(n), n + v.next.indices.length);
  return { indices, values };
}

/**
 * The move of one contribution: argmax of the role's softmax over its hashed features. `features` and `x`
 * (the readable features first, for cues) are built only when `explain` is set: tagging in bulk skips them.
 */
export function scoreMoves(model: TalkMovesModel, input: FeatureInput, explain = true): MoveScores {
  const roleModel = model.roles[input.role];
  const vectors = moveVectors(input, model.hashBits);
  const probabilities = softmax(scoreLogits(roleModel, vectors.base, vectors.next ?? undefined));
  let best = 0;
  for (let c = 1; c < probabilities.length; c++) if (probabilities[c]! > probabilities[best]!) best = c;
  const features = !explain
    ? []
    : vectors.next === null
      ? vectors.baseNamed
      : [...vectors.baseNamed, ...vectors.nextNamed];
  const x = explain ? joined(vectors) : vectors.base;
  return { features, x, probabilities, best, move: roleModel.labels[best]! };
}
