import { z } from 'zod';
import { BoardIdSchema } from './ids.js';
import { ClassIdSchema, StudentIdSchema } from './classroom.js';
import { lazySchema } from '../lazySchema.js';
import { writtenText } from './readableText.js';

/**
 * The end-of-lesson reflection (student reflection and ownership): the teacher opens it for the class, each
 * student answers four short prompts, and the answers are stored and tagged like any other contribution.
 */

/** How confident the student feels now, from "not yet" to "very". */
export const CONFIDENCE_LEVELS = ['not_yet', 'a_little', 'mostly', 'very'] as const;
export const ConfidenceSchema = lazySchema(() => z.enum(CONFIDENCE_LEVELS));
export type Confidence = z.infer<typeof ConfidenceSchema>;
export const CONFIDENCE_LABELS: Record<Confidence, string> = {
  not_yet: 'Not yet',
  a_little: 'A little',
  mostly: 'Mostly',
  very: 'Very',
};

/** The written prompts, in the order they are asked; each answer is tagged as its own contribution. */
export const REFLECTION_PROMPTS = [
  { field: 'worked', prompt: 'What worked for you today?' },
  { field: 'change', prompt: 'What would you change next time?' },
  { field: 'nextStep', prompt: 'What is your next step?' },
] as const;
export type ReflectionField = (typeof REFLECTION_PROMPTS)[number]['field'];

const AnswerTextSchema = lazySchema(() => writtenText().max(1000, 'keep each answer under 1,000 characters'));

// PUT /api/classes/:classId/reflections/mine (student)
export const ReflectionInputSchema = lazySchema(() =>
  z
    .object({
      worked: AnswerTextSchema.default(''),
      change: AnswerTextSchema.default(''),
      nextStep: AnswerTextSchema.default(''),
      confidence: ConfidenceSchema.nullable().default(null),
    })
    .strict()
    .refine((r) => r.worked || r.change || r.nextStep || r.confidence, {
      message: 'answer at least one question',
    }),
);
export type ReflectionInput = z.input<typeof ReflectionInputSchema>;

export const ReflectionSchema = lazySchema(() =>
  z.object({
    classId: ClassIdSchema,
    studentId: StudentIdSchema,
    worked: z.string(),
    change: z.string(),
    nextStep: z.string(),
    confidence: ConfidenceSchema.nullable(),
    createdAt: z.number(),
    updatedAt: z.number(),
  }),
);
export type Reflection = z.infer<typeof ReflectionSchema>;

// GET /api/classes/:classId/reflections (teacher): every student's reflection with the talk move of each answer.
export const TaggedReflectionSchema = lazySchema(() =>
  ReflectionSchema.extend({
    /** The tagger's move per written answer (absent: not written, or tagging is off). */
    moves: z.partialRecord(z.enum(['worked', 'change', 'nextStep']), z.string()),
  }),
);
export type TaggedReflection = z.infer<typeof TaggedReflectionSchema>;

/** One thing the student contributed, in their own words or as the server describes the item. */
export const OwnContributionSchema = lazySchema(() =>
  z.object({
    kind: z.enum(['board_item', 'critique_reply', 'answer', 'reflection']),
    /** The item's own text, or a description of it (e.g. "a table with 2 rows"). */
    text: z.string(),
    /** The board it is on (null: an answer or a reflection). */
    boardId: BoardIdSchema.nullable(),
    /** When it was written (the first time, for board items). */
    at: z.number().nullable(),
    /** The talk move it was tagged with, in words, when it was tagged. */
    move: z.string().nullable(),
  }),
);
export type OwnContribution = z.infer<typeof OwnContributionSchema>;

// GET /api/classes/:classId/my-work (student): what they need to look back on the lesson and take it away.
export const MyWorkSchema = lazySchema(() =>
  z.object({
    classTitle: z.string(),
    taskPrompt: z.string(),
    displayName: z.string(),
    groupName: z.string().nullable(),
    /** The encouraging summary of their diagnostic profile (null: no diagnostic, or not finished). */
    profileSummary: z.string().nullable(),
    contributions: z.array(OwnContributionSchema),
    reflection: ReflectionSchema.nullable(),
    reflectionOpen: z.boolean(),
  }),
);
export type MyWork = z.infer<typeof MyWorkSchema>;
