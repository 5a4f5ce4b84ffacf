import express from 'express';
import type { Router } from 'express';
import { BoardIdSchema, CorrectTagBodySchema } from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { TaggingService } from '../tagging/taggingService.js';
import { authorizeClass, refusalReason, requestPrincipal } from './auth.js';
import { parseOr400, sendError } from './validate.js';

export function taggingRoutes({
  classroom,
  tagging,
}: {
  classroom: ClassroomService;
  tagging: TaggingService;
}): Router {
  const router = express.Router();

  /** The class in the path, if the caller is its teacher. */
  const teacherOf = (
    req: express.Request,
    res: express.Response,
    capability: 'tags.viewAll' | 'tags.correct',
  ) => authorizeClass(classroom, req, res, capability)?.classId;

  router.get('/classes/:classId/tags', (req, res) => {
    const classId = teacherOf(req, res, 'tags.viewAll');
    if (classId) res.json(tagging.tagsOf(classId));
  });

  router.get('/classes/:classId/tags/summary', (req, res) => {
    const classId = teacherOf(req, res, 'tags.viewAll');
    if (classId) res.json(tagging.summary(classId));
  });

  router.get('/classes/:classId/tags/corrections.jsonl', (req, res) => {
    const classId = teacherOf(req, res, 'tags.viewAll');
    if (!classId) return;
    res
      .type('application/x-ndjson')
      .set('Content-Disposition', `attachment; filename="corrections-${classId}.jsonl"`);
    res.send(tagging.exportCorrections(classId));
  });

  router.put('/classes/:classId/tags/:contributionId', express.json({ limit: '8kb' }), (req, res) => {
    const body = parseOr400(res, CorrectTagBodySchema, req.body, 'correction');
    if (!body) return;
    const classId = teacherOf(req, res, 'tags.correct');
    if (!classId) return;
    const result = tagging.correct(classId, String(req.params.contributionId), body.move, body.questionType);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.json(result.value);
  });

  // The chips on a board: anyone who may open the board sees its tags.
  router.get('/boards/:boardId/tags', (req, res) => {
    const boardId = BoardIdSchema.safeParse(req.params.boardId);
    const classId = boardId.success ? classroom.classOfBoard(boardId.data) : undefined;
    if (!boardId.success || !classId) return sendError(res, 'not_found', 'no such class board');
    const principal = requestPrincipal(classroom, req, classId);
    const access = principal ? classroom.boardAccess(principal, boardId.data, true) : null;
    if (!access?.ok)
      return sendError(
        res,
        principal ? 'forbidden' : 'unauthorized',
        access?.reason ?? refusalReason(classroom, req, classId),
      );
    res.json(tagging.tagsOfBoard(boardId.data));
  });

  return router;
}
