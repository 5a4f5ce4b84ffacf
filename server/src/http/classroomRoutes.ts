import express from 'express';
import type { Request, Response, Router } from 'express';
import type { Capability } from '@conjecture/shared';
import {
  AssignStudentBodySchema,
  can,
  ClassIdSchema,
  CreateClassBodySchema,
  CreateGroupBodySchema,
  DeleteGroupQuerySchema,
  GroupIdSchema,
  JoinClassBodySchema,
  PoseQuestionBodySchema,
  RemoveStudentBodySchema,
  RenameGroupBodySchema,
  SetProjectionBodySchema,
  SetTemplateBodySchema,
  StudentIdSchema,
  TeacherSessionBodySchema,
  UpdateClassBodySchema,
} from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { QuestionService } from '../classroom/questionService.js';
import type { Logger } from '../util/logger.js';
import { authorizeClass, refusalReason, requestPrincipal, teacherCookieName } from './auth.js';
import { AddressBudget } from './addressBudget.js';
import { JoinGate } from './joinGate.js';
import { parseOr400, sendError } from './validate.js';

const JSON_LIMIT = '64kb';
/** Wrong join codes allowed per client address in the window below (right codes are never counted). */
const JOIN_FAILURES_PER_WINDOW = 30;
const JOIN_FAILURE_WINDOW_MS = 10 * 60_000;
/** Past that, codes for classes the address is not in yet are still checked: a class at once, then slowly. */
const JOIN_CHECKS_WHILE_LIMITED = { perSecond: 1 / 5, burst: 40 };
const TEACHER_COOKIE_MAX_AGE_MS = 30 * 24 * 3600_000;

export interface ClassroomRouteDeps {
  classroom: ClassroomService;
  questions: QuestionService;
  log: Logger;
  now: () => number;
  /** Classes one client address may create per hour (a burst of as many). */
  classesPerHour: number;
}

export function classroomRoutes({
  classroom,
  questions,
  log,
  now,
  classesPerHour,
}: ClassroomRouteDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: JSON_LIMIT });
  const joins = new JoinGate({
    maxFailures: JOIN_FAILURES_PER_WINDOW,
    windowMs: JOIN_FAILURE_WINDOW_MS,
    limitedChecks: JOIN_CHECKS_WHILE_LIMITED,
    now,
  });

  const classCreation = new AddressBudget(classesPerHour / 3600, classesPerHour, now);

  const authorize = (req: Request, res: Response, capability: Capability) =>
    authorizeClass(classroom, req, res, capability, log);

  router.post('/classes', json, (req, res) => {
    // Per client address (the forwarded one behind a trusted proxy, as for joins).
    if (!classCreation.take(req.ip ?? 'unknown')) {
      res.set('Retry-After', String(classCreation.retryAfterSeconds()));
      return sendError(
        res,
        'rate_limited',
        `too many classes created from here (at most ${classesPerHour} an hour); try again in a minute`,
      );
    }
    const body = parseOr400(res, CreateClassBodySchema, req.body, 'class');
    if (!body) return;
    const created = classroom.createClass(body);
    res.status(201).json({
      classId: created.classId,
      joinCode: created.joinCode,
      teacherLink: `/teach/${created.classId}#key=${created.teacherKey}`,
      projectorLink: `/project/${created.classId}#key=${created.projectorKey}`,
    });
  });

  router.post('/classes/:classId/teacher-session', json, (req, res) => {
    const classId = ClassIdSchema.safeParse(req.params.classId);
    const body = parseOr400(res, TeacherSessionBodySchema, req.body, 'teacher session');
    if (!body) return;
    const result = classId.success ? classroom.startTeacherSession(classId.data, body.key) : undefined;
    if (!result?.ok) return sendError(res, 'unauthorized', 'this teacher link is not valid');
    res.cookie(teacherCookieName(classId.data as string), result.value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      maxAge: TEACHER_COOKIE_MAX_AGE_MS,
    });
    res.json({ classId: classId.data });
  });

  router.post('/classes/:classId/projector-session', json, (req, res) => {
    const classId = ClassIdSchema.safeParse(req.params.classId);
    const body = parseOr400(res, TeacherSessionBodySchema, req.body, 'projector session');
    if (!body) return;
    const result = classId.success ? classroom.startProjectorSession(classId.data, body.key) : undefined;
    if (!result?.ok) return sendError(res, 'unauthorized', 'this projector link is not valid or was revoked');
    res.json({ token: result.value });
  });

  router.post('/join', json, (req, res) => {
    const client = req.ip ?? 'unknown';
    const body = parseOr400(res, JoinClassBodySchema, req.body, 'join request');
    if (!body) return;
    // The code is looked up first: a class behind one school address is never locked out by a neighbour's
    // typos, and a valid session token for the class (a rejoin) is never limited at all.
    const classId = classroom.classOfJoinCode(body.joinCode);
    const rejoin =
      classId !== undefined &&
      body.token !== undefined &&
      classroom.authenticate(body.token)?.classId === classId &&
      classroom.authenticate(body.token)?.role === 'student';
    const tooMany = () => {
      res.set('Retry-After', String(joins.retryAfterSeconds(client)));
      sendError(
        res,
        'rate_limited',
        'too many wrong join codes from here; check the code, or wait a few minutes',
      );
    };
    if (!rejoin && !joins.mayCheck(client, classId)) return tooMany();
    const result = classroom.join(body);
    if (!result.ok) {
      if (result.error.code === 'not_found') {
        const limited = joins.isLimited(client);
        joins.wrongCode(client);
        if (limited) return tooMany();
      }
      return sendError(res, result.error.code, result.error.message);
    }
    joins.joined(client, result.value.identity.classId);
    res.json(result.value);
  });

  router.get('/me', (req, res) => {
    const principal = requestPrincipal(classroom, req);
    if (!principal) return sendError(res, 'unauthorized', refusalReason(classroom, req));
    res.json(classroom.identityOf(principal));
  });

  router.get('/classes/:classId', (req, res) => {
    const auth = authorize(req, res, 'roster.view');
    if (auth) res.json(classroom.classState(auth.classId));
  });

  router.patch('/classes/:classId', json, (req, res) => {
    const body = parseOr400(res, UpdateClassBodySchema, req.body, 'class update');
    if (!body) return;
    const capability: Capability = body.paused !== undefined ? 'class.pause' : 'class.manage';
    const auth = authorize(req, res, capability);
    if (!auth) return;
    const manages =
      body.joiningOpen !== undefined ||
      body.ended !== undefined ||
      body.graphPaper !== undefined ||
      body.taskPrompt !== undefined ||
      body.anonymizeDashboard !== undefined ||
      body.anonymizeStudents !== undefined;
    if (body.paused !== undefined && manages) {
      if (!can(auth.principal.role, 'class.manage')) return sendError(res, 'forbidden', 'not allowed');
    }
    const { taskPrompt, ...settings } = body;
    if (taskPrompt !== undefined) {
      const placed = classroom.setTaskPrompt(auth.classId, taskPrompt);
      if (!placed.ok) return sendError(res, placed.error.code, placed.error.message);
    }
    classroom.updateClass(auth.classId, settings);
    res.json(classroom.classState(auth.classId));
  });

  router.post('/classes/:classId/projector-key', (req, res) => {
    const auth = authorize(req, res, 'class.manage');
    if (!auth) return;
    const key = classroom.rotateProjectorKey(auth.classId);
    res.json({ projectorLink: `/project/${auth.classId}#key=${key}` });
  });

  router.post('/classes/:classId/groups', json, (req, res) => {
    const body = parseOr400(res, CreateGroupBodySchema, req.body ?? {}, 'group');
    if (!body) return;
    const auth = authorize(req, res, 'groups.manage');
    if (!auth) return;
    const result = classroom.createGroup(auth.classId, body.name);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.status(201).json(result.value);
  });

  router.patch('/classes/:classId/groups/:groupId', json, (req, res) => {
    const body = parseOr400(res, RenameGroupBodySchema, req.body, 'group name');
    const groupId = body && parseOr400(res, GroupIdSchema, req.params.groupId, 'group id');
    if (!body || !groupId) return;
    const auth = authorize(req, res, 'groups.manage');
    if (!auth) return;
    const result = classroom.renameGroup(auth.classId, groupId, body.name);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.json(classroom.classState(auth.classId));
  });

  router.delete('/classes/:classId/groups/:groupId', (req, res) => {
    const query = parseOr400(res, DeleteGroupQuerySchema, req.query, 'query');
    const groupId = query && parseOr400(res, GroupIdSchema, req.params.groupId, 'group id');
    if (!query || !groupId) return;
    const auth = authorize(req, res, 'groups.manage');
    if (!auth) return;
    const result = classroom.deleteGroup(auth.classId, groupId, { force: query.force === 'true' });
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.json(classroom.classState(auth.classId));
  });

  router.put('/classes/:classId/students/:studentId/group', json, (req, res) => {
    const body = parseOr400(res, AssignStudentBodySchema, req.body, 'assignment');
    const studentId = parseOr400(res, StudentIdSchema, req.params.studentId, 'student id');
    if (!body || !studentId) return;
    const auth = authorize(req, res, 'groups.manage');
    if (!auth) return;
    const result = classroom.assignStudent(auth.classId, studentId, body.groupId);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.json(classroom.classState(auth.classId));
  });

  router.delete('/classes/:classId/students/:studentId', json, (req, res) => {
    const body = parseOr400(res, RemoveStudentBodySchema, req.body ?? {}, 'removal');
    const studentId = parseOr400(res, StudentIdSchema, req.params.studentId, 'student id');
    if (!body || !studentId) return;
    const auth = authorize(req, res, 'students.remove');
    if (!auth) return;
    const result = classroom.removeStudent(auth.classId, studentId, body);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.json(result.value);
  });

  router.post('/classes/:classId/questions', json, (req, res) => {
    const body = parseOr400(res, PoseQuestionBodySchema, req.body, 'question');
    if (!body) return;
    const auth = authorize(req, res, 'questions.pose');
    if (!auth) return;
    const result = questions.pose(auth.classId, body);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.status(201).json(result.value);
  });

  router.get('/classes/:classId/questions', (req, res) => {
    const auth = authorize(req, res, 'roster.view');
    if (auth) res.json(questions.list(auth.classId));
  });

  router.put('/classes/:classId/projection', json, (req, res) => {
    const body = parseOr400(res, SetProjectionBodySchema, req.body, 'projection');
    if (!body) return;
    const auth = authorize(req, res, 'projector.control');
    if (!auth) return;
    const result = classroom.setProjection(auth.classId, body);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.json(result.value);
  });

  router.get('/classes/:classId/view', (req, res) => {
    const classId = ClassIdSchema.safeParse(req.params.classId);
    const principal = classId.success ? requestPrincipal(classroom, req, classId.data) : null;
    if (!classId.success || !classroom.hasClass(classId.data))
      return sendError(res, 'not_found', 'no such class');
    if (!principal || principal.classId !== classId.data)
      return sendError(res, 'unauthorized', 'not a member of this class');
    res.json(classroom.classView(principal));
  });

  router.get('/classes/:classId/activity', (req, res) => {
    const auth = authorize(req, res, 'roster.view');
    if (auth) res.json(classroom.groupActivity(auth.classId));
  });

  router.get('/classes/:classId/hands', (req, res) => {
    const auth = authorize(req, res, 'roster.view');
    if (auth) res.json({ classId: auth.classId, raised: classroom.raisedHands(auth.classId) });
  });

  router.put('/classes/:classId/template', express.json({ limit: '512kb' }), (req, res) => {
    const body = parseOr400(res, SetTemplateBodySchema, req.body, 'template');
    if (!body) return;
    const auth = authorize(req, res, 'class.manage');
    if (!auth) return;
    const result = classroom.setTemplate(auth.classId, body.records);
    if (!result.ok) return sendError(res, result.error.code, result.error.message, result.error.issues);
    res.json(result.value);
  });

  router.get('/classes/:classId/template', (req, res) => {
    const auth = authorize(req, res, 'class.manage');
    if (auth) res.json({ records: classroom.template(auth.classId) });
  });

  router.post('/classes/:classId/draft', (req, res) => {
    const auth = authorize(req, res, 'boards.writeOwnGroup');
    if (!auth) return;
    const result = classroom.draftBoard(auth.principal);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.json(result.value);
  });

  // The teacher's look at a student's private draft (read-only over Yjs: `mode=view`). The projector,
  // which may view every group board, has no `roster.view` and so never learns a draft's board id.
  router.get('/classes/:classId/students/:studentId/draft', (req, res) => {
    const studentId = parseOr400(res, StudentIdSchema, req.params.studentId, 'student id');
    if (!studentId) return;
    const auth = authorize(req, res, 'roster.view');
    if (!auth) return;
    const result = classroom.draftOfStudent(auth.classId, studentId);
    if (!result.ok) return sendError(res, result.error.code, result.error.message);
    res.json(result.value);
  });

  router.delete('/classes/:classId', (req, res) => {
    const auth = authorize(req, res, 'class.manage');
    if (!auth) return;
    classroom.deleteClass(auth.classId);
    res.clearCookie(teacherCookieName(auth.classId), { path: '/' });
    res.status(204).end();
  });

  return router;
}
