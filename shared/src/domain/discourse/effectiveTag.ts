/** What the model said of a contribution and, when there is one, the teacher's correction. */
export interface CorrectableTag {
  move: string;
  questionType: string | null;
  question: boolean;
  corrected: { move: string; questionType: string | null; question: boolean } | null;
}

// The teacher's correction overrides the model's tag everywhere: summaries, chips, suggestions, exports.

export const effectiveMove = (tag: CorrectableTag): string => tag.corrected?.move ?? tag.move;

export const effectiveQuestionType = (tag: CorrectableTag): string | null =>
  tag.corrected ? tag.corrected.questionType : tag.questionType;

/** A question, typed or not (one whose type was withheld, or corrected without a type, still counts). */
export const effectiveQuestion = (tag: CorrectableTag): boolean =>
  tag.corrected ? tag.corrected.question : tag.question;
