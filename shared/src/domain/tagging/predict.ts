import { extractFeatures, type Feature, type FeatureInput } from './features.js';
import { scoreLogits, softmax, vectorize, type SparseVector, type TalkMovesModel } from './model.js';

export interface MoveScores {
  /** The named (readable) features; their entries come first in `x`. */
  features: Feature[];
  x: SparseVector;
  probabilities: Float64Array;
  /** Index of the most probable move in the role's labels. */
  best: number;
  move: string;
}

/** The move of one contribution: argmax of the role's softmax over its hashed features. */
export function scoreMoves(model: TalkMovesModel, input: FeatureInput): MoveScores {
  const roleModel = model.roles[input.role];
  const featureSet = extractFeatures(input);
  const x = vectorize(featureSet, model.hashBits);
  const features = featureSet.named;
  const probabilities = softmax(scoreLogits(roleModel, x));
  let best = 0;
  for (let c = 1; c < probabilities.length; c++) if (probabilities[c]! > probabilities[best]!) best = c;
  return { features, x, probabilities, best, move: roleModel.labels[best]! };
}
