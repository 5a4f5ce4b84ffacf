import express from 'express';
import type { Request, Response, Router } from 'express';
import type { RepresentationType } from '@conjecture/shared/board/index';
import { representationType } from '@conjecture/shared/board/index';
import { BoardIdSchema } from '@conjecture/shared';
import { recordAuthorship } from '../boards/authorship.js';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { ClassroomService } from '../classroom/classroomService.js';
import { authorizeClass, refusalReason, requestPrincipal } from './auth.js';
import { sendError } from './validate.js';

/**
 * What the server knows about a board's items that no client can forge: who wrote each shape (from the
 * per-update authorship log) and what kind of representation it is.
 */
export function boardInsightRoutes({
  rooms,
  classroom,
}: {
  rooms: BoardRooms;
  classroom: ClassroomService;
}): Router {
  const router = express.Router();

  /** A class board opens to those who may open it; a board outside any class to anyone with its id. */
  const readable = (req: Request, res: Response): string | undefined => {
    const boardId = BoardIdSchema.safeParse(req.params.boardId);
    if (!boardId.success || !rooms.getBoard(boardId.data))
      return void sendError(res, 'not_found', 'no such board');
    const classId = classroom.classOfBoard(boardId.data);
    if (!classId) return boardId.data;
    const principal = requestPrincipal(classroom, req, classId);
    const access = principal ? classroom.boardAccess(principal, boardId.data, true) : null;
    if (!access?.ok) {
      return void sendError(
        res,
        principal ? 'forbidden' : 'unauthorized',
        access?.reason ?? refusalReason(classroom, req, classId),
      );
    }
    return boardId.data;
  };

  // GET /api/boards/:boardId/authorship → { [shapeId]: { creator, authors } }
  router.get('/boards/:boardId/authorship', (req, res) => {
    const boardId = readable(req, res);
    if (!boardId) return;
    const all = recordAuthorship(rooms.store, boardId);
    res.json(Object.fromEntries([...all].filter(([key]) => key.startsWith('shape:'))));
  });

  // GET /api/classes/:classId/representations → per group board, how many items of each representation type
  router.get('/classes/:classId/representations', (req, res) => {
    const allowed = authorizeClass(classroom, req, res, 'roster.view');
    if (!allowed) return;
    const state = classroom.classState(allowed.classId);
    const result = (state?.groups ?? []).map((g) => {
      const room = rooms.hold(g.boardId);
      try {
        const counts: Partial<Record<RepresentationType, number>> = {};
        for (const key of room.records.keys()) {
          const kind = representationType(room.records.get(key));
          if (kind) counts[kind.type] = (counts[kind.type] ?? 0) + 1;
        }
        return { groupId: g.groupId, counts };
      } finally {
        rooms.release(g.boardId);
      }
    });
    res.json(result);
  });

  return router;
}
