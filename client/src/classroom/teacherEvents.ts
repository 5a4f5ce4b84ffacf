import type { ClassState, GroupActivity, Question, ServerToClientEvents } from '@conjecture/shared';

/** The teacher's live view of a class: what the socket's events keep current. */
export interface TeacherLiveState {
  cls: ClassState;
  questions: Question[];
  activity: GroupActivity[];
  hands: string[];
  /** Students' wipes (and floods) of their group's board that the server undid, until the teacher opens it. */
  undoneWipes: UndoneWipe[];
}

export type UndoneWipe = Omit<Parameters<ServerToClientEvents['wipeUndone']>[0], 'classId'>;

/** The events this reducer folds, with their payloads from the shared contract. */
type Folded =
  | 'presenceChanged'
  | 'activityChanged'
  | 'handsChanged'
  | 'classPaused'
  | 'questionPosed'
  | 'answerPosted'
  | 'projectionChanged'
  | 'wipeUndone';
export type TeacherEvent = {
  [E in Folded]: { name: E; payload: Parameters<ServerToClientEvents[E]>[0] };
}[Folded];

/** Events that change state a reload also answers: a reload asked before one of them is stale. */
export const RELOAD_RACING_EVENTS: ReadonlySet<Folded> = new Set([
  'presenceChanged',
  'classPaused',
  'projectionChanged',
]);

/**
 * Folds one live event into the teacher's state: pure, so every case is tested without a socket. Events
 * may repeat (a reconnect re-sends nothing, but a question can arrive by event and by reload): each fold
 * is idempotent.
 */
export function foldTeacherEvent<S extends TeacherLiveState>(s: S, event: TeacherEvent): S {
  switch (event.name) {
    case 'presenceChanged':
      return { ...s, cls: { ...s.cls, online: event.payload.online } };
    case 'activityChanged':
      return { ...s, activity: event.payload.groups };
    case 'handsChanged':
      return { ...s, hands: event.payload.raised };
    case 'classPaused':
      return { ...s, cls: { ...s.cls, paused: event.payload.paused, ended: event.payload.ended } };
    case 'questionPosed': {
      const { question } = event.payload;
      return s.questions.some((q) => q.questionId === question.questionId)
        ? s
        : { ...s, questions: [...s.questions, question] };
    }
    case 'answerPosted': {
      const { answer } = event.payload;
      return {
        ...s,
        questions: s.questions.map((q) =>
          q.questionId === answer.questionId && !q.answers.some((a) => a.answerId === answer.answerId)
            ? { ...q, answers: [...q.answers, answer] }
            : q,
        ),
      };
    }
    case 'wipeUndone': {
      const { boardId, studentId, count, undone, at } = event.payload;
      return s.undoneWipes.some(
        (w) => w.boardId === boardId && w.studentId === studentId && w.at === at && w.undone === undone,
      )
        ? s
        : { ...s, undoneWipes: [...s.undoneWipes, { boardId, studentId, count, undone, at }] };
    }
    case 'projectionChanged': {
      const { projection } = event.payload;
      return {
        ...s,
        cls: {
          ...s.cls,
          projectedBoardIds: projection.boardIds,
          anonymize: projection.anonymize,
          spotlight: projection.spotlight,
        },
      };
    }
  }
}

/** The teacher opened the board: its undone wipes have been seen. */
export const withoutWipesOf = <S extends TeacherLiveState>(s: S, boardId: string): S =>
  s.undoneWipes.some((w) => w.boardId === boardId)
    ? { ...s, undoneWipes: s.undoneWipes.filter((w) => w.boardId !== boardId) }
    : s;
