import { ok } from '@conjecture/shared';
import type { BoardRestore } from '../evidence/boardRestore.js';
import type { EvidenceService } from '../evidence/evidenceService.js';
import type { RouteHandlers } from './routeAdapter.js';

type EvidenceRoutes = 'participation' | 'groupReplay' | 'restoreGroupBoard';

export function evidenceHandlers({
  evidence,
  boardRestore,
}: {
  evidence: EvidenceService;
  boardRestore: BoardRestore;
}): Pick<RouteHandlers, EvidenceRoutes> {
  return {
    participation: ({ caller, query }) => ok(evidence.participation(caller.classId, query)),
    groupReplay: ({ caller, params }) => evidence.replay(caller.classId, params.groupId),
    restoreGroupBoard: ({ caller, params, body }) =>
      boardRestore.restore(caller.classId, params.groupId, body.position),
  };
}
