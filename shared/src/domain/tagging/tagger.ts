import { topCues } from './cues.js';
import { TagInputSchema, type TagInput, type TagResult, type TalkMove } from './labels.js';
import type { TalkMovesModel } from './modelFile.js';
import { scoreMoves } from './predict.js';
import { classifyQuestion } from './questionType.js';

export const MAX_CUES = 5;

export interface TagOptions {
  /** Cues cost a sort per contribution; bulk tagging can skip them. */
  cues?: boolean;
  /** Withhold a question's type below this calibrated confidence (default: the model's own threshold; 0 never withholds). */
  abstainBelow?: number;
}

/**
 * Tags one contribution: its talk move (with softmax confidence), its NCTM question type when it is a
 * question and the model is confident enough, and the cues that drove the decision. Pure: the model comes in
 * as an argument.
 */
export function tagContribution(model: TalkMovesModel, input: TagInput, options: TagOptions = {}): TagResult {
  const { role, text, context, next } = TagInputSchema.parse(input);
  const roleModel = model.roles[role];
  const explain = options.cues !== false;
  const { features, x, probabilities, best } = scoreMoves(model, { role, text, context, next }, explain);
  const question = classifyQuestion(model, { role, text, context }, options.abstainBelow, explain);
  const result: TagResult = {
    move: roleModel.labels[best] as TalkMove,
    confidence: probabilities[best]!,
    questionType: question?.questionType ?? null,
    question: question !== null,
    questionTypeConfidence: question?.confidence ?? null,
    cues: [],
  };
  if (!explain) return result;
  // A feature's pull toward the chosen move, against its average pull over all moves.
  const k = roleModel.labels.length;
  const contributions = features.map((_, i) => {
    const base = x.indices[i]! * k;
    let mean = 0;
    for (let c = 0; c < k; c++) mean += roleModel.weights[base + c]!;
    return x.values[i]! * (roleModel.weights[base + best]! - mean / k);
  });
  const cues = topCues(features, contributions, MAX_CUES);
  if (question?.questionType && question.cue) {
    cues.push(`${question.questionType.replace(/_/g, ' ')}: "${question.cue}"`);
  }
  return { ...result, cues };
}
