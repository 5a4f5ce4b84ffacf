import { ok } from '@conjecture/shared';
import type { DiscussionService } from '../discussion/discussionService.js';
import type { RouteHandlers } from './routeAdapter.js';

type DiscussionRoutes = 'getDiscussionPlan' | 'putDiscussionPlan' | 'presentDiscussionStep';

export function discussionHandlers({
  discussion,
}: {
  discussion: DiscussionService;
}): Pick<RouteHandlers, DiscussionRoutes> {
  return {
    getDiscussionPlan: ({ caller }) => ok(discussion.planFor(caller.classId, caller.principal.role)),
    putDiscussionPlan: ({ caller, body }) => discussion.replace(caller.classId, body),
    presentDiscussionStep: ({ caller, body }) => discussion.present(caller.principal, body.step),
  };
}
