import express from 'express';
import type { Request, Response, Router } from 'express';
import type { Capability } from '@conjecture/shared';
import {
  AnswerItemBodySchema,
  GroupingPreviewBodySchema,
  PublishGroupsBodySchema,
  ScoreGroupsBodySchema,
  SetDiagnosticBodySchema,
} from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { DiagnosticService } from '../diagnostics/diagnosticService.js';
import { authorizeClass } from './auth.js';
import { parseOr400, sendError } from './validate.js';

export function diagnosticRoutes({
  classroom,
  diagnostics,
}: {
  classroom: ClassroomService;
  diagnostics: DiagnosticService;
}): Router {
  const router = express.Router();
  const json = express.json({ limit: '512kb' });

  const authorize = (req: Request, res: Response, capability: Capability) =>
    authorizeClass(classroom, req, res, capability);

  router.put('/classes/:classId/diagnostic', json, (req, res) => {
    const body = parseOr400(res, SetDiagnosticBodySchema, req.body, 'diagnostic choice');
    const auth = body && authorize(req, res, 'diagnostic.manage');
    if (!body || !auth) return;
    const result = diagnostics.setBank(auth.classId, body.bank);
    if (!result.ok) return sendError(res, result.error.code, result.error.message, result.error.issues);
    res.json(result.value);
  });

  router.get('/classes/:classId/diagnostic', (req, res) => {
    const auth = authorize(req, res, 'diagnostic.take');
    if (auth) res.json(diagnostics.forStudent(auth.classId, auth.principal.studentId as string));
  });

  router.put('/classes/:classId/diagnostic/responses', json, (req, res) => {
    const body = parseOr400(res, AnswerItemBodySchema, req.body, 'answer');
    const auth = body && authorize(req, res, 'diagnostic.take');
    if (!body || !auth) return;
    const result = diagnostics.answer(auth.classId, auth.principal.studentId as string, body);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.json(result.value);
  });

  router.get('/classes/:classId/diagnostic/profiles', (req, res) => {
    const auth = authorize(req, res, 'diagnostic.manage');
    if (auth) res.json(diagnostics.classTable(auth.classId));
  });

  router.post('/classes/:classId/grouping/preview', json, (req, res) => {
    const body = parseOr400(res, GroupingPreviewBodySchema, req.body ?? {}, 'grouping request');
    const auth = body && authorize(req, res, 'diagnostic.manage');
    if (!body || !auth) return;
    const result = diagnostics.preview(auth.classId, body);
    if (!result.ok) return sendError(res, result.error.code, result.error.message, result.error.issues);
    res.json(result.value);
  });

  router.post('/classes/:classId/grouping/score', json, (req, res) => {
    const body = parseOr400(res, ScoreGroupsBodySchema, req.body, 'groups');
    const auth = body && authorize(req, res, 'diagnostic.manage');
    if (!body || !auth) return;
    const result = diagnostics.score(auth.classId, body.groups, body.mode);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.json(result.value);
  });

  router.post('/classes/:classId/grouping/publish', json, (req, res) => {
    const body = parseOr400(res, PublishGroupsBodySchema, req.body, 'groups');
    const auth = body && authorize(req, res, 'groups.manage');
    if (!body || !auth) return;
    const result = diagnostics.publish(auth.classId, body.groups);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.json(classroom.classState(auth.classId));
  });

  return router;
}
