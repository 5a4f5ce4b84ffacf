import { z } from 'zod';
import { writtenText } from '../../protocol/readableText.js';
import { SnapshotIdSchema } from '../../protocol/snapshots.js';
import { QuestionTypeSchema } from '../tagging/labels.js';
import { lazySchema } from '../../lazySchema.js';

/** At most this many steps in a plan: a whole-class discussion, not a slide deck. */
export const MAX_PLAN_STEPS = 12;
/** At most this many links in a plan. */
export const MAX_PLAN_LINKS = 24;
/** A step is shown with at most this many snapshots side by side (its own and the earlier ones it links to). */
export const MAX_SNAPSHOTS_SIDE_BY_SIDE = 3;

/** Smith and Stein's starter reasons for putting a piece of work at this point in the sequence. */
export const RATIONALE_CHOICES = ['accessible-first', 'misconception-first', 'build-to-general'] as const;
export const RationaleChoiceSchema = lazySchema(() => z.enum(RATIONALE_CHOICES));
export type RationaleChoice = z.infer<typeof RationaleChoiceSchema>;
export const RATIONALE_LABELS: Record<RationaleChoice, string> = {
  'accessible-first': 'Most accessible first',
  'misconception-first': 'The misconception first',
  'build-to-general': 'Build to the most general',
};

const StepIdSchema = lazySchema(() => z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a step id'));
const ShapeIdSchema = lazySchema(() => z.string().regex(/^shape:[\w-]{1,64}$/, 'not a shape id'));

export const PlanStepSchema = lazySchema(() =>
  z
    .object({
      stepId: StepIdSchema,
      snapshotId: SnapshotIdSchema,
      rationale: z
        .object({
          choice: RationaleChoiceSchema.nullable(),
          /** The teacher's own words; kept from the projector (it may name students). */
          text: writtenText().max(500),
        })
        .strict(),
      /** The purposeful question to ask at this step, shown on the projector with the snapshot. */
      question: writtenText().max(300),
    })
    .strict(),
);
export type PlanStep = z.infer<typeof PlanStepSchema>;

/** How two linked items are the same or related. */
export const LINK_KINDS = [
  'same-quantity',
  'same-relationship',
  'different-representation',
  'other',
] as const;
export const LinkKindSchema = lazySchema(() => z.enum(LINK_KINDS));
export type LinkKind = z.infer<typeof LinkKindSchema>;

export const ItemRefSchema = lazySchema(() =>
  z.object({ snapshotId: SnapshotIdSchema, shapeId: ShapeIdSchema }).strict(),
);
export type ItemRef = z.infer<typeof ItemRefSchema>;

export const PlanLinkSchema = lazySchema(() =>
  z
    .object({
      linkId: StepIdSchema,
      from: ItemRefSchema,
      to: ItemRefSchema,
      kind: LinkKindSchema,
      /** "different representation of …" completes it; "other" is all free text; otherwise optional. */
      text: writtenText().max(120),
    })
    .strict(),
);
export type PlanLink = z.infer<typeof PlanLinkSchema>;

/** What the teacher edits: the ordered steps and the links between items of their snapshots. */
export const PlanInputSchema = lazySchema(() =>
  z
    .object({
      steps: z.array(PlanStepSchema).max(MAX_PLAN_STEPS),
      links: z.array(PlanLinkSchema).max(MAX_PLAN_LINKS),
    })
    .strict(),
);
export type PlanInput = z.infer<typeof PlanInputSchema>;

/** The class's plan as stored, with the step the projector shows (null: not presenting). */
export const StoredPlanSchema = lazySchema(() =>
  PlanInputSchema.extend({
    classId: z.string(),
    presenting: z.number().int().min(0).nullable(),
    updatedAt: z.number(),
  }),
);
export type StoredPlan = z.infer<typeof StoredPlanSchema>;

/**
 * The plan as read, with each step's question typed by the tagger (the NCTM type a posed question of that
 * text gets), by step id: null for no question, a text that is not a question, or a type below the tagger's
 * trusted confidence. Computed when read, so it always matches the stored text.
 */
export const DiscussionPlanSchema = lazySchema(() =>
  StoredPlanSchema.extend({
    questionTypes: z.record(z.string(), QuestionTypeSchema.nullable()),
  }),
);
export type DiscussionPlan = z.infer<typeof DiscussionPlanSchema>;

// PUT /classes/:classId/discussion/presenting: which step the projector shows; null ends the presentation.
export const PresentStepBodySchema = lazySchema(() =>
  z.object({ step: z.number().int().min(0).nullable() }).strict(),
);
export type PresentStepBody = z.infer<typeof PresentStepBodySchema>;
