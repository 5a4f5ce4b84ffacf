import { z } from 'zod';
import { lazySchema } from '../../lazySchema.js';

/** Talk moves of the TalkMoves scheme (Suresh et al., LREC 2022); `none` first in each list. */
export const TEACHER_MOVES = [
  'none',
  'keeping_everyone_together',
  'getting_students_to_relate',
  'restating',
  'revoicing',
  'pressing_for_accuracy',
  'pressing_for_reasoning',
] as const;
export const STUDENT_MOVES = [
  'none',
  'making_a_claim',
  'providing_evidence_reasoning',
  'relating_to_another_student',
  'asking_for_more_info',
] as const;
/** NCTM's four question types (Principles to Actions, 2014). */
export const QUESTION_TYPES = [
  'gathering_information',
  'probing_thinking',
  'making_the_mathematics_visible',
  'encouraging_reflection_and_justification',
] as const;

export const SpeakerRoleSchema = lazySchema(() => z.enum(['teacher', 'student']));
export type SpeakerRole = z.infer<typeof SpeakerRoleSchema>;
export const TeacherMoveSchema = lazySchema(() => z.enum(TEACHER_MOVES));
export const StudentMoveSchema = lazySchema(() => z.enum(STUDENT_MOVES));
export const TalkMoveSchema = lazySchema(() => z.union([TeacherMoveSchema, StudentMoveSchema]));
export type TalkMove = z.infer<typeof TalkMoveSchema>;
export const QuestionTypeSchema = lazySchema(() => z.enum(QUESTION_TYPES));
export type QuestionType = z.infer<typeof QuestionTypeSchema>;

export const MAX_TAG_TEXT_CHARS = 20_000;
export const MAX_CONTEXT_ITEMS = 50;
export const MAX_NEXT_ITEMS = 5;

export const ContributionSchema = lazySchema(() =>
  z.object({
    role: SpeakerRoleSchema,
    text: z.string().max(MAX_TAG_TEXT_CHARS),
  }),
);
export type Contribution = z.infer<typeof ContributionSchema>;

/**
 * What the tagger sees: one contribution and the ones before it, most recent last (for a critique reply the
 * item replied to and earlier replies; for an answer, the question).
 */
export const TagInputSchema = lazySchema(() =>
  ContributionSchema.extend({
    // Only the latest contributions matter to the features; a long thread is cut, not refused.
    context: z
      .array(ContributionSchema)
      .default([])
      .transform((items) => items.slice(-MAX_CONTEXT_ITEMS)),
    /** The contributions after this one, soonest first, when known (a transcript; a live one once answered). */
    next: z
      .array(ContributionSchema)
      .default([])
      .transform((items) => items.slice(0, MAX_NEXT_ITEMS)),
  }),
);
export type TagInput = z.input<typeof TagInputSchema>;

export const TagResultSchema = lazySchema(() =>
  z.object({
    move: TalkMoveSchema,
    /** Softmax probability of `move`. */
    confidence: z.number().min(0).max(1),
    /** Shown type: null for a non-question, and for a question whose type is below the trusted confidence. */
    questionType: QuestionTypeSchema.nullable(),
    /** Whether the text is a question (a typed one, or one shown as "question" without a type). */
    question: z.boolean(),
    /** Calibrated probability of the most likely type of a question (shown or not); null for a non-question. */
    questionTypeConfidence: z.number().min(0).max(1).nullable(),
    /** Words or features that drove the decision, most influential first, in readable form. */
    cues: z.array(z.string()),
  }),
);
export type TagResult = z.infer<typeof TagResultSchema>;

export function movesFor(role: SpeakerRole): readonly string[] {
  return role === 'teacher' ? TEACHER_MOVES : STUDENT_MOVES;
}
