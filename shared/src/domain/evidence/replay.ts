import { z } from 'zod';
import { lazySchema } from '../../lazySchema.js';

/**
 * Replay of a group's board from the server's update log. The server turns each stored update into the
 * records it changed (`ReplayStep`); the client rebuilds the board at any position from those steps with
 * `ReplayTimeline`, which keeps a checkpoint every few steps so a jump anywhere applies a handful of steps,
 * not the whole lesson. Position `p` is the board after the first `p` stored updates (0: before any).
 */

export const ReplayRecordSchema = lazySchema(() => z.looseObject({ id: z.string(), typeName: z.string() }));
export type ReplayRecord = z.infer<typeof ReplayRecordSchema>;

/** One stored update, as the records it changed: written (whole) and removed (by id). */
export const ReplayStepSchema = lazySchema(() =>
  z.object({
    seq: z.number().int(),
    at: z.number(),
    /** The authenticated author the server stored with the update (`server` for its own writes). */
    author: z.string(),
    put: z.array(ReplayRecordSchema),
    removed: z.array(z.string()),
  }),
);
export type ReplayStep = z.infer<typeof ReplayStepSchema>;

export const TIMELINE_KINDS = ['tag', 'critique', 'question', 'answer'] as const;
/** A moment of the group's discourse: a tagged board text, a critique reply, a posed question, an answer. */
export const TimelineEntrySchema = lazySchema(() =>
  z.object({
    kind: z.enum(TIMELINE_KINDS),
    at: z.number(),
    /** A student id, `teacher`, or null when nobody in particular. */
    author: z.string().nullable(),
    text: z.string(),
    /** The talk move (a teacher's correction wins), when the contribution was tagged. */
    move: z.string().nullable(),
    /** The NCTM question type (a teacher's correction wins); null for no question, or one typed below trust. */
    questionType: z.string().nullable(),
    /** A question, typed or not: with `questionType` null, one the tagger was not sure enough to type. */
    question: z.boolean(),
    /** The teacher corrected the tag: `move`, `questionType` and `question` are hers, not the tagger's. */
    corrected: z.boolean(),
    /** The board item it is about, when there is one. */
    shapeId: z.string().nullable(),
  }),
);
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** GET /api/classes/:classId/groups/:groupId/replay. */
export const BoardReplaySchema = lazySchema(() =>
  z.object({
    groupId: z.string(),
    boardId: z.string(),
    steps: z.array(ReplayStepSchema),
    /** Oldest first. */
    timeline: z.array(TimelineEntrySchema),
  }),
);
export type BoardReplay = z.infer<typeof BoardReplaySchema>;

/** POST /api/classes/:classId/groups/:groupId/restore: the board as it was at a position of its replay. */
export const RestoreBoardBodySchema = lazySchema(() =>
  z.object({ position: z.number().int().nonnegative() }).strict(),
);
export type RestoreBoardBody = z.infer<typeof RestoreBoardBodySchema>;

export const RestoreBoardResultSchema = lazySchema(() =>
  z.object({
    /** Records written back as they were (deleted since, or changed since). */
    restored: z.number().int().nonnegative(),
    /** Records added since, taken off the board (they stay in the replay). */
    removed: z.number().int().nonnegative(),
    /**
     * Records left as they are: the server's own (task card, template, question cards, critique threads),
     * users' presence records, and any the board would no longer accept.
     */
    kept: z.number().int().nonnegative(),
  }),
);
export type RestoreBoardResult = z.infer<typeof RestoreBoardResultSchema>;

export type ReplayState = ReadonlyMap<string, ReplayRecord>;

/** A checkpoint every this many steps: a jump applies at most this many steps' changes. */
export const REPLAY_CHECKPOINT_EVERY = 64;

export class ReplayTimeline {
  private readonly checkpoints: ReplayState[] = [];

  constructor(
    readonly steps: readonly ReplayStep[],
    private readonly every = REPLAY_CHECKPOINT_EVERY,
  ) {
    const state = new Map<string, ReplayRecord>();
    this.checkpoints.push(new Map(state));
    steps.forEach((step, i) => {
      applyStep(state, step);
      if ((i + 1) % every === 0) this.checkpoints.push(new Map(state));
    });
  }

  /** The last position: every step applied (the board as the server holds it). */
  get end(): number {
    return this.steps.length;
  }

  /**
   * The records after the first `position` steps. Records are shared between positions (never copied), so
   * a renderer can tell what changed between two positions by identity.
   */
  recordsAt(position: number): ReplayState {
    const p = Math.max(0, Math.min(this.end, Math.floor(position)));
    const base = Math.floor(p / this.every);
    const checkpoint = this.checkpoints[base] as ReplayState;
    if (base * this.every === p) return checkpoint;
    const state = new Map(checkpoint);
    for (let i = base * this.every; i < p; i++) applyStep(state, this.steps[i] as ReplayStep);
    return state;
  }

  /** The time of a position: when its last step was stored (the first step's time at 0). */
  timeAt(position: number): number | null {
    const step = this.steps[Math.max(0, Math.min(this.end, position) - 1)];
    return step?.at ?? null;
  }

  /** The position showing the board as it was at `at`: every step stored at or before it. */
  positionAt(at: number): number {
    let lo = 0;
    let hi = this.steps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.steps[mid] as ReplayStep).at <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function applyStep(state: Map<string, ReplayRecord>, step: ReplayStep): void {
  for (const id of step.removed) state.delete(id);
  for (const record of step.put) state.set(record.id, record);
}

/** What turns the `from` records into the `to` records: records to write and ids to remove. */
export function diffRecords(from: ReplayState, to: ReplayState): { put: ReplayRecord[]; removed: string[] } {
  const put: ReplayRecord[] = [];
  const removed: string[] = [];
  for (const [id, record] of to) if (from.get(id) !== record) put.push(record);
  for (const id of from.keys()) if (!to.has(id)) removed.push(id);
  return { put, removed };
}

/** The replay speeds the scrubber offers, in steps per tick multipliers. */
export const REPLAY_SPEEDS = [1, 2, 4, 8] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];
