import { EventEmitter } from 'node:events';
import {
  fail,
  ok,
  planIssues,
  PlanInputSchema,
  type DiscussionPlan,
  type PlanInput,
  type QuestionType,
  type Result,
  type Role,
} from '@conjecture/shared';
import type { Principal } from '../classroom/classroomTypes.js';
import type { SnapshotStore } from '../snapshots/snapshotStore.js';
import type { PlanStore } from './planStore.js';

export interface DiscussionDeps {
  store: PlanStore;
  snapshots: SnapshotStore;
  /** The tagger's NCTM type for a question of this text (null: untyped, or tagging is off). */
  questionTypeOf: (text: string) => QuestionType | null;
  now: () => number;
}

interface DiscussionEvents {
  /** The plan or its presented step changed: each viewer reads it again with `planFor`. */
  changed: [classId: string];
}

/**
 * Sequence, connect, present (Smith and Stein): the teacher orders the lesson's snapshots into a plan, each
 * step with a rationale and a purposeful question, links items across snapshots, and walks the projector
 * through it. The plan is validated against the snapshots' records as the server holds them; the presented
 * step is server state, so every projector shows the same step, also after a reload.
 */
export class DiscussionService extends EventEmitter<DiscussionEvents> {
  constructor(private readonly deps: DiscussionDeps) {
    super();
  }

  planFor(classId: string, role: Role): DiscussionPlan {
    const stored = this.deps.store.get(classId);
    const questionTypes = Object.fromEntries(
      stored.steps.map((s) => [s.stepId, s.question ? this.deps.questionTypeOf(s.question) : null]),
    );
    const plan = { ...stored, questionTypes };
    if (role === 'teacher') return plan;
    // The rationale is the teacher's note (it may name students); the question is for the room.
    return { ...plan, steps: plan.steps.map((s) => ({ ...s, rationale: { ...s.rationale, text: '' } })) };
  }

  replace(classId: string, input: PlanInput): Result<DiscussionPlan> {
    const plan = PlanInputSchema.parse(input);
    const shapes = new Map<string, ReadonlySet<string> | undefined>();
    const shapesOf = (snapshotId: string) => {
      if (!shapes.has(snapshotId)) {
        const snapshot = this.deps.snapshots.get(classId, snapshotId);
        shapes.set(
          snapshotId,
          snapshot && new Set(snapshot.records.filter((r) => r.typeName === 'shape').map((r) => r.id)),
        );
      }
      return shapes.get(snapshotId);
    };
    const issues = planIssues(plan, shapesOf);
    if (issues.length > 0) return fail('bad_request', 'the plan does not hold together', issues);
    const { presenting } = this.deps.store.get(classId);
    // Presenting goes on at the same index, or the last step if steps were removed; no steps, no presentation.
    const kept =
      presenting === null || plan.steps.length === 0 ? null : Math.min(presenting, plan.steps.length - 1);
    this.deps.store.put(classId, plan, kept, this.deps.now());
    this.emit('changed', classId);
    return ok(this.planFor(classId, 'teacher'));
  }

  /**
   * Shows step `step` on the projector (null: back to the live projection). The projector may only move
   * between steps of a presentation the teacher started, never start or end one.
   */
  present(viewer: Principal, step: number | null): Result<DiscussionPlan> {
    const plan = this.deps.store.get(viewer.classId);
    if (viewer.role !== 'teacher' && (plan.presenting === null || step === null))
      return fail('forbidden', 'only the teacher starts or ends a presentation');
    if (step !== null && step >= plan.steps.length) return fail('bad_request', 'no such step in the plan');
    if (step !== plan.presenting) {
      this.deps.store.put(viewer.classId, plan, step, this.deps.now());
      this.emit('changed', viewer.classId);
    }
    return ok(this.planFor(viewer.classId, viewer.role));
  }
}
