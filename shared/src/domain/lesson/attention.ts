/**
 * The dashboard's attention strip: what needs the teacher now, ranked, each with its reason and the group
 * board to open. Pure: the time comes in as an argument.
 *
 * Rank (most urgent first): a student's change the server undid (a wipe or a flood of the board, or work left
 * hidden outside a frame), then a
 * raised hand (a student asked for help) or students online without a group while the lesson runs (joined
 * late and no group could take them, or the groups were made by hand), then a question the group has not
 * answered, then members who are online but quiet. Within a kind, the longest-waiting first. One item per
 * group and kind, so a group with three hands up is one entry naming all three.
 */
import { isolated } from '../../protocol/readableText.js';

export type AttentionKind = 'wipe' | 'flood' | 'hidden' | 'hand' | 'waiting' | 'question' | 'quiet';

/**
 * A student's change to the group's board that the server undid: others' work deleted or emptied past what a
 * student may at once (a wipe, put back), more added at once than a student may (a flood, taken back), or
 * things left wholly outside a frame, drawn nowhere, once the change had settled (moved back into sight).
 */
export type UndoneChange = 'deleted' | 'added' | 'hidden';

export interface AttentionItem {
  /** Stable across updates (kind and group), for React keys and test ids. */
  id: string;
  kind: AttentionKind;
  /** '' for students without a group (`waiting`): their item leads to the roster, not to a board. */
  groupId: string;
  groupName: string;
  boardId: string;
  /** One sentence a teacher reads at a glance. */
  reason: string;
  studentIds: string[];
  /** Since when it has waited (ms since the epoch), when known. */
  since: number | null;
}

export interface AttentionInput {
  groups: readonly { groupId: string; name: string; boardId: string }[];
  students: readonly { studentId: string; displayName: string; groupId: string | null }[];
  online: readonly string[];
  /** Students with a hand up, in the order they raised it. */
  hands: readonly string[];
  activity: readonly {
    groupId: string;
    members: readonly { studentId: string; lastContributionAt: number | null }[];
  }[];
  questions: readonly {
    questionId: string;
    groupId: string | null;
    text: string;
    createdAt: number;
    answers: readonly { studentId: string }[];
  }[];
  now: number;
  /** A member with no board change for this long (or none yet) is quiet. */
  quietAfterMs: number;
  /** Bulk changes the server undid (a student's wipe or flood of the board), not yet looked at. */
  undoneWipes?: readonly {
    boardId: string;
    studentId: string;
    count: number;
    undone: UndoneChange;
    at: number;
  }[];
}

const KIND_RANK: Record<AttentionKind, number> = {
  wipe: 0,
  flood: 0,
  hidden: 0,
  hand: 1,
  waiting: 1,
  question: 2,
  quiet: 3,
};
const KIND_OF_UNDONE: Record<UndoneChange, AttentionKind> = {
  deleted: 'wipe',
  added: 'flood',
  hidden: 'hidden',
};

/** "Ada", "Ada and Bruno", "Ada, Bruno and Chen". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function minutesSince(then: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - then) / 60_000);
  return minutes < 1 ? 'just now' : `${minutes} min ago`;
}

const QUOTE_MAX = 60;
const quote = (text: string) => (text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text);

export function rankAttention(input: AttentionInput): AttentionItem[] {
  const items: AttentionItem[] = [];
  const online = new Set(input.online);
  const handOrder = new Map(input.hands.map((id, i) => [id, i]));
  for (const group of input.groups) {
    const members = input.students.filter((s) => s.groupId === group.groupId);
    if (members.length === 0) continue;
    const base = { groupId: group.groupId, groupName: group.name, boardId: group.boardId };

    const undone = (input.undoneWipes ?? []).filter((w) => w.boardId === group.boardId);
    for (const kind of ['wipe', 'flood', 'hidden'] as const) {
      const changes = undone.filter((w) => KIND_OF_UNDONE[w.undone] === kind);
      if (changes.length === 0) continue;
      const byStudent = [...new Set(changes.map((w) => w.studentId))];
      const names = listNames(
        byStudent.map((id) => members.find((m) => m.studentId === id)?.displayName ?? 'A student'),
      );
      const count = changes.reduce((sum, w) => sum + w.count, 0);
      items.push({
        ...base,
        id: `${kind}:${group.groupId}`,
        kind,
        reason: {
          wipe: `${names} tried to delete, empty or hide ${count} of the group's things at once; they were put back`,
          flood: `${names} tried to add ${count} things to the board at once; they were taken back`,
          hidden: `${names} left ${count} of the group's things outside a frame, where no one could see them; they were moved back into sight`,
        }[kind],
        studentIds: byStudent,
        since: Math.min(...changes.map((w) => w.at)),
      });
    }

    const raised = members
      .filter((m) => handOrder.has(m.studentId))
      .sort((a, b) => (handOrder.get(a.studentId) ?? 0) - (handOrder.get(b.studentId) ?? 0));
    if (raised.length > 0) {
      const names = raised.map((m) => m.displayName);
      items.push({
        ...base,
        id: `hand:${group.groupId}`,
        kind: 'hand',
        reason: `${listNames(names)} raised ${raised.length === 1 ? 'a hand' : 'hands'}`,
        studentIds: raised.map((m) => m.studentId),
        // Hands carry no time: their order among all hands stands in for it (first raised, first seen).
        since: null,
      });
    }

    const memberIds = new Set(members.map((m) => m.studentId));
    const unanswered = input.questions
      .filter((q) => q.groupId === null || q.groupId === group.groupId)
      .filter((q) => !q.answers.some((a) => memberIds.has(a.studentId)))
      .sort((a, b) => a.createdAt - b.createdAt);
    const oldest = unanswered[0];
    if (oldest) {
      const more = unanswered.length > 1 ? ` (+${unanswered.length - 1} more)` : '';
      items.push({
        ...base,
        id: `question:${group.groupId}`,
        kind: 'question',
        // when first, then what: a strip clipped to two lines keeps the age and cuts the question's words
        reason: `Asked ${minutesSince(oldest.createdAt, input.now)}${more}, no answer: “${isolated(quote(oldest.text))}”`,
        studentIds: [],
        since: oldest.createdAt,
      });
    }

    const activity = input.activity.find((a) => a.groupId === group.groupId);
    const lastOf = (id: string) =>
      activity?.members.find((m) => m.studentId === id)?.lastContributionAt ?? null;
    const quiet = members.filter((m) => {
      if (!online.has(m.studentId)) return false;
      const last = lastOf(m.studentId);
      return last === null || input.now - last >= input.quietAfterMs;
    });
    if (quiet.length > 0) {
      const lasts = quiet.map((m) => lastOf(m.studentId));
      const known = lasts.filter((t): t is number => t !== null);
      const names = listNames(quiet.map((m) => m.displayName));
      const verb = quiet.length === 1 ? 'has' : 'have';
      // True of every member named: the shortest silence among them (or the threshold, when some never wrote).
      const quietMinutes =
        known.length === 0
          ? null
          : Math.floor(
              (input.now -
                (known.length === lasts.length ? Math.max(...known) : input.now - input.quietAfterMs)) /
                60_000,
            );
      items.push({
        ...base,
        id: `quiet:${group.groupId}`,
        kind: 'quiet',
        reason:
          quietMinutes === null
            ? `${names} ${verb} not drawn or written yet`
            : `${names} quiet for ${quietMinutes}${known.length === lasts.length ? '' : '+'} min`,
        studentIds: quiet.map((m) => m.studentId),
        since: known.length === lasts.length ? Math.min(...known) : null,
      });
    }
  }
  const waiting = input.students.filter((s) => s.groupId === null && online.has(s.studentId));
  if (waiting.length > 0 && input.students.some((s) => s.groupId !== null)) {
    items.push({
      id: 'waiting',
      kind: 'waiting',
      groupId: '',
      groupName: 'Not in a group',
      boardId: '',
      reason: `${listNames(waiting.map((s) => s.displayName))} ${waiting.length === 1 ? 'has' : 'have'} no group yet`,
      studentIds: waiting.map((s) => s.studentId),
      since: null,
    });
  }
  const firstHand = (item: AttentionItem) =>
    Math.min(...item.studentIds.map((id) => handOrder.get(id) ?? Number.MAX_SAFE_INTEGER));
  return items.sort((a, b) => {
    const rank = KIND_RANK[a.kind] - KIND_RANK[b.kind];
    if (rank !== 0) return rank;
    if (a.kind === 'hand' && b.kind === 'hand') return firstHand(a) - firstHand(b);
    // Longest waiting first; "never" (null) waits longest of all.
    if (a.since === b.since) return 0;
    if (a.since === null) return -1;
    if (b.since === null) return 1;
    return a.since - b.since;
  });
}

/**
 * The lesson runs once the class has groups (published from the proposals, or made by hand): the dashboard
 * then leads with the live grid, and preparation folds away into its own view.
 */
export function lessonIsRunning(input: Pick<AttentionInput, 'groups'>): boolean {
  return input.groups.length > 0;
}
