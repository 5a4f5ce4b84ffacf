import {
  DEFAULT_PARTICIPATION_OPTIONS,
  effectiveMove,
  effectiveQuestion,
  effectiveQuestionType,
  fail,
  groupParticipation,
  ok,
  wordCount,
  type BoardReplay,
  type ContributionTag,
  type ParticipationAct,
  type ParticipationQuery,
  type ParticipationReport,
  type ReplayStep,
  type Result,
  type TimelineEntry,
  WELL_KNOWN_USERS,
} from '@conjecture/shared';
import { CRITIQUE_TYPE, type CritiqueThread } from '@conjecture/shared/board/index';
import type { ClassroomStore, GroupRow } from '../classroom/classroomStore.js';
import type { BoardStore } from '../storage/boardStore.js';
import { boardActs, forgetDeletedActs, newReplies } from './boardActs.js';
import { forgetDeletedReplays, replaySteps } from './boardReplay.js';

export interface EvidenceDeps {
  boards: BoardStore;
  classrooms: ClassroomStore;
  /** The class's tagged contributions (the tag store's, corrections included). */
  tagsOf: (classId: string) => ContributionTag[];
  now: () => number;
}

/**
 * The critique replies of a board, from the threads in its replay: only the server writes threads (the write
 * policy reverts anyone else's), so only its steps are read, and a reply counts from its first appearance.
 */
function repliesIn(steps: readonly ReplayStep[]) {
  const seen = new Set<string>();
  return steps.flatMap((step) =>
    step.author !== WELL_KNOWN_USERS.server
      ? []
      : step.put.flatMap((r) =>
          r.typeName === CRITIQUE_TYPE ? newReplies(r as unknown as CritiqueThread, seen) : [],
        ),
  );
}

/** A contribution's tag as the timeline shows it: the teacher's correction wins, and says so. */
const tagFields = (t: ContributionTag | undefined) => ({
  move: t ? effectiveMove(t) : null,
  questionType: t ? effectiveQuestionType(t) : null,
  question: t ? effectiveQuestion(t) : false,
  corrected: !!t?.corrected,
});

/**
 * Evidence of how a lesson went, read from what the server keeps anyway: who took part in each group
 * (participation balance) and how each group's board grew (replay with its discourse timeline). Nothing
 * here is stored: every answer is computed from the update log, the tag store and the questions.
 */
export class EvidenceService {
  constructor(private readonly deps: EvidenceDeps) {}

  participation(classId: string, query: ParticipationQuery = {}): ParticipationReport {
    this.forgetDeleted();
    const { classrooms, now } = this.deps;
    const options = {
      ...DEFAULT_PARTICIPATION_OPTIONS,
      ...(query.dominantPercent !== undefined && { dominantShare: query.dominantPercent / 100 }),
      ...(query.quietMinutes !== undefined && { quietAfterMs: query.quietMinutes * 60_000 }),
    };
    const students = classrooms.studentsOf(classId);
    const answers = this.answersOf(classId);
    // Talk in the lesson: a reflection written at the end is about the lesson, not part of it.
    const tags = this.deps.tagsOf(classId).filter((t) => t.role === 'student' && t.kind !== 'reflection');
    const at = now();
    const groups = classrooms.groupsOf(classId).map((g) => {
      const members = students.filter((s) => s.groupId === g.groupId).map((s) => s.studentId);
      const answered: ParticipationAct[] = answers
        .filter((a) => members.includes(a.studentId))
        .map((a) => ({
          kind: 'answer',
          author: a.studentId,
          at: a.createdAt,
          itemId: null,
          words: wordCount(a.text),
        }));
      return groupParticipation({
        groupId: g.groupId,
        members,
        acts: [...boardActs(this.deps.boards, g.boardId).acts, ...answered],
        talkMoves: tags
          .filter((t) => t.groupId === g.groupId)
          .map((t) => ({ author: t.author, move: effectiveMove(t) })),
        now: at,
        options,
      });
    });
    return { classId, generatedAt: at, options, groups };
  }

  /** A group's board as replay steps, with its discourse timeline beside it. */
  replay(classId: string, groupId: string): Result<BoardReplay> {
    this.forgetDeleted();
    const group = this.deps.classrooms.getGroup(groupId);
    if (!group || group.classId !== classId) return fail('not_found', 'no such group in this class');
    const steps = replaySteps(this.deps.boards, group.boardId);
    return ok({
      groupId,
      boardId: group.boardId,
      steps: steps.slice(),
      timeline: this.timeline(classId, group, steps),
    });
  }

  /**
   * What was folded of deleted boards goes at the next request: the folds are caches of the log, and a
   * deleted class's work must not stay in memory after it (the dashboard asks on every burst of activity).
   */
  forgetDeleted(): void {
    forgetDeletedActs(this.deps.boards);
    forgetDeletedReplays(this.deps.boards);
  }

  private timeline(classId: string, group: GroupRow, steps: readonly ReplayStep[]): TimelineEntry[] {
    const tags = new Map(this.deps.tagsOf(classId).map((t) => [t.contributionId, t]));
    const tagOf = (id: string) => tagFields(tags.get(id));
    const members = new Set(
      this.deps.classrooms
        .studentsOf(classId)
        .filter((s) => s.groupId === group.groupId)
        .map((s) => s.studentId),
    );
    const entries: TimelineEntry[] = [];
    for (const t of tags.values()) {
      if (t.kind !== 'board_text' || t.boardId !== group.boardId) continue;
      entries.push({
        kind: 'tag',
        at: t.taggedAt,
        author: t.author,
        text: t.text,
        ...tagFields(t),
        shapeId: t.shapeId,
      });
    }
    for (const r of repliesIn(steps))
      entries.push({
        kind: 'critique',
        at: r.at,
        author: r.authorId,
        text: r.text,
        ...tagOf(`critique:${group.boardId}:${r.replyId}`),
        shapeId: r.shapeId,
      });
    for (const q of this.deps.classrooms.questionsOf(classId)) {
      if (q.groupId !== null && q.groupId !== group.groupId) continue;
      entries.push({
        kind: 'question',
        at: q.createdAt,
        author: 'teacher',
        text: q.text,
        ...tagOf(`question:${q.questionId}`),
        shapeId: `shape:question-${q.questionId}`,
      });
      for (const a of this.deps.classrooms.answersOf(q.questionId)) {
        if (!members.has(a.studentId)) continue;
        entries.push({
          kind: 'answer',
          at: a.createdAt,
          author: a.studentId,
          text: a.text,
          ...tagOf(`answer:${a.answerId}`),
          shapeId: `shape:question-${q.questionId}`,
        });
      }
    }
    return entries.sort((a, b) => a.at - b.at);
  }

  private answersOf(classId: string) {
    return this.deps.classrooms
      .questionsOf(classId)
      .flatMap((q) => this.deps.classrooms.answersOf(q.questionId));
  }
}
