import { z } from 'zod';
import { lazySchema } from '../../lazySchema.js';

/**
 * Participation balance: who in a group did what, from facts the server holds (its per-update authorship
 * log, the critique threads it writes, the answers it stores, the tags it computes) — never from what a
 * client wrote about itself. Pure: the server gathers the acts, this counts them; time comes in as `now`.
 */

/** What one member did once, as the server saw it. */
export const PARTICIPATION_ACT_KINDS = ['create', 'edit', 'critiqueReply', 'answer'] as const;
export type ParticipationActKind = (typeof PARTICIPATION_ACT_KINDS)[number];

export interface ParticipationAct {
  kind: ParticipationActKind;
  author: string;
  at: number;
  /** The board item created or edited (distinct items are counted); null for replies and answers. */
  itemId: string | null;
  /** Words this act added (a text grown from 3 to 7 words adds 4; shortening adds none). */
  words: number;
}

/** The defaults, written once here and in the schema below (a literal: importing this module parses nothing). */
export const DEFAULT_PARTICIPATION_OPTIONS = {
  /** Flag a group when one member holds more than this share of its contributions. */
  dominantShare: 0.6,
  /** …once the group has at least this many contributions (one early note is not dominance). */
  minContributions: 5,
  /** Flag a member who has contributed nothing for this long (since their last act or the group's first). */
  quietAfterMs: 5 * 60_000,
} as const;

export const ParticipationOptionsSchema = lazySchema(() =>
  z.object({
    dominantShare: z.number().gt(0).lt(1).default(DEFAULT_PARTICIPATION_OPTIONS.dominantShare),
    minContributions: z.number().int().min(1).default(DEFAULT_PARTICIPATION_OPTIONS.minContributions),
    quietAfterMs: z.number().int().positive().default(DEFAULT_PARTICIPATION_OPTIONS.quietAfterMs),
  }),
);
export type ParticipationOptions = z.infer<typeof ParticipationOptionsSchema>;

export const MemberParticipationSchema = lazySchema(() =>
  z.object({
    studentId: z.string(),
    itemsCreated: z.number().int(),
    itemsEdited: z.number().int(),
    words: z.number().int(),
    critiqueReplies: z.number().int(),
    answers: z.number().int(),
    /** Talk moves of the member's tagged contributions (a teacher's correction wins), by move. */
    talkMoves: z.record(z.string(), z.number().int()),
    /** Items created + items edited + critique replies + answers: what the share counts. */
    contributions: z.number().int(),
    /** The member's part of the group's contributions, 0–1 (0 while the group has none). */
    share: z.number(),
    lastContributionAt: z.number().nullable(),
  }),
);
export type MemberParticipation = z.infer<typeof MemberParticipationSchema>;

export const GroupParticipationSchema = lazySchema(() =>
  z.object({
    groupId: z.string(),
    members: z.array(MemberParticipationSchema),
    contributions: z.number().int(),
    /** When anyone in the group first contributed (the quiet clock starts there for members who never did). */
    firstContributionAt: z.number().nullable(),
    /** The member holding more than `dominantShare`, or null. */
    dominantMember: z.string().nullable(),
    /** Members quiet for `quietAfterMs` or longer at `generatedAt`. */
    quietMembers: z.array(z.string()),
  }),
);
export type GroupParticipation = z.infer<typeof GroupParticipationSchema>;

/** GET /api/classes/:classId/participation: every group's balance, computed at `generatedAt`. */
export const ParticipationReportSchema = lazySchema(() =>
  z.object({
    classId: z.string(),
    generatedAt: z.number(),
    options: ParticipationOptionsSchema,
    groups: z.array(GroupParticipationSchema),
  }),
);
export type ParticipationReport = z.infer<typeof ParticipationReportSchema>;

/** The report's query: the two thresholds, when the teacher (or a coach) wants others than the defaults. */
export const ParticipationQuerySchema = lazySchema(() =>
  z
    .object({
      /** Percent, e.g. `60`. */
      dominantPercent: z.coerce.number().gt(0).lt(100).optional(),
      quietMinutes: z.coerce.number().int().min(1).max(240).optional(),
    })
    .strict(),
);
export type ParticipationQuery = z.infer<typeof ParticipationQuerySchema>;

export interface GroupParticipationInput {
  groupId: string;
  /** The group's members, in the order the roster lists them. */
  members: readonly string[];
  acts: readonly ParticipationAct[];
  /** One tagged contribution's move per entry, by its author. */
  talkMoves: ReadonlyArray<{ author: string; move: string }>;
  now: number;
  options?: Partial<ParticipationOptions>;
}

/** Counts a group's acts per member, their shares and both flags. Authors outside `members` are ignored. */
export function groupParticipation(input: GroupParticipationInput): GroupParticipation {
  const options = { ...DEFAULT_PARTICIPATION_OPTIONS, ...input.options };
  const acts = input.acts.filter((a) => input.members.includes(a.author));
  const firstContributionAt = acts.length > 0 ? Math.min(...acts.map((a) => a.at)) : null;
  const counted = input.members.map((studentId) => {
    const own = acts.filter((a) => a.author === studentId);
    const distinct = (kind: ParticipationActKind) =>
      new Set(own.filter((a) => a.kind === kind).map((a) => a.itemId)).size;
    const count = (kind: ParticipationActKind) => own.filter((a) => a.kind === kind).length;
    const talkMoves: Record<string, number> = {};
    for (const t of input.talkMoves)
      if (t.author === studentId) talkMoves[t.move] = (talkMoves[t.move] ?? 0) + 1;
    const itemsCreated = distinct('create');
    const itemsEdited = distinct('edit');
    const critiqueReplies = count('critiqueReply');
    const answers = count('answer');
    return {
      studentId,
      itemsCreated,
      itemsEdited,
      words: own.reduce((sum, a) => sum + a.words, 0),
      critiqueReplies,
      answers,
      talkMoves,
      contributions: itemsCreated + itemsEdited + critiqueReplies + answers,
      share: 0,
      lastContributionAt: own.length > 0 ? Math.max(...own.map((a) => a.at)) : null,
    };
  });
  const contributions = counted.reduce((sum, m) => sum + m.contributions, 0);
  const members = counted.map((m) => ({
    ...m,
    share: contributions > 0 ? m.contributions / contributions : 0,
  }));
  const group = { groupId: input.groupId, members, contributions, firstContributionAt };
  return {
    ...group,
    dominantMember: dominantMember(group, options),
    quietMembers: quietMembers(group, input.now, options.quietAfterMs),
  };
}

type Counted = Pick<GroupParticipation, 'members' | 'contributions' | 'firstContributionAt'>;

/** The member holding more than `dominantShare` of a group of two or more, once it has enough to judge. */
export function dominantMember(
  group: Counted,
  options: Pick<ParticipationOptions, 'dominantShare' | 'minContributions'>,
): string | null {
  if (group.members.length < 2 || group.contributions < options.minContributions) return null;
  return group.members.find((m) => m.share > options.dominantShare)?.studentId ?? null;
}

/**
 * Members who have contributed nothing for `quietAfterMs` at `now`: since their last act, or — for one who
 * never acted — since the group's first act (before anyone starts, nobody is singled out). The dashboard
 * calls it again as its clock ticks, so a member turns quiet without a new report.
 */
export function quietMembers(group: Counted, now: number, quietAfterMs: number): string[] {
  if (group.firstContributionAt === null) return [];
  const start = group.firstContributionAt;
  return group.members
    .filter((m) => now - (m.lastContributionAt ?? start) >= quietAfterMs)
    .map((m) => m.studentId);
}

/** Words in a text, for "words written": runs of letters, digits or symbols between spaces. */
export function wordCount(text: string | null | undefined): number {
  return text ? text.split(/\s+/).filter((w) => w.length > 0).length : 0;
}
