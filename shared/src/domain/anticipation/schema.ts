import { z } from 'zod';
import { writtenText } from '../../protocol/readableText.js';
import { REPRESENTATION_TYPES } from '../../board/representationType.js';
import { STUDENT_MOVES } from '../tagging/labels.js';
import { lazySchema } from '../../lazySchema.js';

/**
 * Anticipations: the strategies and misconceptions a teacher expects on a task (Smith & Stein's first
 * practice), each with look-fors the matcher searches board work for. Plain data: stored with the class,
 * edited over REST, read by the pure matcher.
 */

/** Shape kinds a look-for may name, beside the NCTM representation types. */
export const LOOK_FOR_SHAPE_KINDS = [
  'table',
  'equation',
  'number-line',
  'coordinate-plane',
  'fraction-bar',
  'area-model',
  'note',
  'text',
  'draw',
] as const;
export const LookForRepresentationSchema = lazySchema(() =>
  z.enum([...LOOK_FOR_SHAPE_KINDS, ...REPRESENTATION_TYPES]),
);
export type LookForRepresentation = z.infer<typeof LookForRepresentationSchema>;

/** How much a look-for counts; negative look-fors count against (they tell a near miss apart). */
const WeightSchema = lazySchema(() => z.number().min(-5).max(5).default(1));

export const LookForSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('phrase'),
      /** Words or a phrase; alternatives separated by `|` ("per pen | each pen") count once. */
      text: writtenText().min(1).max(200),
      weight: WeightSchema,
    }),
    z.object({
      kind: z.literal('value'),
      value: z.number().finite(),
      /** Absolute: 0.67 with 0.01 matches 2/3 written as 0.666…, 0.67 or a fraction 2/3. */
      tolerance: z.number().min(0).max(1e6).default(0),
      weight: WeightSchema,
    }),
    z.object({
      kind: z.literal('expression'),
      /** Compared without spaces, brackets or currency, with ÷ as / and × or · as *: "2 ÷ 3" is "2/3". */
      text: writtenText().min(1).max(120),
      weight: WeightSchema,
    }),
    z.object({
      kind: z.literal('representation'),
      representation: LookForRepresentationSchema,
      weight: WeightSchema,
    }),
    z.object({ kind: z.literal('talkMove'), move: z.enum(STUDENT_MOVES), weight: WeightSchema }),
  ]),
);
export type LookFor = z.infer<typeof LookForSchema>;
export type LookForInput = z.input<typeof LookForSchema>;

export const ANTICIPATION_KINDS = ['strategy', 'misconception'] as const;
export const AnticipationIdSchema = lazySchema(() =>
  z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not an anticipation id'),
);

/** What the teacher writes: the server gives a new anticipation its id. */
export const AnticipationInputSchema = lazySchema(() =>
  z
    .object({
      title: writtenText().min(1).max(80),
      description: writtenText().max(600).default(''),
      kind: z.enum(ANTICIPATION_KINDS),
      lookFors: z.array(LookForSchema).max(24),
      /** The matched look-fors' weights must add up to this for a board to match. */
      threshold: z.number().min(0.5).max(20).default(2),
    })
    .strict(),
);
export type AnticipationInput = z.input<typeof AnticipationInputSchema>;

export const AnticipationSchema = lazySchema(() =>
  AnticipationInputSchema.extend({ id: AnticipationIdSchema }),
);
export type Anticipation = z.infer<typeof AnticipationSchema>;

/** Evidence that one board item matched some of an anticipation's look-fors. */
export const MatchEvidenceSchema = lazySchema(() =>
  z.object({
    shapeId: z.string(),
    /** "table with "cost per pen", 0.67 and 0.60". */
    text: z.string(),
  }),
);
export type MatchEvidence = z.infer<typeof MatchEvidenceSchema>;

export const AnticipationMatchSchema = lazySchema(() =>
  z.object({
    anticipationId: AnticipationIdSchema,
    kind: z.enum(ANTICIPATION_KINDS),
    /** The matched look-fors' weights, summed. */
    score: z.number(),
    threshold: z.number(),
    matched: z.boolean(),
    evidence: z.array(MatchEvidenceSchema),
  }),
);
export type AnticipationMatch = z.infer<typeof AnticipationMatchSchema>;

export const BoardMatchSchema = lazySchema(() =>
  z.object({
    /** One per anticipation, in the anticipations' order (matched or not: the score shows how close). */
    matches: z.array(AnticipationMatchSchema),
    /** Substantive work (numbers, math shapes) that fed no matched anticipation. */
    notAnticipated: z.array(MatchEvidenceSchema),
  }),
);
export type BoardMatch = z.infer<typeof BoardMatchSchema>;

export const VERDICTS = ['confirmed', 'rejected'] as const;
export const VerdictSchema = lazySchema(() => z.enum(VERDICTS));
export type Verdict = z.infer<typeof VerdictSchema>;

/** `PUT …/monitoring/:groupId/:anticipationId`: the teacher's one-click verdict on a match (null clears it). */
export const SetVerdictBodySchema = lazySchema(() =>
  z.object({ verdict: VerdictSchema.nullable() }).strict(),
);

/** The monitoring chart: groups × anticipations, with evidence, the teacher's verdicts and flags. */
export const MonitoringStateSchema = lazySchema(() =>
  z.object({
    classId: z.string(),
    anticipations: z.array(AnticipationSchema),
    groups: z.array(
      z.object({
        groupId: z.string(),
        name: z.string(),
        boardId: z.string(),
        matches: z.array(AnticipationMatchSchema.extend({ verdict: VerdictSchema.nullable() })),
        notAnticipated: z.array(MatchEvidenceSchema),
        /** Misconceptions matched and not rejected by the teacher. */
        flagged: z.array(AnticipationIdSchema),
        /** When the matcher last read this board (server time, ms). */
        updatedAt: z.number(),
      }),
    ),
  }),
);
export type MonitoringState = z.infer<typeof MonitoringStateSchema>;
export type GroupMonitoring = MonitoringState['groups'][number];
