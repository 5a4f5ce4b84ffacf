import type { Contribution, SpeakerRole } from './labels.js';
import type { TalkMovesModel } from './modelFile.js';
import { PROMPT_VERBS, WH_OPENINGS, requestOpening, sentencesOf } from './questionFeatures.js';
import { scoreQuestionType, type QuestionTypeScores } from './questionModel.js';
import { looksLikeQuestion, tokenize } from './text.js';

/** A question mark, an interrogative opening, or a prompt that opens with a task verb ("Explain …", "Find …"). */
export function isQuestion(text: string): boolean {
  if (looksLikeQuestion(tokenize(text))) return true;
  // Any sentence may carry the request: "Here is the table. Describe the pattern.", "wait whats 7 times 8"
  return sentencesOf(text).some((sentence) => {
    const opening = requestOpening(sentence);
    const first = opening[0] ?? '';
    return PROMPT_VERBS.has(first) || (WH_OPENINGS.has(first) && opening.length > 1);
  });
}

export interface QuestionInput {
  role: SpeakerRole;
  text: string;
  context?: readonly Contribution[];
}

/**
 * The NCTM question type of a question (Principles to Actions, 2014) by the trained model, with its calibrated
 * confidence; `questionType` is null when that confidence is below the model's threshold (or the caller's
 * `abstainBelow`), so the teacher sees "question" without a type. Null when the text is not a question.
 */
export function classifyQuestion(
  model: TalkMovesModel,
  input: QuestionInput,
  abstainBelow?: number,
  withCue = true,
): QuestionTypeScores | null {
  if (!isQuestion(input.text)) return null;
  return scoreQuestionType(model.questionTypes, input, abstainBelow, withCue);
}
