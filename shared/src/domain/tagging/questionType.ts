import type { Contribution, SpeakerRole } from './labels.js';
import type { TalkMovesModel } from './modelFile.js';
import { isQuestion } from './questionDetector.js';
import { scoreQuestionType, type QuestionTypeScores } from './questionModel.js';

export { isQuestion };

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
