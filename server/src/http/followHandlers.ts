import { ok } from '@conjecture/shared';
import type { FollowService } from '../discussion/followService.js';
import type { RouteHandlers } from './routeAdapter.js';

type FollowRoutes = 'getFollow' | 'setFollow';

export function followHandlers({ follow }: { follow: FollowService }): Pick<RouteHandlers, FollowRoutes> {
  return {
    getFollow: ({ caller }) => ok(follow.view(caller.classId)),
    setFollow: ({ caller, body }) => follow.set(caller.classId, body.target),
  };
}
