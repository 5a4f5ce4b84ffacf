import { z } from 'zod';
import { lazySchema } from '../../lazySchema.js';
import { isolated } from '../../protocol/readableText.js';

/**
 * Which groups need the teacher now, ranked, each with its reasons — so one teacher can oversee eight groups
 * or more. Pure: the class's live signals and the time come in, the ranking goes out. The dashboard's
 * attention strip and the server's `GET …/alerts` both call `rankAlerts`.
 */

export const ALERT_KINDS = [
  'hand',
  'misconception',
  'unanswered',
  'silent',
  'no_new_representation',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** How much each reason weighs: a hand is a direct call, a misconception is what the lesson is for. */
export const ALERT_WEIGHTS: Record<AlertKind, number> = {
  hand: 5,
  misconception: 4,
  unanswered: 3,
  silent: 2,
  no_new_representation: 2,
};

export const DEFAULT_ALERT_THRESHOLDS = { silentMs: 3 * 60_000, noRepresentationMs: 5 * 60_000 } as const;
export interface AlertThresholds {
  /** A member who has not changed the board for this long (while the group works) is silent. */
  silentMs: number;
  /** A board with no new item for this long. */
  noRepresentationMs: number;
}

/** What the ranking reads about one group. Times are server ms; null means "not yet". */
export interface GroupSignals {
  groupId: string;
  name: string;
  boardId: string;
  /** Names (as the teacher sees them) of members with a raised hand. */
  raisedHands: string[];
  members: Array<{ name: string; lastContributionAt: number | null; online: boolean }>;
  /** When the board last gained a new item (a representation); null: never. */
  lastNewItemAt: number | null;
  /** When the group started working (the board was created or the lesson began). */
  startedAt: number;
  /** Titles of misconceptions matched on the board and not rejected by the teacher. */
  misconceptions: string[];
  /** Questions posed to this group (or to all) that no member has answered, with when they were posed. */
  unansweredQuestions: Array<{ text: string; askedAt: number }>;
}

export const AlertReasonSchema = lazySchema(() =>
  z.object({
    kind: z.enum(ALERT_KINDS),
    /** "2 hands raised (Ana, Ben)". */
    text: z.string(),
    /** Since when the reason holds (ms), when known: older reasons rank first among equals. */
    since: z.number().nullable(),
  }),
);
export type AlertReason = z.infer<typeof AlertReasonSchema>;

export const GroupAlertSchema = lazySchema(() =>
  z.object({
    groupId: z.string(),
    name: z.string(),
    boardId: z.string(),
    score: z.number(),
    reasons: z.array(AlertReasonSchema),
  }),
);
export type GroupAlert = z.infer<typeof GroupAlertSchema>;

const minutes = (ms: number) => `${Math.max(1, Math.floor(ms / 60_000))} min`;
const names = (list: string[]) => (list.length <= 3 ? list.join(', ') : `${list.slice(0, 3).join(', ')}…`);

function reasonsOf(
  g: GroupSignals,
  now: number,
  t: AlertThresholds,
): Array<AlertReason & { weight: number }> {
  const out: Array<AlertReason & { weight: number }> = [];
  if (g.raisedHands.length > 0) {
    const n = g.raisedHands.length;
    out.push({
      kind: 'hand',
      text: `${n === 1 ? 'a hand' : `${n} hands`} raised (${names(g.raisedHands)})`,
      since: null,
      weight: ALERT_WEIGHTS.hand + (n - 1),
    });
  }
  for (const title of g.misconceptions)
    out.push({
      kind: 'misconception',
      text: `misconception: ${isolated(title)}`,
      since: null,
      weight: ALERT_WEIGHTS.misconception,
    });
  if (g.unansweredQuestions.length > 0) {
    const oldest = Math.min(...g.unansweredQuestions.map((q) => q.askedAt));
    const first = g.unansweredQuestions.find((q) => q.askedAt === oldest);
    out.push({
      kind: 'unanswered',
      text: `question unanswered for ${minutes(now - oldest)}: "${isolated(first?.text.slice(0, 60) ?? '')}"`,
      since: oldest,
      weight: ALERT_WEIGHTS.unanswered,
    });
  }
  // Only members who are here can be silent; someone absent is not a group's problem to solve.
  const silent = g.members.filter(
    (m) => m.online && now - (m.lastContributionAt ?? g.startedAt) >= t.silentMs,
  );
  if (silent.length > 0) {
    const since = Math.min(...silent.map((m) => m.lastContributionAt ?? g.startedAt));
    out.push({
      kind: 'silent',
      text: `${names(silent.map((m) => m.name))} silent for ${minutes(now - since)}`,
      since,
      weight: ALERT_WEIGHTS.silent + (silent.length - 1) * 0.5,
    });
  }
  const lastNew = g.lastNewItemAt ?? g.startedAt;
  if (g.members.some((m) => m.online) && now - lastNew >= t.noRepresentationMs)
    out.push({
      kind: 'no_new_representation',
      text:
        g.lastNewItemAt === null
          ? `nothing on the board for ${minutes(now - lastNew)}`
          : `no new representation for ${minutes(now - lastNew)}`,
      since: lastNew,
      weight: ALERT_WEIGHTS.no_new_representation,
    });
  return out;
}

/**
 * Groups needing attention, most urgent first: the sum of their reasons' weights, then the oldest reason,
 * then the group's name (a stable order). Groups with no reason are left out.
 */
export function rankAlerts(
  groups: readonly GroupSignals[],
  now: number,
  thresholds: AlertThresholds = DEFAULT_ALERT_THRESHOLDS,
): GroupAlert[] {
  const ranked = groups
    .map((g) => {
      const reasons = reasonsOf(g, now, thresholds).sort((a, b) => b.weight - a.weight);
      const oldest = Math.min(...reasons.map((r) => r.since ?? Infinity));
      return {
        alert: {
          groupId: g.groupId,
          name: g.name,
          boardId: g.boardId,
          score: reasons.reduce((s, r) => s + r.weight, 0),
          reasons: reasons.map(({ kind, text, since }) => ({ kind, text, since })),
        },
        oldest,
      };
    })
    .filter((r) => r.alert.reasons.length > 0);
  ranked.sort(
    (a, b) =>
      b.alert.score - a.alert.score || a.oldest - b.oldest || a.alert.name.localeCompare(b.alert.name),
  );
  return ranked.map((r) => r.alert);
}
