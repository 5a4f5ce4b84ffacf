import type { Role, Spotlight } from '@conjecture/shared';

export interface ClassRow {
  classId: string;
  title: string;
  taskPrompt: string;
  joinCode: string;
  /** SHA-256 of the teacher's secret: the secret itself is never stored. */
  teacherKeyHash: string;
  projectorKeyHash: string;
  /** SHA-256 of the coach link's secret, while the teacher has one on (null: no coach link). */
  coachKeyHash: string | null;
  /** When the coach link on was made. */
  coachKeyCreatedAt: number | null;
  joiningOpen: boolean;
  paused: boolean;
  ended: boolean;
  /** The projector replaces names with pseudonyms. */
  anonymize: boolean;
  /** The group boards the projector shows, in order (0–4). */
  projectedBoardIds: string[];
  /** The projector shows only this region of one group board, while it is set. */
  spotlight: Spotlight | null;
  /** The teacher's template: records placed (locked) on every group board, now and later. */
  templateRecords: unknown[];
  /** Boards show a squared graph-paper background. */
  graphPaper: boolean;
  /** The dashboard shows pseudonyms (it is often screen-shared). */
  anonymizeDashboard: boolean;
  /** Students see each other (cursors, authorship, critique replies) under pseudonyms. */
  anonymizeStudents: boolean;
  /** Students are asked for their end-of-lesson reflection. */
  reflectionOpen: boolean;
  createdAt: number;
}

export interface StudentRow {
  studentId: string;
  classId: string;
  displayName: string;
  groupId: string | null;
  /** Index into the palette (USER_COLORS): unique within the student's group, set on join and on each move. */
  colorIndex: number | null;
  createdAt: number;
}

export interface SessionRow {
  sessionId: string;
  classId: string;
  role: Role;
  studentId: string | null;
  revoked: boolean;
  createdAt: number;
}

export interface GroupRow {
  groupId: string;
  classId: string;
  name: string;
  boardId: string;
  createdAt: number;
}

export interface DraftRow {
  boardId: string;
  classId: string;
  studentId: string;
  createdAt: number;
}

export interface QuestionRow {
  questionId: string;
  classId: string;
  /** null: posed to every group. */
  groupId: string | null;
  text: string;
  anchorShapeId: string | null;
  createdAt: number;
}

export interface AnswerRow {
  answerId: string;
  questionId: string;
  studentId: string;
  text: string;
  createdAt: number;
}

export type ClassPatch = Partial<
  Pick<
    ClassRow,
    | 'joiningOpen'
    | 'paused'
    | 'ended'
    | 'projectorKeyHash'
    | 'coachKeyHash'
    | 'coachKeyCreatedAt'
    | 'anonymize'
    | 'projectedBoardIds'
    | 'spotlight'
    | 'templateRecords'
    | 'graphPaper'
    | 'taskPrompt'
    | 'anonymizeDashboard'
    | 'anonymizeStudents'
    | 'reflectionOpen'
  >
>;

export class NameTakenError extends Error {}
/** A student id is never given twice, not even once its student was removed. */
export class StudentIdTakenError extends Error {}

/** Classes, students, sessions and groups: everything about a lesson that is not board content. */
export interface ClassroomStore {
  createClass(row: ClassRow): void;
  getClass(classId: string): ClassRow | undefined;
  getClassByJoinCode(joinCode: string): ClassRow | undefined;
  /** Ids of the classes created before a time, oldest first: the only ones a retention period can have ended. */
  classesCreatedBefore(at: number): string[];
  updateClass(classId: string, patch: ClassPatch): void;
  /** Throws NameTakenError when an active student of the class already has a name that reads alike (`displayNameKey`),
   * StudentIdTakenError when the id is, or was, a student's. */
  addStudent(row: StudentRow): void;
  getStudent(studentId: string): StudentRow | undefined;
  studentsOf(classId: string): StudentRow[];
  /** Throws NameTakenError when another active student of the class has a name that reads alike. */
  renameStudent(studentId: string, displayName: string): void;
  setStudentGroup(studentId: string, groupId: string | null): void;
  setStudentColor(studentId: string, colorIndex: number): void;
  createSession(row: SessionRow): void;
  getSession(sessionId: string): SessionRow | undefined;
  /** A student's sessions, oldest first. */
  sessionsOfStudent(studentId: string): SessionRow[];
  /** Notes that a session's bearer presented it (a request or a connection); sessions from before count as used. */
  markSessionUsed(sessionId: string): void;
  /** Whether any session of the student, revoked or expired too, was ever presented. */
  studentSessionUsed(studentId: string): boolean;
  /** Deletes a student's sessions (a join's rename replaces the ones nobody presented). */
  deleteStudentSessions(studentId: string): void;
  /** Deletes every session created before a time, of any class and role; returns how many went. */
  deleteSessionsCreatedBefore(at: number): number;
  /** Deletes all but the `keep` newest sessions of a role in a class (by creation); returns how many went. */
  keepNewestSessions(classId: string, role: Role, keep: number): number;
  revokeStudentSessions(studentId: string): void;
  revokeRoleSessions(classId: string, role: Role): void;
  addGroup(row: GroupRow): void;
  getGroup(groupId: string): GroupRow | undefined;
  groupsOf(classId: string): GroupRow[];
  groupByBoard(boardId: string): GroupRow | undefined;
  renameGroup(groupId: string, name: string): void;
  /** Deletes the group row; its members become unassigned and the questions posed to it go with it. */
  deleteGroup(groupId: string): void;
  /** A student's private draft board (think time): created on first use, seen by the student and the teacher only. */
  addDraft(row: DraftRow): void;
  draftOf(studentId: string): DraftRow | undefined;
  draftByBoard(boardId: string): DraftRow | undefined;
  draftsOf(classId: string): DraftRow[];
  addQuestion(row: QuestionRow): void;
  getQuestion(questionId: string): QuestionRow | undefined;
  questionsOf(classId: string): QuestionRow[];
  addAnswer(row: AnswerRow): void;
  answersOf(questionId: string): AnswerRow[];
  /** Marks a student removed (their name is free again) and revokes their sessions. */
  removeStudent(studentId: string): void;
  /** Deletes a class and everything hanging off it (students, sessions, groups). */
  deleteClass(classId: string): void;
  close(): void;
}
