import { EventEmitter } from 'node:events';
import {
  fail,
  ok,
  stepView,
  type FollowTarget,
  type FollowView,
  type PageRegion,
  type Result,
  type Snapshot,
} from '@conjecture/shared';
import type { SnapshotService } from '../snapshots/snapshotService.js';
import type { DiscussionService } from './discussionService.js';
import type { PlanStore } from './planStore.js';

type Shown = NonNullable<FollowView['shown']>;

/** The live boards the projector shows, with names as the projector sees them. */
export interface ProjectedBoards {
  boardIds: readonly string[];
  spotlight: { boardId: string; region: PageRegion } | null;
  groupNames: Readonly<Record<string, string>>;
}

export interface FollowDeps {
  store: PlanStore;
  discussion: DiscussionService;
  snapshots: SnapshotService;
  /** What the class's projector shows of the live boards (undefined: no such class). */
  projectionOf: (classId: string) => ProjectedBoards | undefined;
}

interface FollowEvents {
  /** What following students are shown changed: each reads it again with `view`. */
  changed: [classId: string];
}

/**
 * "Bring everyone to me": the teacher puts every student's screen on what the projector shows (a presented
 * plan step, or live boards), on the presented step only, or on a snapshot, and releases them. Only what
 * students are shown changes: their boards are never written, so releasing them is just showing their own
 * board again. The target is stored, so a student who reconnects (or a restarted server) shows the same thing.
 */
export class FollowService extends EventEmitter<FollowEvents> {
  constructor(private readonly deps: FollowDeps) {
    super();
    // The presented step moves (followers move with it); the presentation ends (its followers are released).
    deps.discussion.on('changed', (classId) => {
      const target = deps.store.follow(classId);
      if (target?.kind === 'presentation' && deps.discussion.planFor(classId, 'teacher').presenting === null)
        deps.store.setFollow(classId, null);
      if (target?.kind === 'presentation' || target?.kind === 'projector') this.emit('changed', classId);
    });
  }

  /** The projector's boards or spotlight changed: those following the projector see the new ones. */
  projectionChanged(classId: string): void {
    if (this.deps.store.follow(classId)?.kind === 'projector') this.emit('changed', classId);
  }

  set(classId: string, target: FollowTarget | null): Result<FollowView> {
    if (target?.kind === 'presentation' && this.presenting(classId) === null)
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
    return { classId, target, shown: target ? (this.shown(classId, target) ?? null) : null };
  }

  /** The live boards a following student may open read-only now (none but while following live boards). */
  followedBoards(classId: string): ReadonlySet<string> {
    return new Set(this.view(classId).shown?.boards.map((b) => b.boardId));
  }

  private shown(classId: string, target: FollowTarget): Shown | undefined {
    const empty = { question: '', snapshots: [], links: [], boards: [] };
    if (target.kind === 'snapshot') {
      const snapshot = this.snapshot(classId, target.snapshotId);
      return snapshot && { ...empty, caption: snapshot.title, snapshots: [snapshot] };
    }
    if (target.kind === 'presentation' || this.presenting(classId) !== null) return this.step(classId);
    const projection = this.deps.projectionOf(classId);
    if (!projection) return undefined;
    const { spotlight, groupNames } = projection;
    const boards = spotlight
      ? [
          {
            boardId: spotlight.boardId,
            caption: groupNames[spotlight.boardId] ?? '',
            region: spotlight.region,
          },
        ]
      : projection.boardIds.map((boardId) => ({ boardId, caption: groupNames[boardId] ?? '', region: null }));
    if (boards.length === 0) return undefined;
    return { ...empty, caption: boards.map((b) => b.caption).join(' · '), boards };
  }

  private step(classId: string): Shown | undefined {
    const plan = this.deps.discussion.planFor(classId, 'projector');
    const step = plan.presenting === null ? undefined : stepView(plan, plan.presenting);
    if (!step) return undefined;
    const snapshots = step.snapshotIds.map((id) => this.snapshot(classId, id));
    if (snapshots.some((s) => !s)) return undefined;
    return {
      caption: `Step ${step.index + 1} of ${plan.steps.length}`,
      question: step.step.question,
      snapshots: snapshots as Snapshot[],
      links: step.links,
      boards: [],
    };
  }

  private presenting(classId: string): number | null {
    return this.deps.discussion.planFor(classId, 'teacher').presenting;
  }

  private snapshot(classId: string, snapshotId: string): Snapshot | undefined {
    const found = this.deps.snapshots.get(
      { role: 'projector', classId, sessionId: '', studentId: null },
      snapshotId,
    );
    return found.ok ? found.value : undefined;
  }
}
