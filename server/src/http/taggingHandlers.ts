import { fail, ok } from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { TaggingService } from '../tagging/taggingService.js';
import { sent, type RouteHandlers } from './routeAdapter.js';

type TaggingRoutes = 'classTags' | 'tagSummary' | 'tagCorrections' | 'correctTag' | 'boardTags';

export function taggingHandlers({
  tagging,
  rooms,
}: {
  tagging: TaggingService;
  rooms: BoardRooms;
}): Pick<RouteHandlers, TaggingRoutes> {
  return {
    classTags: ({ caller }) => ok(tagging.tagsOf(caller.classId)),
    tagSummary: ({ caller }) => ok(tagging.summary(caller.classId)),
    tagCorrections: ({ caller, res }) => {
      res
        .type('application/x-ndjson')
        .set('Content-Disposition', `attachment; filename="corrections-${caller.classId}.jsonl"`)
        .send(tagging.exportCorrections(caller.classId));
      return sent;
    },
    correctTag: ({ caller, params, body }) => tagging.correct(caller.classId, params.contributionId, body),
    // The chips on a board: anyone who may open the board sees its tags.
    boardTags: ({ params }) =>
      rooms.getBoard(params.boardId)
        ? ok(tagging.tagsOfBoard(params.boardId))
        : fail('not_found', 'no such board'),
  };
}
