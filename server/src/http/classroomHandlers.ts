import { can, fail, ok, type Result } from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { QuestionService } from '../classroom/questionService.js';
import { principalOf, teacherCookieName } from '../auth/credentials.js';
import type { KeyedBudget } from '../boards/keyedBudget.js';
import { JoinGate } from './joinGate.js';
import type { RouteHandlers } from './routeAdapter.js';
import { RouteBudgets } from './routeBudgets.js';
import { HourlyBudget } from './hourlyBudget.js';
import { uploadBudget, type ClusterUploadBytes } from './assets.js';

/** Wrong join codes allowed per client address in the window below (right codes are never counted). */
const JOIN_FAILURES_PER_WINDOW = 30;
const JOIN_FAILURE_WINDOW_MS = 10 * 60_000;
/** Past that, codes for classes the address is not in yet are still checked: a class at once, then slowly. */
const JOIN_CHECKS_WHILE_LIMITED = { perSecond: 1 / 5, burst: 40 };
const TEACHER_COOKIE_MAX_AGE_MS = 30 * 24 * 3600_000;

export interface ClassroomHandlerDeps {
  classroom: ClassroomService;
  questions: QuestionService;
  /** This server's per-address limits (a cluster process's shards share one). */
  gates: AdmissionGates;
}

/**
 * What bounds one client address: wrong join codes, classes and boards outside a class created, image bytes
 * uploaded to boards outside a class, and every route's budget. One per server, or one per cluster process
 * shared by its shards' servers.
 */
export interface AdmissionGates {
  joins: JoinGate;
  classCreation: HourlyBudget;
  boardCreation: HourlyBudget;
  uploads: KeyedBudget;
  /** The same upload bytes counted across a cluster's processes (REDIS_URL), after this process's own. */
  clusterUploads?: ClusterUploadBytes;
  routes: RouteBudgets;
}

export function admissionGates(
  now: () => number,
  {
    classesPerHour,
    boardsPerHour,
    uploadBytesPerHour,
  }: { classesPerHour: number; boardsPerHour: number; uploadBytesPerHour: number },
): AdmissionGates {
  return {
    joins: new JoinGate({
      maxFailures: JOIN_FAILURES_PER_WINDOW,
      windowMs: JOIN_FAILURE_WINDOW_MS,
      limitedChecks: JOIN_CHECKS_WHILE_LIMITED,
      now,
    }),
    classCreation: new HourlyBudget(classesPerHour, 'classes created', now),
    boardCreation: new HourlyBudget(boardsPerHour, 'boards made', now),
    uploads: uploadBudget(uploadBytesPerHour, now),
    routes: new RouteBudgets(now),
  };
}

type ClassroomRoutes =
  | 'createClass'
  | 'startTeacherSession'
  | 'startProjectorSession'
  | 'startCoachSession'
  | 'coachLink'
  | 'createCoachLink'
  | 'revokeCoachLink'
  | 'join'
  | 'me'
  | 'classState'
  | 'updateClass'
  | 'deleteClass'
  | 'rotateProjectorKey'
  | 'createGroup'
  | 'renameGroup'
  | 'deleteGroup'
  | 'assignStudent'
  | 'removeStudent'
  | 'poseQuestion'
  | 'listQuestions'
  | 'setProjection'
  | 'setSpotlight'
  | 'classView'
  | 'groupActivity'
  | 'hands'
  | 'setTemplate'
  | 'getTemplate'
  | 'openDraft'
  | 'studentDraft';

export function classroomHandlers({
  classroom,
  questions,
  gates,
}: ClassroomHandlerDeps): Pick<RouteHandlers, ClassroomRoutes> {
  const { joins, classCreation } = gates;

  /** The class's state after a change: what every mutating teacher route answers. */
  const stateAfter = (classId: string, done: Result<unknown>) => (done.ok ? state(classId) : done);
  const state = (classId: string) => {
    const value = classroom.classState(classId);
    return value ? ok(value) : fail('not_found', 'no such class');
  };

  return {
    createClass: ({ body, req, res }) => {
      const refused = classCreation.refusal(req, res);
      if (refused) return refused;
      const created = classroom.createClass(body);
      return ok({
        classId: created.classId,
        joinCode: created.joinCode,
        teacherLink: `/teach/${created.classId}#key=${created.teacherKey}`,
        projectorLink: `/project/${created.classId}#key=${created.projectorKey}`,
      });
    },

    startTeacherSession: ({ params: { classId }, body, req, res }) => {
      const result = classroom.startTeacherSession(classId, body.key);
      if (!result.ok) return fail('unauthorized', 'this teacher link is not valid');
      res.cookie(teacherCookieName(classId), result.value, {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: '/',
        maxAge: TEACHER_COOKIE_MAX_AGE_MS,
      });
      return ok({ classId });
    },

    startProjectorSession: ({ params: { classId }, body }) => {
      const result = classroom.startProjectorSession(classId, body.key);
      if (!result.ok) return fail('unauthorized', 'this projector link is not valid or was revoked');
      return ok({ token: result.value });
    },

    startCoachSession: ({ params: { classId }, body }) => {
      const result = classroom.startCoachSession(classId, body.key);
      if (!result.ok)
        return fail(
          'unauthorized',
          'this coach link is not valid or was turned off: ask the teacher for a new one',
        );
      return ok({ token: result.value });
    },

    coachLink: ({ caller }) => ok(classroom.coachLinkState(caller.classId)),

    createCoachLink: ({ caller }) => {
      const key = classroom.newCoachKey(caller.classId);
      return ok({ coachLink: `/coach/${caller.classId}#key=${key}` });
    },

    revokeCoachLink: ({ caller }) => {
      classroom.revokeCoachKey(caller.classId);
      return ok(undefined);
    },

    join: ({ body, req, res }) => {
      const client = req.ip ?? 'unknown';
      // The code is looked up first: a class behind one school address is never locked out by a neighbour's
      // typos, and a valid session token for the class (a rejoin) is never limited at all.
      const classId = classroom.classOfJoinCode(body.joinCode);
      const holder = body.token === undefined ? null : principalOf(classroom, { bearer: body.token });
      const rejoin = classId !== undefined && holder?.classId === classId && holder.role === 'student';
      const tooMany = () => {
        res.set('Retry-After', String(joins.retryAfterSeconds(client)));
        return fail(
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
        return result;
      }
      joins.joined(client, result.value.identity.classId);
      return result;
    },

    me: ({ caller }) => ok(classroom.identityOf(caller.principal)),

    classState: ({ caller }) => {
      const answer = state(caller.classId);
      // A coach reads the roster, but its link must not carry a way into the class as a student.
      if (!answer.ok || can(caller.principal.role, 'joinCode.view')) return answer;
      return ok({ ...answer.value, joinCode: '' });
    },

    updateClass: ({ caller, body }) => {
      // The route admits `class.pause`; anything beyond pausing needs `class.manage`.
      const manages = Object.entries(body).some(([key, value]) => key !== 'paused' && value !== undefined);
      if (manages && !can(caller.principal.role, 'class.manage'))
        return fail('forbidden', `a ${caller.principal.role} may not do this`);
      const { taskPrompt, ...settings } = body;
      if (taskPrompt !== undefined) {
        const placed = classroom.setTaskPrompt(caller.classId, taskPrompt);
        if (!placed.ok) return placed;
      }
      classroom.updateClass(caller.classId, settings);
      return state(caller.classId);
    },

    deleteClass: ({ caller, res }) => {
      classroom.deleteClass(caller.classId);
      res.clearCookie(teacherCookieName(caller.classId), { path: '/' });
      return ok(undefined);
    },

    rotateProjectorKey: ({ caller }) => {
      const key = classroom.rotateProjectorKey(caller.classId);
      return ok({ projectorLink: `/project/${caller.classId}#key=${key}` });
    },

    createGroup: ({ caller, body }) => classroom.createGroup(caller.classId, body.name, body.attemptId),

    renameGroup: ({ caller, params, body }) =>
      stateAfter(caller.classId, classroom.renameGroup(caller.classId, params.groupId, body.name)),

    deleteGroup: ({ caller, params, query }) =>
      stateAfter(
        caller.classId,
        classroom.deleteGroup(caller.classId, params.groupId, { force: query.force === 'true' }),
      ),

    assignStudent: ({ caller, params, body }) =>
      stateAfter(
        caller.classId,
        classroom.assignStudent(caller.classId, params.studentId, body.groupId, { cause: 'hand' }),
      ),

    removeStudent: ({ caller, params, body }) =>
      classroom.removeStudent(caller.classId, params.studentId, body),

    poseQuestion: ({ caller, body }) => questions.pose(caller.classId, body),

    listQuestions: ({ caller }) => ok(questions.list(caller.classId)),

    setProjection: ({ caller, body }) => classroom.setProjection(caller.classId, body),

    setSpotlight: ({ caller, body }) => classroom.setSpotlight(caller.classId, body.spotlight),

    classView: ({ caller }) => {
      const view = classroom.classView(caller.principal);
      return view ? ok(view) : fail('not_found', 'no such class');
    },

    groupActivity: ({ caller }) => ok(classroom.groupActivity(caller.classId)),

    hands: ({ caller }) => ok({ classId: caller.classId, raised: classroom.raisedHands(caller.classId) }),

    setTemplate: ({ caller, body }) => classroom.setTemplate(caller.classId, body.records),

    getTemplate: ({ caller }) => ok({ records: classroom.template(caller.classId) }),

    openDraft: ({ caller }) => classroom.draftBoard(caller.principal),

    // The teacher's look at a student's private draft (read-only over Yjs: `mode=view`). The projector,
    // which may view every group board, has no `roster.view` and so never learns a draft's board id.
    studentDraft: ({ caller, params }) => classroom.draftOfStudent(caller.classId, params.studentId),
  };
}
