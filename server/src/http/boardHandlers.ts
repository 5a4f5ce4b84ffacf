import { fail, ok, PROTOCOL_VERSION } from '@conjecture/shared';
import type { RepresentationType } from '@conjecture/shared/board/index';
import { representationType } from '@conjecture/shared/board/index';
import { recordAuthorship } from '../boards/authorship.js';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { HourlyBudget } from './hourlyBudget.js';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { Config } from '../config.js';
import type { Logger } from '../util/logger.js';
import type { RouteHandlers } from './routeAdapter.js';

type BoardRoutes = 'health' | 'config' | 'createBoard' | 'getBoard' | 'boardAuthorship' | 'representations';

/**
 * The server itself and its boards, including what the server knows about a board's items that no client
 * can forge: who wrote each shape (from the per-update authorship log) and what kind of representation it is.
 */
export function boardHandlers({
  config,
  rooms,
  classroom,
  log,
  boardCreation,
}: {
  config: Config;
  rooms: BoardRooms;
  classroom: ClassroomService;
  log: Logger;
  /** Boards outside any class per client address (MAX_BOARDS_PER_HOUR): each is kept, and needs no account. */
  boardCreation: HourlyBudget;
}): Pick<RouteHandlers, BoardRoutes> {
  return {
    health: () => ok({ ok: true as const }),
    config: () =>
      ok({
        protocolVersion: PROTOCOL_VERSION,
        tldrawLicenseKey: config.TLDRAW_LICENSE_KEY ?? null,
        maxUpdateBytes: config.MAX_UPDATE_BYTES,
        maxAssetBytes: config.MAX_ASSET_BYTES,
      }),
    createBoard: ({ body, req, res }) => {
      const refused = boardCreation.refusal(req, res);
      if (refused) return refused;
      const board = rooms.createBoard(body.title ?? 'Untitled board');
      log.info('board created', { boardId: board.boardId });
      return ok(board);
    },
    getBoard: ({ params }) => {
      const board = rooms.getBoard(params.boardId);
      return board ? ok(board) : fail('not_found', 'no such board');
    },
    boardAuthorship: ({ params }) => {
      if (!rooms.getBoard(params.boardId)) return fail('not_found', 'no such board');
      const all = recordAuthorship(rooms.store, params.boardId);
      return ok(
        Object.fromEntries(
          [...all]
            .filter(([key]) => key.startsWith('shape:'))
            .map(([key, { creator, authors }]) => [key, { creator, authors }]),
        ),
      );
    },
    // Per group board, how many items of each representation type.
    representations: ({ caller }) => {
      const groups = classroom.classState(caller.classId)?.groups ?? [];
      return ok(
        groups.map((g) =>
          rooms.transact(g.boardId, (room) => {
            const counts: Partial<Record<RepresentationType, number>> = {};
            for (const key of room.records.keys()) {
              const kind = representationType(room.records.get(key));
              if (kind) counts[kind.type] = (counts[kind.type] ?? 0) + 1;
            }
            return { groupId: g.groupId, counts };
          }),
        ),
      );
    },
  };
}
