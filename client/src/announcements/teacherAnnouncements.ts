import {
  isolated,
  rankAttention,
  type AttentionInput,
  type AttentionItem,
  type ClassState,
  type GroupActivity,
  type Question,
} from '@conjecture/shared';

/** What the dashboard says aloud is read from this much of its state (pure, so it is tested alone). */
export interface DashboardSnapshot {
  paused: boolean;
  /** Students online, by id. */
  online: readonly string[];
  /** Students with a raised hand, by id. */
  hands: readonly string[];
  questions: ReadonlyArray<{
    questionId: string;
    groupId: string | null;
    text: string;
    answers: ReadonlyArray<{ answerId: string; studentId: string; text: string }>;
  }>;
  projectedBoardIds: readonly string[];
  groups: ReadonlyArray<{ groupId: string; name: string; boardId: string }>;
  /** The dashboard's "Needs you now" items: a group's alert is spoken when it first appears. */
  attention: readonly Pick<AttentionItem, 'id' | 'kind' | 'groupName' | 'reason'>[];
}

/** Names as the dashboard shows them (pseudonyms while anonymized). */
export type NameOf = (studentId: string) => string;

const EXCERPT_CHARS = 140;
/** Someone's words as an announcement speaks them after a colon: cut short, and isolated (FSI … PDI). */
const excerpt = (text: string) => {
  const t = text.trim().replace(/\s+/g, ' ');
  return isolated(t.length > EXCERPT_CHARS ? `${t.slice(0, EXCERPT_CHARS - 1)}…` : t);
};

const added = <T>(before: readonly T[], after: readonly T[]) => after.filter((x) => !before.includes(x));

/**
 * What changed from `prev` to `next`, in words, one sentence per event: students joining or leaving, hands
 * raised, answers received, a group's new alert, students online without a group, and the confirmation of the teacher's own commands (pause,
 * resume, projection, a question posed). Nothing on first load: the page itself shows where things stand.
 */
export function dashboardAnnouncements(
  prev: DashboardSnapshot | null,
  next: DashboardSnapshot,
  nameOf: NameOf,
): string[] {
  if (!prev) return [];
  const said: string[] = [];
  const groupName = (groupId: string | null) =>
    groupId === null ? 'all groups' : (next.groups.find((g) => g.groupId === groupId)?.name ?? 'a group');

  if (!prev.paused && next.paused) said.push('The class is paused: every board is read-only.');
  if (prev.paused && !next.paused) said.push('The class resumed: students can work again.');

  const projected = added(prev.projectedBoardIds, next.projectedBoardIds);
  for (const boardId of projected) {
    const group = next.groups.find((g) => g.boardId === boardId);
    said.push(`${group?.name ?? 'A board'} is on the projector.`);
  }
  if (prev.projectedBoardIds.length > 0 && next.projectedBoardIds.length === 0)
    said.push('The projector shows the join code.');

  const known = new Set(prev.questions.map((q) => q.questionId));
  for (const q of next.questions) {
    if (!known.has(q.questionId)) said.push(`Question posed to ${groupName(q.groupId)}: ${excerpt(q.text)}`);
  }

  for (const id of added(prev.online, next.online)) said.push(`${nameOf(id)} joined.`);
  for (const id of added(next.online, prev.online)) said.push(`${nameOf(id)} left.`);
  for (const id of added(prev.hands, next.hands)) said.push(`${nameOf(id)} raised a hand.`);

  const answered = new Set(prev.questions.flatMap((q) => q.answers.map((a) => a.answerId)));
  for (const q of next.questions) {
    for (const a of q.answers) {
      if (!answered.has(a.answerId)) said.push(`Answer from ${nameOf(a.studentId)}: ${excerpt(a.text)}`);
    }
  }

  // Hands and unanswered questions are spoken above as they happen; a group's other alerts (quiet members,
  // a wipe, flood or hidden work the server undid) only appear here.
  const alerted = new Set(prev.attention.map((a) => a.id));
  for (const item of next.attention) {
    if (
      (item.kind === 'quiet' || item.kind === 'wipe' || item.kind === 'flood' || item.kind === 'hidden') &&
      !alerted.has(item.id)
    )
      said.push(`${item.groupName} needs you: ${item.reason}.`);
  }
  // Students without a group are one item: said again when someone new is among them.
  const waitingBefore = prev.attention.find((a) => a.kind === 'waiting')?.reason;
  const waiting = next.attention.find((a) => a.kind === 'waiting');
  if (waiting && waiting.reason !== waitingBefore) said.push(`${waiting.reason}.`);
  return said;
}

/**
 * The snapshot to compare the next one with: `next`, except that a student online whose name the dashboard
 * does not know yet counts as not yet joined. The socket tells of a join before the class view with the
 * student's name has been fetched again; held back, the join is said with the name once it is known, rather
 * than as "A student joined." then.
 */
export function withUnnamedJoinsHeld(
  prev: DashboardSnapshot | null,
  next: DashboardSnapshot,
  isNamed: (studentId: string) => boolean,
): DashboardSnapshot {
  if (!prev) return next;
  const online = next.online.filter((id) => isNamed(id) || prev.online.includes(id));
  return online.length === next.online.length ? next : { ...next, online };
}

/**
 * The snapshot of a loaded dashboard: the class as the dashboard shows it (names anonymized when it is),
 * with the same "Needs you now" ranking the page shows.
 */
export function dashboardSnapshot(
  cls: ClassState,
  live: {
    hands: string[];
    activity: GroupActivity[];
    questions: Question[];
    now: number;
    quietAfterMs: number;
    undoneWipes?: AttentionInput['undoneWipes'];
  },
): DashboardSnapshot {
  const attention = rankAttention({
    ...live,
    groups: cls.groups,
    students: cls.students,
    online: cls.online,
  });
  return {
    paused: cls.paused,
    online: cls.online,
    hands: live.hands,
    questions: live.questions.map((q) => ({
      questionId: q.questionId,
      groupId: q.groupId,
      text: q.text,
      answers: q.answers.map(({ answerId, studentId, text }) => ({ answerId, studentId, text })),
    })),
    projectedBoardIds: cls.projectedBoardIds,
    groups: cls.groups.map(({ groupId, name, boardId }) => ({ groupId, name, boardId })),
    attention: attention.map(({ id, kind, groupName, reason }) => ({ id, kind, groupName, reason })),
  };
}
