import type { CsvRow, CsvTableName } from '@conjecture/shared';
import {
  CONFIDENCE_LABELS,
  CSV_TABLES,
  effectiveMove,
  effectiveQuestion,
  effectiveQuestionType,
  toCsv,
} from '@conjecture/shared';
import { recordText, representationType } from '@conjecture/shared/board/index';
import type { LessonData } from './lessonData.js';

type Rows<N extends CsvTableName> = CsvRow<(typeof CSV_TABLES)[N]>[];

/** Each table's rows, from the lesson's data: the columns are `CSV_TABLES`'s, in shared. */
const ROWS: { [N in CsvTableName]: (data: LessonData) => Rows<N> } = {
  contributions: (data) =>
    data.groups.flatMap(({ group, records, locked, authorship }) =>
      records
        .filter((r) => r.typeName === 'shape' && !locked.has(r.id))
        .map((r) => {
          const { creator, authors = [] } = authorship.get(r.id) ?? {};
          return {
            group: group.name,
            shape_id: r.id,
            shape_type: typeof r.type === 'string' ? r.type : '',
            representation: representationType(r)?.type ?? null,
            created_by: creator ? data.nameOf(creator) : null,
            edited_by:
              authors
                .filter((id) => id !== creator)
                .map(data.nameOf)
                .join('; ') || null,
            text: recordText(r),
          };
        }),
    ),
  answers: (data) =>
    data.questions.flatMap((q): Rows<'answers'> => {
      const tag = data.tags.find((t) => t.contributionId === `question:${q.questionId}`);
      const question = {
        question_id: q.questionId,
        asked_to: data.groupName(q.groupId),
        question: q.text,
        question_type: tag ? effectiveQuestionType(tag) : null,
        asked_at: q.createdAt,
      };
      const empty = { student: null, answer: null, answered_at: null };
      return q.answers.length === 0
        ? [{ ...question, ...empty }]
        : q.answers.map((a) => ({
            ...question,
            student: data.nameOf(a.studentId),
            answer: a.text,
            answered_at: a.createdAt,
          }));
    }),
  participation: (data) =>
    data.participation.groups.flatMap((g) =>
      g.members.map((m) => ({
        group: data.groupName(g.groupId),
        student: data.nameOf(m.studentId),
        items_created: m.itemsCreated,
        items_edited: m.itemsEdited,
        words: m.words,
        critique_replies: m.critiqueReplies,
        answers: m.answers,
        talk_moves: Object.values(m.talkMoves).reduce((a, b) => a + b, 0),
        share: Math.round(m.share * 1000) / 1000,
        holds_most: g.dominantMember === m.studentId,
        quiet: g.quietMembers.includes(m.studentId),
        last_contribution_at: m.lastContributionAt,
      })),
    ),
  reflections: (data) =>
    data.reflections.map((r) => ({
      student: data.nameOf(r.studentId),
      group: data.groupName(data.groupOf(r.studentId)),
      worked: r.worked || null,
      change: r.change || null,
      next_step: r.nextStep || null,
      confidence: r.confidence ? CONFIDENCE_LABELS[r.confidence] : null,
      updated_at: r.updatedAt,
    })),
  tags: (data) =>
    data.tags.map((t) => ({
      contribution_id: t.contributionId,
      group: t.groupId === null ? null : data.groupName(t.groupId),
      kind: t.kind,
      author: data.nameOf(t.author),
      role: t.role,
      text: t.text,
      move: effectiveMove(t),
      question_type: effectiveQuestionType(t),
      question: effectiveQuestion(t),
      confidence: Math.round(t.confidence * 1000) / 1000,
      corrected: t.corrected !== null,
      tagged_at: t.taggedAt,
    })),
};

export function csvRows<N extends CsvTableName>(name: N, data: LessonData): Rows<N> {
  return ROWS[name](data);
}

export function csvTable(name: CsvTableName, data: LessonData): string {
  return toCsv(CSV_TABLES[name], csvRows(name, data) as never);
}
