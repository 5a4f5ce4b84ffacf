import type { GroupSignals, MonitoringState, Question } from '@conjecture/shared';
import type { GroupActivity } from '@conjecture/shared';
import type { ClassroomStore } from '../classroom/classroomStore.js';

/**
 * The live signals `rankAlerts` reads, per group of a class, from what the server already knows: raised
 * hands, members' activity, the board's last new item, flagged misconceptions and unanswered questions.
 */
export function groupSignals(input: {
  classId: string;
  store: ClassroomStore;
  raisedHands: readonly string[];
  activity: readonly GroupActivity[];
  monitoring: MonitoringState;
  questions: readonly Question[];
  lastNewItemAt: (boardId: string) => number | null;
}): GroupSignals[] {
  const { store, monitoring } = input;
  const nameOf = (studentId: string) => store.getStudent(studentId)?.displayName ?? 'a student';
  const titles = new Map(monitoring.anticipations.map((a) => [a.id, a.title]));
  return store.groupsOf(input.classId).map((g) => {
    const members = store.studentsOf(input.classId).filter((s) => s.groupId === g.groupId);
    const memberIds = new Set(members.map((m) => m.studentId));
    const activity = input.activity.find((a) => a.groupId === g.groupId);
    const flagged = monitoring.groups.find((m) => m.groupId === g.groupId)?.flagged ?? [];
    return {
      groupId: g.groupId,
      name: g.name,
      boardId: g.boardId,
      raisedHands: input.raisedHands.filter((id) => memberIds.has(id)).map(nameOf),
      members: members.map((m) => {
        const a = activity?.members.find((x) => x.studentId === m.studentId);
        return {
          name: m.displayName,
          lastContributionAt: a?.lastContributionAt ?? null,
          online: a?.online ?? false,
        };
      }),
      lastNewItemAt: input.lastNewItemAt(g.boardId),
      startedAt: Math.max(g.createdAt, ...members.map((m) => m.createdAt)),
      misconceptions: flagged.map((id) => titles.get(id) ?? id),
      unansweredQuestions: input.questions
        .filter((q) => q.groupId === g.groupId || q.groupId === null)
        .filter((q) => !q.answers.some((a) => memberIds.has(a.studentId)))
        .map((q) => ({ text: q.text, askedAt: q.createdAt })),
    };
  });
}
