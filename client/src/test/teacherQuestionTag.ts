import type { ContributionTag } from '@conjecture/shared';

/** A teacher's posed question as the tagger left it (its type withheld), with `over` on top. */
export const teacherQuestionTag = (over: Partial<ContributionTag> = {}): ContributionTag => ({
  contributionId: 'c1',
  classId: 'class1',
  groupId: null,
  boardId: null,
  shapeId: null,
  kind: 'question',
  author: 'teacher',
  role: 'teacher',
  text: 'Why did you draw that rectangle the size you did?',
  move: 'pressing_for_reasoning',
  confidence: 0.93,
  questionType: null,
  question: true,
  cues: ['"why"'],
  taggedAt: 1,
  corrected: null,
  ...over,
});
