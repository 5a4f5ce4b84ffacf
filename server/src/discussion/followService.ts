import { EventEmitter } from 'node:events';
import {
  fail,
  ok,
  stepView,
  type FollowTarget,
  type FollowView,
  type Result,
  type Snapshot,
} from '@conjecture/shared';
import type { SnapshotService } from '../snapshots/snapshotService.js';
import type { DiscussionService } from './discussionService.js';
import type { PlanStore } from './planStore.js';

export interface FollowDeps {
  store: PlanStore;
  discussion: DiscussionService;
  snapshots: SnapshotService;
}

interface FollowEvents {
  /** What following students are shown changed: each reads it again with `view`. */
  changed: [classId: string];
}

/**
 * "Bring everyone to me": the teacher puts every student's screen on the presented plan step (which it then
 * follows) or on a snapshot, and releases them. Only what students are shown changes: their boards are never
 * written, so releasing them is just showing their own board again. The target is stored, so a student who
 * reconnects (or a restarted server) shows the same thing.
 */
export class FollowService extends EventEmitter<FollowEvents> {
  constructor(private readonly deps: FollowDeps) {
    super();
    // The presented step moves (followers move with it); the presentation ends (they are released).
    deps.discussion.on('changed', (classId) => {
      const target = deps.store.follow(classId);
      if (target?.kind !== 'presentation') return;
      if (deps.discussion.planFor(classId, 'teacher').presenting === null)
        deps.store.setFollow(classId, null);
      this.emit('changed', classId);
    });
  }

  set(classId: string, target: FollowTarget | null): Result<FollowView> {
    if (
      target?.kind === 'presentation' &&
      this.deps.discussion.planFor(classId, 'teacher').presenting === null
    )
      return fail('bad_request', 'present a step of the plan first');
    if (target?.kind === 'snapshot' && !this.snapshot(classId, target.snapshotId))
      return fail('not_found', 'no such snapshot');
    this.deps.store.setFollow(classId, target);
    this.emit('changed', classId);
    return ok(this.view(classId));
  }

  /** What students see, read as the projector reads it: no rationale notes, names anonymized as the class is. */
  view(classId: string): FollowView {
    const target = this.deps.store.follow(classId);
    const none: FollowView = { classId, target: null, shown: null };
    if (!target) return none;
    if (target.kind === 'snapshot') {
      const snapshot = this.snapshot(classId, target.snapshotId);
      if (!snapshot) return none;
      return {
        classId,
        target,
        shown: { caption: snapshot.title, question: '', snapshots: [snapshot], links: [] },
      };
    }
    const plan = this.deps.discussion.planFor(classId, 'projector');
    const step = plan.presenting === null ? undefined : stepView(plan, plan.presenting);
    if (!step) return none;
    const snapshots = step.snapshotIds.map((id) => this.snapshot(classId, id));
    if (snapshots.some((s) => !s)) return none;
    return {
      classId,
      target,
      shown: {
        caption: `Step ${step.index + 1} of ${plan.steps.length}`,
        question: step.step.question,
        snapshots: snapshots as Snapshot[],
        links: step.links,
      },
    };
  }

  private snapshot(classId: string, snapshotId: string): Snapshot | undefined {
    const found = this.deps.snapshots.get(
      { role: 'projector', classId, sessionId: '', studentId: null },
      snapshotId,
    );
    return found.ok ? found.value : undefined;
  }
}
