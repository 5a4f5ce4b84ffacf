import { z } from 'zod';
import { writtenText } from './readableText.js';
import { GroupIdSchema, PageRegionSchema } from './classroom.js';
import { AttemptIdSchema, BoardIdSchema } from './ids.js';
import { lazySchema } from '../lazySchema.js';

export const SnapshotIdSchema = lazySchema(() =>
  z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a snapshot id'),
);

// POST /api/classes/:classId/snapshots (teacher): a group's board, or the part of it inside `region`, now.
export const TakeSnapshotBodySchema = lazySchema(() =>
  z
    .object({
      groupId: GroupIdSchema,
      region: PageRegionSchema.nullable().default(null),
      /** The teacher's caption ("unit rate in a table"); the group's name when absent. */
      title: writtenText().max(80).optional(),
      /** The click's: the same request sent again answers the snapshot it took (see AttemptIdSchema). */
      attemptId: AttemptIdSchema.optional(),
    })
    .strict(),
);
export type TakeSnapshotBody = z.input<typeof TakeSnapshotBodySchema>;

/** A snapshot in the lesson's gallery, without its records. */
export const SnapshotSummarySchema = lazySchema(() =>
  z.object({
    snapshotId: SnapshotIdSchema,
    groupId: GroupIdSchema,
    /** The group's name when it was taken, or a neutral label for a viewer who sees the class anonymized. */
    groupName: z.string(),
    boardId: BoardIdSchema,
    title: z.string(),
    region: PageRegionSchema.nullable(),
    shapeCount: z.number().int(),
    takenAt: z.number(),
  }),
);
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;

/**
 * A snapshot with its records: the shapes (with their bindings and the assets they show) as the server held
 * them at that moment. Immutable: later edits to the board never reach it.
 */
export const SnapshotSchema = lazySchema(() =>
  SnapshotSummarySchema.extend({
    records: z.array(z.looseObject({ id: z.string(), typeName: z.string() })),
  }),
);
export type Snapshot = z.infer<typeof SnapshotSchema>;
