import { z } from 'zod';
import { SnapshotIdSchema, SnapshotSchema } from '../../protocol/snapshots.js';
import { PageRegionSchema } from '../../protocol/classroom.js';
import { BoardIdSchema } from '../../protocol/ids.js';
import { PlanLinkSchema } from './schema.js';
import { lazySchema } from '../../lazySchema.js';

/**
 * "Bring everyone to me": what the students' screens follow. `projector` follows whatever the projector shows
 * — the presented plan step, or the live boards it projects (the spotlight's region) — as it changes;
 * `presentation` follows the presented step only (and ends with the presentation); `snapshot` shows one
 * snapshot of the gallery.
 */
export const FollowTargetSchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('projector') }).strict(),
    z.object({ kind: z.literal('presentation') }).strict(),
    z.object({ kind: z.literal('snapshot'), snapshotId: SnapshotIdSchema }).strict(),
  ]),
);
export type FollowTarget = z.infer<typeof FollowTargetSchema>;

// PUT /classes/:classId/follow: bring everyone to the target; null releases them to their own boards.
export const SetFollowBodySchema = lazySchema(() =>
  z.object({ target: FollowTargetSchema.nullable() }).strict(),
);
export type SetFollowBody = z.infer<typeof SetFollowBodySchema>;

/**
 * What a following student's screen shows, as the projector reads it (group names anonymized when the class
 * is): the snapshots side by side, the links between their items and the step's question. `shown` is null
 * when nobody is following. Students read the snapshots only through this, and only while they are shown.
 */
export const FollowViewSchema = lazySchema(() =>
  z.object({
    classId: z.string(),
    target: FollowTargetSchema.nullable(),
    shown: z
      .object({
        /** "Step 2 of 4", or the snapshot's title. */
        caption: z.string(),
        question: z.string(),
        snapshots: z.array(SnapshotSchema),
        links: z.array(PlanLinkSchema),
        /**
         * Live group boards the projector shows (following `projector` while no plan is presented): a following
         * student may open these read-only (`mode=view`) for as long as they are shown, and no longer.
         */
        boards: z.array(
          z.object({ boardId: BoardIdSchema, caption: z.string(), region: PageRegionSchema.nullable() }),
        ),
      })
      .nullable(),
  }),
);
export type FollowView = z.infer<typeof FollowViewSchema>;
