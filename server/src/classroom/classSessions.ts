import { createHash } from 'node:crypto';
import { anyId } from '../cluster/inShard.js';
import type { CoachLinkState, Identity, JoinedClass, Result, Role } from '@conjecture/shared';
import {
  fail,
  JOIN_ATTEMPT_CONFLICT,
  JOIN_REFUSED,
  joinCodeFromBytes,
  normalizeJoinCode,
  ok,
  pickColorIndex,
  SESSION_EXPIRED,
  reservedNameRefusal,
} from '@conjecture/shared';
import { nameTaken, renameAttemptStudent } from './attemptRename.js';
import { NameTakenError, StudentIdTakenError } from './classroomStore.js';
import type { ClassroomDeps, ClassroomEventSink, Principal } from './classroomTypes.js';
import { toGroup } from './classGroups.js';
import { hashSecret, randomId, secretMatches } from './tokens.js';

const JOIN_CODE_ATTEMPTS = 20;

/**
 * Sessions a class keeps per role traded for a link; each trade deletes the oldest beyond it. No honest class
 * comes near: a teacher opens her link on a laptop, a tablet and the classroom PC, once a lesson at most,
 * within a session's life (SESSION_MAX_AGE_DAYS), and a reload keeps its session; a projector or coach link
 * is opened on a screen or two. Someone scripting a link adds no more rows than this (and can evict only
 * what that link's holders made, which the link itself already lets them disturb).
 */
export const MAX_SESSIONS_PER_CLASS = {
  teacher: 100,
  projector: 20,
  coach: 20,
} as const satisfies Record<Exclude<Role, 'student'>, number>;

/**
 * How long an expired session is kept before the sweep deletes it: a device coming back within it is told
 * its session expired (SESSION_EXPIRED, which the pages explain); after it the token is unknown.
 */
export const EXPIRED_SESSION_KEPT_MS = 7 * 24 * 3600_000;

/** A new class and the secrets only its creator ever sees in clear (the store keeps their hashes). */
export interface NewClass {
  classId: string;
  joinCode: string;
  teacherKey: string;
  projectorKey: string;
}

/**
 * Classes without accounts: a teacher secret (stored hashed) for the teacher, a join code and display
 * name for students, a revocable view-only key for the projector. Each is traded for a session, whose
 * signed token every later request and connection presents.
 */
export class ClassSessions {
  constructor(
    private readonly deps: Pick<
      ClassroomDeps,
      'store' | 'signer' | 'now' | 'sessionMaxAgeMs' | 'maxStudentsPerClass' | 'randomBytes' | 'inShard'
    > & {
      events: ClassroomEventSink;
    },
  ) {}

  /** A class is born with its credentials: the teacher and projector keys and a join code no class has. */
  createClass(input: { title: string; taskPrompt: string }): NewClass {
    const { store, now } = this.deps;
    const teacherKey = randomId(24);
    const projectorKey = randomId(24);
    const inShard = this.deps.inShard ?? anyId;
    const classId = inShard(() => randomId(9));
    for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
      // A student's join request routes by its code, so the code lies in the class's shard too.
      const joinCode = inShard(() => joinCodeFromBytes(this.deps.randomBytes(8)));
      if (store.getClassByJoinCode(joinCode)) continue;
      store.createClass({
        classId,
        title: input.title,
        taskPrompt: input.taskPrompt,
        joinCode,
        teacherKeyHash: hashSecret(teacherKey),
        projectorKeyHash: hashSecret(projectorKey),
        coachKeyHash: null,
        coachKeyCreatedAt: null,
        joiningOpen: true,
        paused: false,
        ended: false,
        anonymize: false,
        projectedBoardIds: [],
        spotlight: null,
        templateRecords: [],
        graphPaper: false,
        anonymizeDashboard: false,
        anonymizeStudents: false,
        reflectionOpen: false,
        createdAt: now(),
      });
      return { classId, joinCode, teacherKey, projectorKey };
    }
    throw new Error('could not find a free join code');
  }

  /** Trades the teacher link's secret for a session token (the HTTP layer puts it in an httpOnly cookie). */
  startTeacherSession(classId: string, key: string): Result<string> {
    const c = this.deps.store.getClass(classId);
    if (!c || !secretMatches(key, c.teacherKeyHash))
      return fail('unauthorized', 'this teacher link is not valid');
    return ok(this.newSession(classId, 'teacher', null));
  }

  startProjectorSession(classId: string, key: string): Result<string> {
    const c = this.deps.store.getClass(classId);
    if (!c || !secretMatches(key, c.projectorKeyHash))
      return fail('unauthorized', 'this projector link is not valid');
    return ok(this.newSession(classId, 'projector', null));
  }

  /** Revokes every projector session and returns a fresh key for a new projector link. */
  rotateProjectorKey(classId: string): string {
    const key = randomId(24);
    this.deps.store.updateClass(classId, { projectorKeyHash: hashSecret(key) });
    this.deps.store.revokeRoleSessions(classId, 'projector');
    this.deps.events.emit('projectorRevoked', classId);
    return key;
  }

  /** A coach link's secret traded for a read-only evidence session, while the teacher keeps the link on. */
  startCoachSession(classId: string, key: string): Result<string> {
    const c = this.deps.store.getClass(classId);
    if (!c?.coachKeyHash || !secretMatches(key, c.coachKeyHash))
      return fail('unauthorized', 'this coach link is not valid or was turned off');
    return ok(this.newSession(classId, 'coach', null));
  }

  /** A new coach link's secret: the link before it, and every session made from it, stop working. */
  newCoachKey(classId: string): string {
    const key = randomId(24);
    this.deps.store.updateClass(classId, {
      coachKeyHash: hashSecret(key),
      coachKeyCreatedAt: this.deps.now(),
    });
    this.endCoachSessions(classId);
    return key;
  }

  /** Turns the coach link off: no secret opens a coach session until the teacher makes a new link. */
  revokeCoachKey(classId: string): void {
    this.deps.store.updateClass(classId, { coachKeyHash: null, coachKeyCreatedAt: null });
    this.endCoachSessions(classId);
  }

  coachLinkState(classId: string): CoachLinkState {
    const c = this.deps.store.getClass(classId);
    return { on: Boolean(c?.coachKeyHash), createdAt: c?.coachKeyCreatedAt ?? null };
  }

  /** A coach has no socket or board connection (socketServer, boardAccess): revoking its sessions is all. */
  private endCoachSessions(classId: string): void {
    this.deps.store.revokeRoleSessions(classId, 'coach');
  }

  join(input: {
    joinCode: string;
    displayName: string;
    token?: string | undefined;
    attemptId?: string | undefined;
    renameAttempt?: true | undefined;
  }): Result<JoinedClass> {
    const { store, now } = this.deps;
    const code = normalizeJoinCode(input.joinCode);
    const c = code ? store.getClassByJoinCode(code) : undefined;
    if (!c) return fail('not_found', 'no class has this code');
    // A browser that already joined this class gets its identity back (reload, rejoin, another tab).
    const existing = input.token ? this.authenticate(input.token) : null;
    if (existing?.role === 'student' && existing.classId === c.classId && existing.studentId) {
      return ok({ token: input.token as string, identity: this.identityOf(existing) });
    }
    if (c.ended) return fail('forbidden', JOIN_REFUSED.ended);
    if (!c.joiningOpen) return fail('forbidden', JOIN_REFUSED.closed);
    // Checked here, not in the body's schema: a student who joined under a name before it was reserved
    // still gets their identity back above.
    const reserved = reservedNameRefusal(input.displayName);
    if (reserved) return fail('bad_request', reserved);
    const studentId = input.attemptId ? studentIdOfAttempt(c.classId, input.attemptId) : randomId(9);
    const attempted = input.attemptId
      ? store.studentsOf(c.classId).find((s) => s.studentId === studentId)
      : undefined;
    // One attempt, one student: a client sending one fixed attempt id for everyone (or a copied one) must not
    // hand the first student's session to the next, so a new name renames only when the form asks to.
    if (attempted && attempted.displayName !== input.displayName) {
      if (!input.renameAttempt)
        return fail(
          'conflict',
          `${JOIN_ATTEMPT_CONFLICT.joinedAs(attempted.displayName)}: go on under that name, or join under the new one in its place`,
        );
      const renamed = renameAttemptStudent(this.deps, attempted, input.displayName);
      if (!renamed.ok) return renamed;
    }
    if (attempted) {
      // The same attempt again: it was stored, but its answer was lost. Answered with the session it made
      // (its token is what the lost answer held, and a new one would be no harder to get: the attempt id
      // is the secret), so retries add no rows and leave any tab holding it working. A new session only
      // once that one has expired.
      const made = store
        .sessionsOfStudent(studentId)
        .findLast((s) => !s.revoked && !isExpired(this.expiryOf(s), now()));
      const token = made
        ? this.deps.signer.sign(made.sessionId)
        : this.newSession(c.classId, 'student', studentId);
      return ok({ token, identity: this.identityOf(this.principalOfNew(token) as Principal) });
    }
    const classmates = store.studentsOf(c.classId);
    if (classmates.length >= this.deps.maxStudentsPerClass)
      return fail(
        'forbidden',
        `this class is full (${this.deps.maxStudentsPerClass} students): ask your teacher`,
      );
    try {
      store.addStudent({
        studentId,
        classId: c.classId,
        displayName: input.displayName,
        groupId: null,
        // Before any group: the class's least used colour (the group they join makes it unique there).
        colorIndex: pickColorIndex(
          classmates.map((s) => s.colorIndex),
          null,
        ),
        createdAt: now(),
      });
    } catch (err) {
      if (err instanceof NameTakenError) return nameTaken(input.displayName);
      // The attempt's student was stored, then removed by the teacher: a new join is a new attempt.
      if (err instanceof StudentIdTakenError)
        return fail('conflict', `${JOIN_ATTEMPT_CONFLICT.removed}: reload the page to join again`);
      throw err;
    }
    const token = this.newSession(c.classId, 'student', studentId);
    this.deps.events.emit('rosterChanged', c.classId);
    this.deps.events.emit('studentJoined', c.classId, studentId);
    return ok({ token, identity: this.identityOf(this.principalOfNew(token) as Principal) });
  }

  /**
   * The principal of a token, or null if it is forged, unknown, revoked, expired or its student was removed.
   * For a bearer presenting it (a request, a connection): its session is used from then on (attemptRename).
   */
  authenticate(token: string): Principal | null {
    const checked = this.checkToken(token);
    return checked.ok ? checked.principal : null;
  }

  /** Like `authenticate`, with the reason a token is refused, for a message the user can act on. */
  checkToken(token: string): { ok: true; principal: Principal } | { ok: false; reason: string } {
    const checked = this.checkWithoutMarking(token);
    if (checked.ok) this.deps.store.markSessionUsed(checked.principal.sessionId);
    return checked;
  }

  /** A token the join itself just made or found, which no bearer has presented yet: not marked used. */
  private principalOfNew(token: string): Principal | null {
    const checked = this.checkWithoutMarking(token);
    return checked.ok ? checked.principal : null;
  }

  private checkWithoutMarking(
    token: string,
  ): { ok: true; principal: Principal } | { ok: false; reason: string } {
    const sessionId = this.deps.signer.verify(token);
    if (!sessionId) return { ok: false, reason: 'this token is not one the server issued' };
    const session = this.deps.store.getSession(sessionId);
    if (!session || !this.deps.store.getClass(session.classId))
      // Also a session deleted a week after it expired, or as the oldest past MAX_SESSIONS_PER_CLASS.
      return { ok: false, reason: 'this session has ended, or its class no longer exists' };
    if (session.revoked) return { ok: false, reason: 'this session was revoked by the teacher' };
    if (isExpired(this.expiryOf(session), this.deps.now())) return { ok: false, reason: SESSION_EXPIRED };
    if (session.role === 'student' && !(session.studentId && this.deps.store.getStudent(session.studentId))) {
      return { ok: false, reason: 'you were removed from this class' };
    }
    return {
      ok: true,
      principal: {
        role: session.role,
        classId: session.classId,
        sessionId: session.sessionId,
        studentId: session.studentId,
      },
    };
  }

  /**
   * When a session expires (ms since the epoch), or null for an unknown one. Connections note it when they
   * open, so the realtime layer can close them once it passes (realtime/sessionExpiry.ts).
   */
  expiresAt(sessionId: string): number | null {
    const session = this.deps.store.getSession(sessionId);
    return session ? this.expiryOf(session) : null;
  }

  /**
   * Deletes the sessions past EXPIRED_SESSION_KEPT_MS since their expiry (the expiry sweep's other job), so
   * the session table holds no more than a session's life of sign-ins. Returns how many went.
   */
  deleteExpiredSessions(): number {
    const { store, now, sessionMaxAgeMs } = this.deps;
    // Expired when now > createdAt + maxAge (isExpired); deleted a week after that.
    return store.deleteSessionsCreatedBefore(now() - sessionMaxAgeMs - EXPIRED_SESSION_KEPT_MS);
  }

  private expiryOf(session: { createdAt: number }): number {
    return session.createdAt + this.deps.sessionMaxAgeMs;
  }

  identityOf(p: Principal): Identity {
    if (p.role !== 'student') return { role: p.role, classId: p.classId };
    const student = this.deps.store.getStudent(p.studentId as string);
    const group = student?.groupId ? this.deps.store.getGroup(student.groupId) : undefined;
    return {
      role: 'student',
      classId: p.classId,
      studentId: p.studentId as string,
      displayName: student?.displayName ?? '',
      group: group ? toGroup(group) : null,
    };
  }

  private newSession(classId: string, role: Role, studentId: string | null): string {
    const sessionId = (this.deps.inShard ?? anyId)(() => randomId(16));
    this.deps.store.createSession({
      sessionId,
      classId,
      role,
      studentId,
      revoked: false,
      createdAt: this.deps.now(),
    });
    if (role !== 'student') this.deps.store.keepNewestSessions(classId, role, MAX_SESSIONS_PER_CLASS[role]);
    return this.deps.signer.sign(sessionId);
  }
}

/** The one comparison behind refusing an expired token and closing its connections. */
export const isExpired = (expiresAt: number, now: number): boolean => now > expiresAt;

/** A join attempt's student id: the same for every retry of the attempt, unguessable without its id. */
function studentIdOfAttempt(classId: string, attemptId: string): string {
  return createHash('sha256').update(`${classId}:${attemptId}`).digest('base64url').slice(0, 12);
}
