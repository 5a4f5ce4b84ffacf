import { EventEmitter } from 'node:events';
import type {
  ClassState,
  CoachLinkState,
  ClassView,
  Group,
  GroupActivity,
  Identity,
  JoinedClass,
  Projection,
  Result,
  Spotlight,
} from '@conjecture/shared';
import {
  can,
  colorForUser,
  fail,
  normalizeJoinCode,
  ok,
  paletteColor,
  TEACHER_COLOR,
  YjsCloseCode,
} from '@conjecture/shared';
import { recordAuthorship } from '../boards/authorship.js';
import { PROTECTED_RECORD_IDS } from '../boards/boardSchema.js';
import type { ClassRow } from './classroomStore.js';
import type { ClassroomDeps, ClassroomEvents, Principal, StudentMove } from './classroomTypes.js';
import type { BoardAccess } from './boardAccess.js';
import { BoardAccessPolicy } from './boardAccess.js';
import type { TemplateRecord } from './classTemplate.js';
import { ClassTemplate } from './classTemplate.js';
import { ClassTaskCard } from './classTaskCard.js';
import { ClassGroups, toGroup } from './classGroups.js';
import type { NewClass } from './classSessions.js';
import { ClassSessions } from './classSessions.js';
import { LivePresence } from './livePresence.js';
import { StudentDrafts } from './studentDrafts.js';
import { ClassAssets } from './classAssets.js';
import { refusalNow } from './classPhase.js';
import { viewerNames } from './viewerNames.js';

// Callers know these types from the service they call.
export type { ClassroomDeps, ClassroomEvents, Principal, StudentMove } from './classroomTypes.js';
export type { BoardAccess } from './boardAccess.js';
export type { TemplateRecord } from './classTemplate.js';

/**
 * A lesson's classroom, transport-free: the HTTP, socket.io and Yjs layers call it and listen to its events.
 * It does itself what concerns the class as a whole (its state and settings, what the projector shows,
 * removing a student, deleting the class) and hands every other concern to one collaborator. Those all
 * emit on this service, so listeners keep one emitter, and callers keep one object: the delegating methods
 * below are that front door, grouped by the collaborator that does the work.
 */
export class ClassroomService extends EventEmitter<ClassroomEvents> {
  private readonly sessions: ClassSessions;
  private readonly presence: LivePresence;
  private readonly boards: BoardAccessPolicy;
  private readonly drafts: StudentDrafts;
  private readonly classTemplate: ClassTemplate;
  private readonly taskCard: ClassTaskCard;
  private readonly groups: ClassGroups;
  private readonly assets: ClassAssets;

  constructor(private readonly deps: ClassroomDeps) {
    super();
    this.sessions = new ClassSessions({ ...deps, events: this });
    this.presence = new LivePresence({ store: deps.store, events: this });
    this.boards = new BoardAccessPolicy({ store: deps.store, now: deps.now });
    this.drafts = new StudentDrafts(deps);
    this.classTemplate = new ClassTemplate(deps);
    this.taskCard = new ClassTaskCard(deps);
    this.assets = new ClassAssets(deps);
    this.groups = new ClassGroups({
      ...deps,
      events: this,
      template: this.classTemplate,
      taskCard: this.taskCard,
      presence: this.presence,
      boards: this.boards,
      assets: this.assets,
    });
  }

  /** Whether the class exists. (Routes need no more: the stored row carries the keys' hashes.) */
  hasClass(classId: string): boolean {
    return this.deps.store.getClass(classId) !== undefined;
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
      students: this.deps.store.studentsOf(classId).map((s) => ({
        studentId: s.studentId,
        displayName: s.displayName,
        groupId: s.groupId,
        color: studentColor(s),
      })),
      groups: this.deps.store.groupsOf(classId).map(toGroup),
      online: this.presence.onlineStudents(classId),
      anonymize: c.anonymize,
      projectedBoardIds: c.projectedBoardIds,
      spotlight: c.spotlight,
      graphPaper: c.graphPaper,
      anonymizeDashboard: c.anonymizeDashboard,
      anonymizeStudents: c.anonymizeStudents,
      reflectionOpen: c.reflectionOpen,
    };
  }

  updateClass(
    classId: string,
    patch: {
      joiningOpen?: boolean | undefined;
      paused?: boolean | undefined;
      ended?: boolean | undefined;
      graphPaper?: boolean | undefined;
      anonymizeDashboard?: boolean | undefined;
      anonymizeStudents?: boolean | undefined;
      reflectionOpen?: boolean | undefined;
    },
  ): void {
    const before = this.deps.store.getClass(classId);
    if (!before) return;
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    this.deps.store.updateClass(classId, clean);
    const after = this.deps.store.getClass(classId) as ClassRow;
    if (before.paused !== after.paused || before.ended !== after.ended)
      this.emit('paused', classId, { paused: after.paused, ended: after.ended });
    if (before.graphPaper !== after.graphPaper) this.emit('graphPaperChanged', classId, after.graphPaper);
    if (before.reflectionOpen !== after.reflectionOpen)
      this.emit('reflectionChanged', classId, after.reflectionOpen);
    // Students hear the new labels with a fresh view (their names map changes).
    if (before.anonymizeStudents !== after.anonymizeStudents) this.emit('studentViewChanged', classId);
  }

  /**
   * The teacher edits the class's task: every group board's task card is rewritten (all or none) and the
   * students' class bars hear the new prompt.
   */
  setTaskPrompt(classId: string, taskPrompt: string): Result<null> {
    const c = this.deps.store.getClass(classId);
    if (!c) return fail('not_found', 'no such class');
    if (c.taskPrompt === taskPrompt) return ok(null);
    const result = this.taskCard.setPrompt(classId, taskPrompt);
    if (result.ok) this.emit('taskPromptChanged', classId, taskPrompt);
    return result;
  }

  /** Which boards the projector shows, and whether it anonymizes names. */
  setProjection(classId: string, projection: Pick<Projection, 'boardIds' | 'anonymize'>): Result<Projection> {
    const groupBoards = new Set(this.deps.store.groupsOf(classId).map((g) => g.boardId));
    const stranger = projection.boardIds.find((id) => !groupBoards.has(id));
    if (stranger) return fail('not_found', `board ${stranger} is not a group board of this class`);
    this.deps.store.updateClass(classId, {
      projectedBoardIds: [...new Set(projection.boardIds)],
      anonymize: projection.anonymize,
    });
    this.emit('projectionChanged', classId);
    return ok(this.projection(classId));
  }

  /**
   * Frames one region of a group board on the projector (null ends the spotlight). Kept with the projection,
   * so a projector that reconnects or reloads shows the same frame.
   */
  setSpotlight(classId: string, spotlight: Spotlight | null): Result<Projection> {
    if (spotlight) {
      const onGroupBoard = this.deps.store.groupsOf(classId).some((g) => g.boardId === spotlight.boardId);
      if (!onGroupBoard)
        return fail('not_found', `board ${spotlight.boardId} is not a group board of this class`);
    }
    this.deps.store.updateClass(classId, { spotlight });
    this.emit('projectionChanged', classId);
    return ok(this.projection(classId));
  }

  private projection(classId: string): Projection {
    const c = this.deps.store.getClass(classId) as ClassRow;
    return { boardIds: c.projectedBoardIds, anonymize: c.anonymize, spotlight: c.spotlight };
  }

  /**
   * What a viewer of the class may see. Names ride outside the boards (which carry opaque ids only): the
   * projector gets pseudonyms when the teacher anonymizes, so no real name ever reaches its page.
   */
  classView(p: Principal): ClassView | undefined {
    const c = this.deps.store.getClass(p.classId);
    if (!c) return undefined;
    const students = this.deps.store.studentsOf(p.classId);
    const names = viewerNames(p, c, students);
    return {
      classId: c.classId,
      title: c.title,
      taskPrompt: c.taskPrompt,
      joinCode: can(p.role, 'joinCode.view') ? c.joinCode : '',
      paused: c.paused || c.ended,
      ended: c.ended,
      graphPaper: c.graphPaper,
      reflectionOpen: c.reflectionOpen,
      projection: { boardIds: c.projectedBoardIds, anonymize: c.anonymize, spotlight: c.spotlight },
      names,
      colors: {
        teacher: TEACHER_COLOR,
        ...Object.fromEntries(students.map((s) => [s.studentId, studentColor(s)])),
      },
      groupNames: Object.fromEntries(this.deps.store.groupsOf(p.classId).map((g) => [g.boardId, g.name])),
    };
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
      this.deps.rooms.transact(group.boardId, (room) =>
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
        }),
      );
      this.emit('marksRemoved', classId, studentId, group.boardId);
    }
    return ok({ removedRecords });
  }

  /**
   * Deletes the class and all its data for good: boards with their update logs and snapshots, images, students,
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
    this.assets.deleteClass(classId); // the images uploaded for its boards and template
    this.presence.clearHands(classId);
    // A deleted class's boards leave nothing in memory either: no activity, no cached board → class answer.
    for (const boardId of boardIds) {
      this.presence.forgetBoard(boardId);
      this.boards.forgetBoard(boardId);
    }
    this.deps.rooms.store.compact();
    return ok(null);
  }

  // Sessions: the class's keys and join code, traded for signed session tokens.

  createClass(input: { title: string; taskPrompt: string }): NewClass {
    return this.sessions.createClass(input);
  }

  startTeacherSession(classId: string, key: string): Result<string> {
    return this.sessions.startTeacherSession(classId, key);
  }

  startProjectorSession(classId: string, key: string): Result<string> {
    return this.sessions.startProjectorSession(classId, key);
  }

  rotateProjectorKey(classId: string): string {
    return this.sessions.rotateProjectorKey(classId);
  }

  startCoachSession(classId: string, key: string): Result<string> {
    return this.sessions.startCoachSession(classId, key);
  }

  newCoachKey(classId: string): string {
    return this.sessions.newCoachKey(classId);
  }

  revokeCoachKey(classId: string): void {
    this.sessions.revokeCoachKey(classId);
  }

  coachLinkState(classId: string): CoachLinkState {
    return this.sessions.coachLinkState(classId);
  }

  /** The class a join code (as typed) names, if any: checked before any limit, so a right code is known. */
  classOfJoinCode(joinCode: string): string | undefined {
    const code = normalizeJoinCode(joinCode);
    return code ? this.deps.store.getClassByJoinCode(code)?.classId : undefined;
  }

  join(input: Parameters<ClassSessions['join']>[0]): Result<JoinedClass> {
    return this.sessions.join(input);
  }

  authenticate(token: string): Principal | null {
    return this.sessions.authenticate(token);
  }

  checkToken(token: string): { ok: true; principal: Principal } | { ok: false; reason: string } {
    return this.sessions.checkToken(token);
  }

  /** When a session expires (null: unknown); see ClassSessions.expiresAt. */
  sessionExpiresAt(sessionId: string): number | null {
    return this.sessions.expiresAt(sessionId);
  }

  /** Deletes sessions long expired; see ClassSessions.deleteExpiredSessions. */
  deleteExpiredSessions(): number {
    return this.sessions.deleteExpiredSessions();
  }

  identityOf(p: Principal): Identity {
    return this.sessions.identityOf(p);
  }

  // Groups: each with its own board, and which group each student is in.

  createGroup(classId: string, name?: string, attemptId?: string): Result<Group> {
    return this.groups.createGroup(classId, name, attemptId);
  }

  createAutoNamedGroup(classId: string): Group {
    return this.groups.createAutoNamedGroup(classId);
  }

  assignStudent(classId: string, studentId: string, groupId: string | null, move: StudentMove): Result<null> {
    return this.groups.assignStudent(classId, studentId, groupId, move);
  }

  renameGroup(classId: string, groupId: string, name: string): Result<Group> {
    return this.groups.renameGroup(classId, groupId, name);
  }

  deleteGroup(classId: string, groupId: string, options: { force: boolean }): Result<null> {
    return this.groups.deleteGroup(classId, groupId, options);
  }

  // Live presence (memory only): raised hands, who is online, per-board activity.

  /** The teacher lowers a student's hand: a student of this class (an id from elsewhere is not_found). */
  clearHand(classId: string, studentId: string): Result<null> {
    if (this.deps.store.getStudent(studentId)?.classId !== classId)
      return fail('not_found', 'no such student in this class');
    this.presence.setHand(classId, studentId, false);
    return ok(null);
  }

  /** A student raises or lowers their own hand; not while the class is paused or ended. */
  raiseHand(p: Principal, raised: boolean): Result<null> {
    const c = this.deps.store.getClass(p.classId);
    if (!c || !p.studentId) return fail('forbidden', 'only students raise hands');
    const refused = refusalNow(p.role, 'hands.raise', c);
    if (refused) return refused;
    this.presence.setHand(p.classId, p.studentId, raised);
    return ok(null);
  }

  raisedHands(classId: string): string[] {
    return this.presence.raisedHands(classId);
  }

  studentConnected(classId: string, studentId: string, delta: 1 | -1): void {
    this.presence.studentConnected(classId, studentId, delta);
  }

  recordActivity(boardId: string, authors: string[], at: number): void {
    this.presence.recordActivity(boardId, authors, at);
  }

  groupActivity(classId: string): GroupActivity[] {
    return this.presence.groupActivity(classId);
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

  /** Which other groups' boards a class's students may view while following the teacher (none by default). */
  letFollowersView(followed: (classId: string) => ReadonlySet<string>): void {
    this.boards.followedBoards = followed;
  }

  groupOfBoard(boardId: string): string | null {
    return this.boards.groupOfBoard(boardId);
  }

  classOfBoard(boardId: string): string | undefined {
    return this.boards.classOfBoard(boardId);
  }
}

/** The server-assigned palette colour; a student stored before colours were assigned keeps the old hash. */
const studentColor = (s: { studentId: string; colorIndex: number | null }): string =>
  paletteColor(s.colorIndex) ?? colorForUser(s.studentId);
