import { z } from 'zod';
import {
  QuestionTypeSchema,
  TalkMoveSchema,
  type QuestionType,
  type SpeakerRole,
  type TalkMove,
} from '../tagging/labels.js';
import { QUESTION_TYPE_NAMES } from './moveLabels.js';
import { lazySchema } from '../../lazySchema.js';

export interface TaggedContribution {
  groupId: string | null;
  role: SpeakerRole;
  move: TalkMove;
  questionType: QuestionType | null;
  /** A question whatever its type: one whose type the model withheld is still one the teacher asked. */
  question?: boolean;
}

export interface TagCounts {
  moves: Partial<Record<TalkMove, number>>;
  questionTypes: Partial<Record<QuestionType, number>>;
  /** Questions whose type the model withheld: without them, a group that asked only those read as none. */
  questionsUntyped: number;
}

export interface TagSummary {
  /** Per group: its students' moves and question types over the lesson. */
  groups: Record<string, TagCounts>;
  /** The teacher's own questions by type, so the balance can still change during the lesson. */
  teacherQuestions: Partial<Record<QuestionType, number>>;
  /** The teacher's questions whose type the model withheld (below the confidence a teacher can trust). */
  teacherQuestionsUntyped: number;
}

const countsOf = <K extends z.ZodType<string>>(key: K) =>
  z.partialRecord(key, z.number().int().nonnegative());

/** `GET /api/classes/:classId/tags/summary`: annotated so a drift from the type is a compile error. */
export const TagSummarySchema: z.ZodType<TagSummary> = lazySchema(() =>
  z.object({
    groups: z.record(
      z.string(),
      z.object({
        moves: countsOf(TalkMoveSchema),
        questionTypes: countsOf(QuestionTypeSchema),
        questionsUntyped: z.number().int().nonnegative(),
      }),
    ),
    teacherQuestions: countsOf(QuestionTypeSchema),
    teacherQuestionsUntyped: z.number().int().nonnegative(),
  }),
);

const bump = <K extends string>(counts: Partial<Record<K, number>>, key: K) =>
  (counts[key] = (counts[key] ?? 0) + 1);

export function summarizeTags(tags: readonly TaggedContribution[]): TagSummary {
  const summary: TagSummary = { groups: {}, teacherQuestions: {}, teacherQuestionsUntyped: 0 };
  for (const t of tags) {
    if (t.role === 'teacher' && t.questionType) bump(summary.teacherQuestions, t.questionType);
    else if (t.role === 'teacher' && t.question) summary.teacherQuestionsUntyped += 1;
    if (t.role !== 'student' || t.groupId === null) continue;
    const group = (summary.groups[t.groupId] ??= { moves: {}, questionTypes: {}, questionsUntyped: 0 });
    bump(group.moves, t.move);
    if (t.questionType) bump(group.questionTypes, t.questionType);
    else if (t.question) group.questionsUntyped += 1;
  }
  return summary;
}

/**
 * "9 gathering information, 1 probing thinking, 2 of a type not shown" — most frequent first, the questions
 * the model could not type last (they were asked all the same).
 */
export function describeQuestionBalance(counts: Partial<Record<QuestionType, number>>, untyped = 0): string {
  const parts = (Object.entries(counts) as Array<[QuestionType, number]>)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${n} ${QUESTION_TYPE_NAMES[type]}`);
  if (untyped > 0) parts.push(`${untyped} of a type not shown`);
  // Read live and after the lesson (a coach's page): "no questions yet" read oddly once it was over.
  return parts.length > 0 ? parts.join(', ') : 'no questions asked';
}
