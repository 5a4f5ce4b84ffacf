import { z } from 'zod';
import { SnapshotIdSchema, SnapshotSchema } from '../../protocol/snapshots.js';
import { PlanLinkSchema } from './schema.js';

/**
 * "Bring everyone to me": what the students' screens follow. `presentation` follows the projector's presented
 * plan step as it moves (and ends with the presentation); `snapshot` shows one snapshot of the gallery.
 */
export const FollowTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('presentation') }).strict(),
  z.object({ kind: z.literal('snapshot'), snapshotId: SnapshotIdSchema }).strict(),
]);
export type FollowTarget = z.infer<typeof FollowTargetSchema>;

// PUT /classes/:classId/follow: bring everyone to the target; null releases them to their own boards.
export const SetFollowBodySchema = z.object({ target: FollowTargetSchema.nullable() }).strict();
export type SetFollowBody = z.infer<typeof SetFollowBodySchema>;

/**
 * What a following student's screen shows, as the projector reads it (group names anonymized when the class
 * is): the snapshots side by side, the links between their items and the step's question. `shown` is null
 * when nobody is following. Students read the snapshots only through this, and only while they are shown.
 */
export const FollowViewSchema = z.object({
  classId: z.string(),
  target: FollowTargetSchema.nullable(),
  shown: z
    .object({
      /** "Step 2 of 4", or the snapshot's title. */
      caption: z.string(),
      question: z.string(),
      snapshots: z.array(SnapshotSchema),
      links: z.array(PlanLinkSchema),
    })
    .nullable(),
});
export type FollowView = z.infer<typeof FollowViewSchema>;
