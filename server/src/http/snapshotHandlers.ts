import type { SnapshotService } from '../snapshots/snapshotService.js';
import { ok } from '@conjecture/shared';
import { sent, type RouteHandlers } from './routeAdapter.js';

type SnapshotRoutes = 'takeSnapshot' | 'listSnapshots' | 'getSnapshot' | 'snapshotImage';

export function snapshotHandlers({
  snapshots,
}: {
  snapshots: SnapshotService;
}): Pick<RouteHandlers, SnapshotRoutes> {
  return {
    takeSnapshot: ({ caller, body }) => snapshots.take(caller.classId, body),
    listSnapshots: ({ caller }) => ok(snapshots.list(caller.principal)),
    getSnapshot: ({ caller, params }) => snapshots.get(caller.principal, params.snapshotId),
    snapshotImage: ({ caller, params, res }) => {
      const image = snapshots.image(caller.principal, params.snapshotId);
      if (!image.ok) return image;
      // Immutable, and only for this class's teacher and projector: cached privately, never by a proxy. The
      // SVG is ours (escaped text, no scripts); the policy keeps it inert even if opened on its own.
      res
        .type('image/svg+xml')
        .set({
          'Cache-Control': 'private, max-age=31536000, immutable',
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        })
        .send(image.value);
      return sent;
    },
  };
}
