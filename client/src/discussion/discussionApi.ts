import type {
  DiscussionPlan,
  FollowTarget,
  FollowView,
  PageRegion,
  PlanInput,
  Snapshot,
  SnapshotSummary,
} from '@conjecture/shared';
import { newAttemptId } from '../api/attemptId.js';
import { api, apiFor, type ClassAuth } from '../api/http.js';

const clientOf = (auth: ClassAuth) => ('token' in auth ? apiFor(auth) : api);

const snapshotTaken = new Set<(classId: string) => void>();
/** Galleries hear of a snapshot taken elsewhere on the page (an opened board, a group's card). */
export function onSnapshotTaken(listener: (classId: string) => void): () => void {
  snapshotTaken.add(listener);
  return () => snapshotTaken.delete(listener);
}

export async function takeSnapshot(
  classId: string,
  groupId: string,
  region: PageRegion | null,
  title?: string,
): Promise<Snapshot> {
  const snapshot = await api.takeSnapshot({
    params: { classId },
    // One call, one snapshot: the same request sent again answers the snapshot it took.
    body: { groupId, region, ...(title ? { title } : {}), attemptId: newAttemptId() },
  });
  for (const listener of snapshotTaken) listener(classId);
  return snapshot;
}

export const listSnapshots = (classId: string, auth: ClassAuth): Promise<SnapshotSummary[]> =>
  clientOf(auth).listSnapshots({ params: { classId } });

// Snapshots never change: one fetch per viewer and snapshot serves the page for its lifetime.
const snapshots = new Map<string, Promise<Snapshot>>();
export function getSnapshot(classId: string, snapshotId: string, auth: ClassAuth): Promise<Snapshot> {
  const key = `${'token' in auth ? auth.token : 'teacher'}:${snapshotId}`;
  let found = snapshots.get(key);
  if (!found) {
    found = clientOf(auth).getSnapshot({ params: { classId, snapshotId } });
    found.catch(() => snapshots.delete(key));
    snapshots.set(key, found);
  }
  return found;
}

export const getPlan = (classId: string, auth: ClassAuth): Promise<DiscussionPlan> =>
  clientOf(auth).getDiscussionPlan({ params: { classId } });

export const putPlan = (classId: string, plan: PlanInput): Promise<DiscussionPlan> =>
  api.putDiscussionPlan({ params: { classId }, body: plan });

export const presentStep = (classId: string, step: number | null, auth: ClassAuth): Promise<DiscussionPlan> =>
  clientOf(auth).presentDiscussionStep({ params: { classId }, body: { step } });

/** What following students are shown ("bring everyone to me"): the students' own read, on every (re)connect. */
export const getFollow = (classId: string, auth: ClassAuth): Promise<FollowView> =>
  clientOf(auth).getFollow({ params: { classId } });

export const setFollow = (classId: string, target: FollowTarget | null): Promise<FollowView> =>
  api.setFollow({ params: { classId }, body: { target } });
