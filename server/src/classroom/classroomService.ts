import { EventEmitter } from 'node:events';
import type {
  ClassState,
  ClassView,
  Group,
  GroupActivity,
  Identity,
  JoinedClass,
  Projection,
  Result,
  Role,
} from '@conjecture/shared';
import {
  fail,
  joinCodeFromBytes,
  normalizeJoinCode,
  ok,
  rosterLabels,
  YjsCloseCode,
} from '@conjecture/shared';
import { recordAuthorship } from '../boards/authorship.js';
import { PROTECTED_RECORD_IDS } from '../boards/boardSchema.js';
import type { ClassRow } from './classroomStore.js';
import { NameTakenError } from './classroomStore.js';
import type { ClassroomDeps, ClassroomEvents, Principal } from './classroomTypes.js';
import type { BoardAccess } from './boardAccess.js';
import { BoardAccessPolicy } from './boardAccess.js';
import type { TemplateRecord } from './classTemplate.js';
import { ClassTemplate } from './classTemplate.js';
import { ClassGroups, toGroup } from './classGroups.js';
import { LivePresence } from './livePresence.js';
import { StudentDrafts } from './studentDrafts.js';
import { hashSecret, randomId, secretMatches } from './tokens.js';

// Callers know these types from the service they call.
export type { ClassroomDeps, ClassroomEvents, Principal } from './classroomTypes.js';
export type { BoardAccess } from './boardAccess.js';
export type { TemplateRecord } from './classTemplate.js';

const JOIN_CODE_ATTEMPTS = 20;

/**
 * Classes without accounts: a teacher secret (stored hashed) for the teacher, a join code and display
 * name for students, a revocable view-only key for the projector. Transport-free: the HTTP, socket.io and
 * Yjs layers call it and listen to its events.
 */
export class ClassroomService extends EventEmitter<ClassroomEvents> {
  private readonly presence: LivePresence;
  private readonly boards: BoardAccessPolicy;
  private readonly drafts: StudentDrafts;
  private readonly classTemplate: ClassTemplate;
  private readonly groups: ClassGroups;

  constructor(private readonly deps: ClassroomDeps) {
    super();
    this.presence = new LivePresence({ store: deps.store, events: this });
    this.boards = new BoardAccessPolicy({ store: deps.store });
    this.drafts = new StudentDrafts(deps);
    this.classTemplate = new ClassTemplate(deps);
    this.groups = new ClassGroups({
      store: deps.store,
      rooms: deps.rooms,
      now: deps.now,
      events: this,
      template: this.classTemplate,
      presence: this.presence,
      boards: this.boards,
    });
  }

  // Live presence (memory only): raised hands, who is online, per-board activity.

  setHand(classId: string, studentId: string, raised: boolean): void {
    this.presence.setHand(classId, studentId, raised);
  }

  raisedHands(classId: string): string[] {
    return this.presence.raisedHands(classId);
  }

  studentConnected(classId: string, studentId: string, delta: 1 | -1): void {
    this.presence.studentConnected(classId, studentId, delta);
  }

  onlineStudents(classId: string): string[] {
    return this.presence.onlineStudents(classId);
  }

  recordActivity(boardId: string, authors: string[], at: number): void {
    this.presence.recordActivity(boardId, authors, at);
  }

  groupActivity(classId: string): GroupActivity[] {
    return this.presence.groupActivity(classId);
  }

  /** Which boards the projector shows, and whether it anonymizes names. */
  setProjection(classId: string, projection: Projection): Result<Projection> {
    const groupBoards = new Set(this.deps.store.groupsOf(classId).map((g) => g.boardId));
    const stranger = projection.boardIds.find((id) => !groupBoards.has(id));
    if (stranger) return fail('not_found', `board ${stranger} is not a group board of this class`);
    this.deps.store.updateClass(classId, {
      projectedBoardIds: [...new Set(projection.boardIds)],
      anonymize: projection.anonymize,
    });
    this.emit('projectionChanged', classId);
    const c = this.deps.store.getClass(classId) as ClassRow;
    return ok({ boardIds: c.projectedBoardIds, anonymize: c.anonymize });
  }

  /**
   * What a viewer of the class may see. Names ride outside the boards (which carry opaque ids only): the
   * projector gets pseudonyms when the teacher anonymizes, so no real name ever reaches its page.
   */
  classView(p: Principal): ClassView | undefined {
    const c = this.deps.store.getClass(p.classId);
    if (!c) return undefined;
    const students = this.deps.store.studentsOf(p.classId);
    const anonymize = p.role === 'projector' && c.anonymize;
    return {
      classId: c.classId,
      title: c.title,
      taskPrompt: c.taskPrompt,
      paused: c.paused || c.ended,
      graphPaper: c.graphPaper,
      projection: { boardIds: c.projectedBoardIds, anonymize: c.anonymize },
      names: rosterLabels(students, anonymize),
      groupNames: Object.fromEntries(this.deps.store.groupsOf(p.classId).map((g) => [g.boardId, g.name])),
    };
  }

  createClass(input: { title: string; taskPrompt: string }): {
    classId: string;
    joinCode: string;
    teacherKey: string;
    projectorKey: string;
  } {
    const { store, now } = this.deps;
    const teacherKey = randomId(24);
    const projectorKey = randomId(24);
    const classId = randomId(9);
    for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
      const joinCode = joinCodeFromBytes(this.deps.randomBytes(8));
      if (store.getClassByJoinCode(joinCode)) continue;
      store.createClass({
        classId,
        title: input.title,
        taskPrompt: input.taskPrompt,
        joinCode,
        teacherKeyHash: hashSecret(teacherKey),
        projectorKeyHash: hashSecret(projectorKey),
        joiningOpen: true,
        paused: false,
        ended: false,
        anonymize: false,
        projectedBoardIds: [],
        templateRecords: [],
        graphPaper: false,
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
    this.emit('projectorRevoked', classId);
    return key;
  }

  join(input: { joinCode: string; displayName: string; token?: string | undefined }): Result<JoinedClass> {
    const { store, now } = this.deps;
    const code = normalizeJoinCode(input.joinCode);
    const c = code ? store.getClassByJoinCode(code) : undefined;
    if (!c) return fail('not_found', 'no class has this code');
    // A browser that already joined this class gets its identity back (reload, rejoin, another tab).
    const existing = input.token ? this.authenticate(input.token) : null;
    if (existing?.role === 'student' && existing.classId === c.classId && existing.studentId) {
      return ok({ token: input.token as string, identity: this.identityOf(existing) });
    }
    if (c.ended) return fail('forbidden', 'this class has ended');
    if (!c.joiningOpen) return fail('forbidden', 'the teacher has closed joining');
    const studentId = randomId(9);
    try {
      store.addStudent({
        studentId,
        classId: c.classId,
        displayName: input.displayName,
        groupId: null,
        createdAt: now(),
      });
    } catch (err) {
      if (err instanceof NameTakenError) {
        return fail(
          'conflict',
          `someone in this class is already called "${input.displayName}": add an initial`,
        );
      }
      throw err;
    }
    const token = this.newSession(c.classId, 'student', studentId);
    this.emit('rosterChanged', c.classId);
    return ok({ token, identity: this.identityOf(this.authenticate(token) as Principal) });
  }

  /** The principal of a token, or null if it is forged, unknown, revoked, expired or its student was removed. */
  authenticate(token: string): Principal | null {
    const checked = this.checkToken(token);
    return checked.ok ? checked.principal : null;
  }

  /** Like `authenticate`, with the reason a token is refused, for a message the user can act on. */
  checkToken(token: string): { ok: true; principal: Principal } | { ok: false; reason: string } {
    const sessionId = this.deps.signer.verify(token);
    if (!sessionId) return { ok: false, reason: 'this token is not one the server issued' };
    const session = this.deps.store.getSession(sessionId);
    if (!session || !this.deps.store.getClass(session.classId))
      return { ok: false, reason: 'this class no longer exists' };
    if (session.revoked) return { ok: false, reason: 'this session was revoked by the teacher' };
    if (this.deps.now() - session.createdAt > this.deps.sessionMaxAgeMs) {
      return { ok: false, reason: 'this session has expired: join the class again' };
    }
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

  getClass(classId: string): ClassRow | undefined {
    return this.deps.store.getClass(classId);
  }

  classState(classId: string): ClassState | undefined {
    const c = this.deps.store.getClass(classId);
    if (!c) return undefined;
    return {
      classId,
      title: c.title,
      taskPrompt: c.taskPrompt,
      joinCode: c.joinCode,
      joiningOpen: c.joiningOpen,
      paused: c.paused,
      ended: c.ended,
      students: this.deps.store
        .studentsOf(classId)
        .map((s) => ({ studentId: s.studentId, displayName: s.displayName, groupId: s.groupId })),
      groups: this.deps.store.groupsOf(classId).map(toGroup),
      online: this.onlineStudents(classId),
      anonymize: c.anonymize,
      projectedBoardIds: c.projectedBoardIds,
      graphPaper: c.graphPaper,
    };
  }

  updateClass(
    classId: string,
    patch: {
      joiningOpen?: boolean | undefined;
      paused?: boolean | undefined;
      ended?: boolean | undefined;
      graphPaper?: boolean | undefined;
    },
  ): void {
    const before = this.deps.store.getClass(classId);
    if (!before) return;
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    this.deps.store.updateClass(classId, clean);
    const after = this.deps.store.getClass(classId) as ClassRow;
    const lockedBefore = before.paused || before.ended;
    const lockedAfter = after.paused || after.ended;
    if (lockedBefore !== lockedAfter) this.emit('paused', classId, lockedAfter);
    if (before.graphPaper !== after.graphPaper) this.emit('graphPaperChanged', classId, after.graphPaper);
  }

  // Groups: each with its own board, and which group each student is in.

  createGroup(classId: string, name?: string): Result<Group> {
    return this.groups.createGroup(classId, name);
  }

  createAutoNamedGroup(classId: string): Group {
    return this.groups.createAutoNamedGroup(classId);
  }

  assignStudent(classId: string, studentId: string, groupId: string | null): Result<null> {
    return this.groups.assignStudent(classId, studentId, groupId);
  }

  renameGroup(classId: string, groupId: string, name: string): Result<Group> {
    return this.groups.renameGroup(classId, groupId, name);
  }

  deleteGroup(classId: string, groupId: string, options: { force: boolean }): Result<null> {
    return this.groups.deleteGroup(classId, groupId, options);
  }

  /**
   * Removes a student: their sessions are revoked at once (the transport layer closes their open
   * connections on the event) and their name is free again. With `removeMarks`, the records they created on
   * their group's board — found through the server's authorship log — are deleted by the server.
   */
  removeStudent(
    classId: string,
    studentId: string,
    options: { removeMarks: boolean },
  ): Result<{ removedRecords: number }> {
    const student = this.deps.store.getStudent(studentId);
    if (!student || student.classId !== classId) return fail('not_found', 'no such student in this class');
    const group = student.groupId ? this.deps.store.getGroup(student.groupId) : undefined;
    this.deps.store.removeStudent(studentId);
    this.presence.setHand(classId, studentId, false);
    this.emit('studentRemoved', classId, studentId);
    this.emit('rosterChanged', classId);
    let removedRecords = 0;
    if (options.removeMarks && group) {
      const authorship = recordAuthorship(this.deps.rooms.store, group.boardId);
      const room = this.deps.rooms.hold(group.boardId);
      try {
        room.change((records) => {
          for (const [key, who] of authorship) {
            if (
              who.creator === studentId &&
              records.get(key) !== undefined &&
              !PROTECTED_RECORD_IDS.has(key)
            ) {
              records.delete(key);
              removedRecords++;
            }
          }
        });
      } finally {
        this.deps.rooms.release(group.boardId);
      }
    }
    return ok({ removedRecords });
  }

  /**
   * Deletes the class and all its data for good: boards with their update logs and snapshots, students,
   * sessions and groups; then compacts storage so no copy of the deleted rows lingers in the WAL.
   */
  deleteClass(classId: string): Result<null> {
    if (!this.deps.store.getClass(classId)) return fail('not_found', 'no such class');
    // Tell connected browsers first (they clear their local copies), then cut every board connection.
    const boardIds = [
      ...this.deps.store.groupsOf(classId).map((g) => g.boardId),
      ...this.deps.store.draftsOf(classId).map((d) => d.boardId),
    ];
    this.emit('classDeleted', classId, boardIds);
    for (const boardId of boardIds)
      this.deps.rooms.deleteBoard(boardId, YjsCloseCode.removed, 'the class was deleted');
    this.deps.store.deleteClass(classId);
    this.presence.clearHands(classId);
    this.deps.rooms.store.compact();
    return ok(null);
  }

  // Drafts: each student's private board, and the teacher's look at it.

  draftBoard(p: Principal): Result<{ boardId: string }> {
    return this.drafts.draftBoard(p);
  }

  draftOfStudent(classId: string, studentId: string): Result<{ boardId: string | null }> {
    return this.drafts.draftOfStudent(classId, studentId);
  }

  // The class template, placed and locked on every group board.

  setTemplate(classId: string, records: TemplateRecord[]): Result<{ records: number }> {
    return this.classTemplate.setTemplate(classId, records);
  }

  template(classId: string): TemplateRecord[] {
    return this.classTemplate.template(classId);
  }

  // Board access: which class and group a board belongs to, and who may open it.

  boardAccess(p: Principal, boardId: string, wantsView: boolean): BoardAccess {
    return this.boards.boardAccess(p, boardId, wantsView);
  }

  groupOfBoard(boardId: string): string | null {
    return this.boards.groupOfBoard(boardId);
  }

  classOfBoard(boardId: string): string | undefined {
    return this.boards.classOfBoard(boardId);
  }

  private newSession(classId: string, role: Role, studentId: string | null): string {
    const sessionId = randomId(16);
    this.deps.store.createSession({
      sessionId,
      classId,
      role,
      studentId,
      revoked: false,
      createdAt: this.deps.now(),
    });
    return this.deps.signer.sign(sessionId);
  }
}
