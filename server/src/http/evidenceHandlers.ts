import { ok } from '@conjecture/shared';
import type { EvidenceService } from '../evidence/evidenceService.js';
import type { RouteHandlers } from './routeAdapter.js';

type EvidenceRoutes = 'participation' | 'groupReplay';

export function evidenceHandlers({
  evidence,
}: {
  evidence: EvidenceService;
}): Pick<RouteHandlers, EvidenceRoutes> {
  return {
    participation: ({ caller, query }) => ok(evidence.participation(caller.classId, query)),
    groupReplay: ({ caller, params }) => evidence.replay(caller.classId, params.groupId),
  };
}
