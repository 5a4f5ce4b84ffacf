import express from 'express';
import type { Router } from 'express';
import {
  AnticipationIdSchema,
  AnticipationInputSchema,
  GroupIdSchema,
  rankAlerts,
  SetVerdictBodySchema,
} from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { MonitoringService } from '../anticipation/monitoringService.js';
import type { AlertsOf } from '../anticipation/wireMonitoring.js';
import type { Logger } from '../util/logger.js';
import { authorizeClass } from './auth.js';
import { parseOr400, sendError } from './validate.js';

/** Anticipations (teacher only), the monitoring chart and its verdicts, the labels export and the alerts. */
export function anticipationRoutes({
  classroom,
  monitoring,
  alertsOf,
  now,
  log,
}: {
  classroom: ClassroomService;
  monitoring: MonitoringService;
  alertsOf: AlertsOf;
  now: () => number;
  log?: Logger;
}): Router {
  const router = express.Router();
  const manage = (req: express.Request, res: express.Response) =>
    authorizeClass(classroom, req, res, 'anticipations.manage', log)?.classId;
  const view = (req: express.Request, res: express.Response) =>
    authorizeClass(classroom, req, res, 'monitoring.view', log)?.classId;
  const anticipationId = (req: express.Request, res: express.Response) => {
    const id = AnticipationIdSchema.safeParse(req.params.anticipationId);
    if (!id.success) return void sendError(res, 'not_found', 'no such anticipation');
    return id.data;
  };

  router.get('/classes/:classId/anticipations', (req, res) => {
    const classId = manage(req, res);
    if (classId) res.json(monitoring.anticipations(classId));
  });

  router.post('/classes/:classId/anticipations', express.json({ limit: '32kb' }), (req, res) => {
    const classId = manage(req, res);
    if (!classId) return;
    const body = parseOr400(res, AnticipationInputSchema, req.body, 'anticipation');
    if (body) res.status(201).json(monitoring.addAnticipation(classId, body));
  });

  router.put(
    '/classes/:classId/anticipations/:anticipationId',
    express.json({ limit: '32kb' }),
    (req, res) => {
      const classId = manage(req, res);
      const id = classId && anticipationId(req, res);
      if (!classId || !id) return;
      const body = parseOr400(res, AnticipationInputSchema, req.body, 'anticipation');
      if (!body) return;
      const result = monitoring.replaceAnticipation(classId, id, body);
      if (!result.ok) return sendError(res, result.error.code, result.error.message);
      res.json(result.value);
    },
  );

  router.delete('/classes/:classId/anticipations/:anticipationId', (req, res) => {
    const classId = manage(req, res);
    const id = classId && anticipationId(req, res);
    if (!classId || !id) return;
    const result = monitoring.removeAnticipation(classId, id);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.status(204).end();
  });

  router.get('/classes/:classId/monitoring', (req, res) => {
    const classId = view(req, res);
    if (classId) res.json(monitoring.state(classId));
  });

  router.put(
    '/classes/:classId/monitoring/:groupId/:anticipationId',
    express.json({ limit: '1kb' }),
    (req, res) => {
      const classId = view(req, res);
      const id = classId && anticipationId(req, res);
      if (!classId || !id) return;
      const groupId = GroupIdSchema.safeParse(req.params.groupId);
      if (!groupId.success) return sendError(res, 'not_found', 'no such group in this class');
      const body = parseOr400(res, SetVerdictBodySchema, req.body, 'verdict');
      if (!body) return;
      const result = monitoring.setVerdict(classId, groupId.data, id, body.verdict);
      if (!result.ok) return sendError(res, result.error.code, result.error.message);
      res.json(monitoring.state(classId));
    },
  );

  router.get('/classes/:classId/monitoring/labels.jsonl', (req, res) => {
    const classId = view(req, res);
    if (!classId) return;
    res
      .type('application/x-ndjson')
      .set('Content-Disposition', `attachment; filename="anticipation-labels-${classId}.jsonl"`);
    res.send(monitoring.exportLabels(classId));
  });

  router.get('/classes/:classId/alerts', (req, res) => {
    const classId = view(req, res);
    if (classId) res.json(rankAlerts(alertsOf(classId), now()));
  });

  return router;
}
