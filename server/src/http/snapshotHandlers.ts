import type { SnapshotService } from '../snapshots/snapshotService.js';
import { ok } from '@conjecture/shared';
import type { RouteHandlers } from './routeAdapter.js';

type SnapshotRoutes = 'takeSnapshot' | 'listSnapshots' | 'getSnapshot';

export function snapshotHandlers({
  snapshots,
}: {
  snapshots: SnapshotService;
}): Pick<RouteHandlers, SnapshotRoutes> {
  return {
    takeSnapshot: ({ caller, body }) => snapshots.take(caller.classId, body),
    listSnapshots: ({ caller }) => ok(snapshots.list(caller.principal)),
    getSnapshot: ({ caller, params }) => snapshots.get(caller.principal, params.snapshotId),
  };
}
