import { z } from 'zod';
import { AnticipationSchema } from '../domain/anticipation/schema.js';
import { StoredPlanSchema } from '../domain/discussion/schema.js';
import { DiagnosticResponseSchema } from '../domain/diagnostics/profile.js';
import {
  ClassIdSchema,
  ContributionTagSchema,
  GroupIdSchema,
  QuestionSchema,
  StudentIdSchema,
} from './classroom.js';
import { BoardIdSchema } from './ids.js';
import { ReflectionSchema } from './reflections.js';
import { SnapshotSchema } from './snapshots.js';
import { lazySchema } from '../lazySchema.js';

/**
 * Everything the server holds about one class, as one JSON document the teacher downloads — before a
 * retention period deletes it, or to keep. Open and complete: boards as their current records and their full
 * authored update log (base64 Yjs updates), images as base64, and every store's rows for the class. The
 * teacher's and projector's secrets are never in it (only their hashes are stored, and those stay).
 */
export const CLASS_EXPORT_FORMAT = 'conjecture-class-export';

const Base64Schema = lazySchema(() => z.string());

export const ClassExportSchema = lazySchema(() =>
  z.object({
    format: z.literal(CLASS_EXPORT_FORMAT),
    version: z.literal(1),
    exportedAt: z.number(),
    class: z.object({
      classId: ClassIdSchema,
      title: z.string(),
      taskPrompt: z.string(),
      joinCode: z.string(),
      createdAt: z.number(),
      ended: z.boolean(),
      /** The teacher's template records (placed locked on every group board). */
      templateRecords: z.array(z.unknown()),
    }),
    students: z.array(
      z.object({
        studentId: StudentIdSchema,
        displayName: z.string(),
        groupId: GroupIdSchema.nullable(),
        joinedAt: z.number(),
      }),
    ),
    groups: z.array(
      z.object({ groupId: GroupIdSchema, name: z.string(), boardId: BoardIdSchema, createdAt: z.number() }),
    ),
    questions: z.array(QuestionSchema),
    tags: z.array(ContributionTagSchema),
    diagnostic: z.object({
      bank: z.unknown(),
      responses: z.array(DiagnosticResponseSchema.extend({ studentId: StudentIdSchema })),
    }),
    anticipations: z.array(AnticipationSchema),
    verdicts: z.array(
      z.object({
        groupId: GroupIdSchema,
        anticipationId: z.string(),
        verdict: z.string(),
        decidedAt: z.number(),
      }),
    ),
    snapshots: z.array(SnapshotSchema),
    // As stored: the questions' types are computed when the plan is read, not data.
    discussion: StoredPlanSchema,
    reflections: z.array(ReflectionSchema),
    boards: z.array(
      z.object({
        boardId: BoardIdSchema,
        title: z.string(),
        /** A group's board, or a student's private draft. */
        kind: z.enum(['group', 'draft']),
        /** The group's id, or the draft's student's id. */
        ownerId: z.string(),
        records: z.array(z.unknown()),
        log: z.array(z.object({ seq: z.number(), author: z.string(), at: z.number(), update: Base64Schema })),
      }),
    ),
    assets: z.array(
      z.object({
        assetId: z.string(),
        mimeType: z.string(),
        boardId: BoardIdSchema.nullable(),
        createdAt: z.number(),
        bytes: Base64Schema,
      }),
    ),
  }),
);
export type ClassExport = z.infer<typeof ClassExportSchema>;

// GET /api/classes/:classId/retention (teacher)
export const RetentionSchema = lazySchema(() =>
  z.object({
    /** The configured retention period (null: off — classes are kept until deleted). */
    retentionDays: z.number().int().positive().nullable(),
    /** The class's last activity: created, a student joined, a board changed, a question or answer. */
    lastActiveAt: z.number(),
    /** When the class and all its data will be deleted if nothing happens before (null: never). */
    deleteAfter: z.number().nullable(),
  }),
);
export type Retention = z.infer<typeof RetentionSchema>;
