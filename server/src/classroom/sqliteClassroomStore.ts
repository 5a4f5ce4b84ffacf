import type Database from 'better-sqlite3';
import type { Role, Spotlight } from '@conjecture/shared';
import { displayNameKey } from '@conjecture/shared';
import { migrate } from '../storage/database.js';
import type {
  AnswerRow,
  DraftRow,
  QuestionRow,
  ClassPatch,
  ClassroomStore,
  ClassRow,
  GroupRow,
  SessionRow,
  StudentRow,
} from './classroomStore.js';
import { NameTakenError, StudentIdTakenError } from './classroomStore.js';

const MIGRATIONS = [
  `
  CREATE TABLE classes (
    class_id           TEXT PRIMARY KEY,
    title              TEXT NOT NULL,
    task_prompt        TEXT NOT NULL,
    join_code          TEXT NOT NULL UNIQUE,
    teacher_key_hash   TEXT NOT NULL,
    projector_key_hash TEXT NOT NULL,
    joining_open       INTEGER NOT NULL,
    paused             INTEGER NOT NULL,
    ended              INTEGER NOT NULL,
    created_at         INTEGER NOT NULL
  );
  CREATE TABLE class_groups (
    group_id   TEXT PRIMARY KEY,
    class_id   TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    board_id   TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX class_groups_by_class ON class_groups(class_id);
  CREATE TABLE students (
    student_id   TEXT PRIMARY KEY,
    class_id     TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    name_key     TEXT NOT NULL,
    group_id     TEXT REFERENCES class_groups(group_id) ON DELETE SET NULL,
    removed      INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX students_unique_name ON students(class_id, name_key) WHERE removed = 0;
  CREATE TABLE sessions (
    session_id TEXT PRIMARY KEY,
    class_id   TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    role       TEXT NOT NULL,
    student_id TEXT REFERENCES students(student_id) ON DELETE CASCADE,
    revoked    INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_by_student ON sessions(student_id);
  `,
  `
  CREATE TABLE questions (
    question_id     TEXT PRIMARY KEY,
    class_id        TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    group_id        TEXT REFERENCES class_groups(group_id) ON DELETE CASCADE,
    text            TEXT NOT NULL,
    anchor_shape_id TEXT,
    created_at      INTEGER NOT NULL
  );
  CREATE INDEX questions_by_class ON questions(class_id, created_at);
  CREATE TABLE answers (
    answer_id   TEXT PRIMARY KEY,
    question_id TEXT NOT NULL REFERENCES questions(question_id) ON DELETE CASCADE,
    student_id  TEXT NOT NULL REFERENCES students(student_id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    created_at  INTEGER NOT NULL
  );
  CREATE INDEX answers_by_question ON answers(question_id, created_at);
  `,
  `
  ALTER TABLE classes ADD COLUMN anonymize INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE classes ADD COLUMN projected_board_ids TEXT NOT NULL DEFAULT '[]';
  `,
  `
  ALTER TABLE classes ADD COLUMN template_records TEXT NOT NULL DEFAULT '[]';
  CREATE TABLE drafts (
    board_id   TEXT PRIMARY KEY,
    class_id   TEXT NOT NULL REFERENCES classes(class_id) ON DELETE CASCADE,
    student_id TEXT NOT NULL UNIQUE REFERENCES students(student_id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX drafts_by_class ON drafts(class_id);
  `,
  `
  ALTER TABLE classes ADD COLUMN graph_paper INTEGER NOT NULL DEFAULT 0;
  `,
  `
  ALTER TABLE classes ADD COLUMN spotlight TEXT;
  `,
  `
  ALTER TABLE students ADD COLUMN color_index INTEGER;
  ALTER TABLE classes ADD COLUMN anonymize_dashboard INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE classes ADD COLUMN anonymize_students INTEGER NOT NULL DEFAULT 0;
  `,
  `
  ALTER TABLE classes ADD COLUMN reflection_open INTEGER NOT NULL DEFAULT 0;
  `,
  `
  ALTER TABLE classes ADD COLUMN coach_key_hash TEXT;
  ALTER TABLE classes ADD COLUMN coach_key_created_at INTEGER;
  `,
  `
  CREATE INDEX sessions_by_class_role ON sessions(class_id, role, created_at);
  CREATE INDEX sessions_by_age ON sessions(created_at);
  `,
  // Sessions stored before this count as used: a join's rename never rewrites a student made before it.
  `
  ALTER TABLE sessions ADD COLUMN used INTEGER NOT NULL DEFAULT 1;
  `,
];

/**
 * Names that read alike clash ("Ana" = "ANA" = "Ana" with a zero-width space or a Cyrillic "а"): the unique
 * index refuses the second. Rows stored before the key folded look-alikes keep the key they had.
 */
const nameKey = (name: string) => displayNameKey(name);

type ClassDbRow = {
  class_id: string;
  title: string;
  task_prompt: string;
  join_code: string;
  teacher_key_hash: string;
  projector_key_hash: string;
  coach_key_hash: string | null;
  coach_key_created_at: number | null;
  joining_open: number;
  paused: number;
  ended: number;
  anonymize: number;
  projected_board_ids: string;
  template_records: string;
  graph_paper: number;
  spotlight: string | null;
  anonymize_dashboard: number;
  anonymize_students: number;
  reflection_open: number;
  created_at: number;
};
const toClass = (r: ClassDbRow): ClassRow => ({
  classId: r.class_id,
  title: r.title,
  taskPrompt: r.task_prompt,
  joinCode: r.join_code,
  teacherKeyHash: r.teacher_key_hash,
  projectorKeyHash: r.projector_key_hash,
  coachKeyHash: r.coach_key_hash,
  coachKeyCreatedAt: r.coach_key_created_at,
  joiningOpen: r.joining_open === 1,
  paused: r.paused === 1,
  ended: r.ended === 1,
  anonymize: r.anonymize === 1,
  projectedBoardIds: JSON.parse(r.projected_board_ids) as string[],
  templateRecords: JSON.parse(r.template_records) as unknown[],
  graphPaper: r.graph_paper === 1,
  spotlight: r.spotlight === null ? null : (JSON.parse(r.spotlight) as Spotlight),
  anonymizeDashboard: r.anonymize_dashboard === 1,
  anonymizeStudents: r.anonymize_students === 1,
  reflectionOpen: r.reflection_open === 1,
  createdAt: r.created_at,
});
type StudentDbRow = {
  student_id: string;
  class_id: string;
  display_name: string;
  group_id: string | null;
  color_index: number | null;
  created_at: number;
};
const toStudent = (r: StudentDbRow): StudentRow => ({
  studentId: r.student_id,
  classId: r.class_id,
  displayName: r.display_name,
  groupId: r.group_id,
  colorIndex: r.color_index,
  createdAt: r.created_at,
});
type GroupDbRow = { group_id: string; class_id: string; name: string; board_id: string; created_at: number };
type DraftDbRow = { board_id: string; class_id: string; student_id: string; created_at: number };
const toDraft = (r: DraftDbRow): DraftRow => ({
  boardId: r.board_id,
  classId: r.class_id,
  studentId: r.student_id,
  createdAt: r.created_at,
});
type QuestionDbRow = {
  question_id: string;
  class_id: string;
  group_id: string | null;
  text: string;
  anchor_shape_id: string | null;
  created_at: number;
};
const toQuestion = (r: QuestionDbRow): QuestionRow => ({
  questionId: r.question_id,
  classId: r.class_id,
  groupId: r.group_id,
  text: r.text,
  anchorShapeId: r.anchor_shape_id,
  createdAt: r.created_at,
});
const toGroup = (r: GroupDbRow): GroupRow => ({
  groupId: r.group_id,
  classId: r.class_id,
  name: r.name,
  boardId: r.board_id,
  createdAt: r.created_at,
});

type SessionDbRow = {
  session_id: string;
  class_id: string;
  role: Role;
  student_id: string | null;
  revoked: number;
  created_at: number;
};
const toSession = (r: SessionDbRow): SessionRow => ({
  sessionId: r.session_id,
  classId: r.class_id,
  role: r.role,
  studentId: r.student_id,
  revoked: r.revoked === 1,
  createdAt: r.created_at,
});

export class SqliteClassroomStore implements ClassroomStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    migrate(db, 'classroom', MIGRATIONS);
  }

  /** Statements are prepared once: some of these run on every stored board update. */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  createClass(c: ClassRow): void {
    // Every column, so a class is stored as given (not only as the defaults a new class happens to have).
    this.stmt(
      `INSERT INTO classes (class_id, title, task_prompt, join_code, teacher_key_hash, projector_key_hash,
           coach_key_hash, coach_key_created_at, joining_open, paused, ended, anonymize, projected_board_ids,
           template_records, graph_paper, spotlight, anonymize_dashboard, anonymize_students, reflection_open,
           created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      c.classId,
      c.title,
      c.taskPrompt,
      c.joinCode,
      c.teacherKeyHash,
      c.projectorKeyHash,
      c.coachKeyHash,
      c.coachKeyCreatedAt,
      Number(c.joiningOpen),
      Number(c.paused),
      Number(c.ended),
      Number(c.anonymize),
      JSON.stringify(c.projectedBoardIds),
      JSON.stringify(c.templateRecords),
      Number(c.graphPaper),
      c.spotlight === null ? null : JSON.stringify(c.spotlight),
      Number(c.anonymizeDashboard),
      Number(c.anonymizeStudents),
      Number(c.reflectionOpen),
      c.createdAt,
    );
  }

  getClass(classId: string): ClassRow | undefined {
    const r = this.stmt('SELECT * FROM classes WHERE class_id = ?').get(classId) as ClassDbRow | undefined;
    return r && toClass(r);
  }

  classesCreatedBefore(at: number): string[] {
    return (
      this.stmt('SELECT class_id FROM classes WHERE created_at < ? ORDER BY created_at').all(at) as Array<{
        class_id: string;
      }>
    ).map((r) => r.class_id);
  }

  getClassByJoinCode(joinCode: string): ClassRow | undefined {
    const r = this.stmt('SELECT * FROM classes WHERE join_code = ?').get(joinCode) as ClassDbRow | undefined;
    return r && toClass(r);
  }

  updateClass(classId: string, patch: ClassPatch): void {
    const columns: Record<keyof ClassPatch, string> = {
      joiningOpen: 'joining_open',
      paused: 'paused',
      ended: 'ended',
      projectorKeyHash: 'projector_key_hash',
      coachKeyHash: 'coach_key_hash',
      coachKeyCreatedAt: 'coach_key_created_at',
      anonymize: 'anonymize',
      projectedBoardIds: 'projected_board_ids',
      templateRecords: 'template_records',
      graphPaper: 'graph_paper',
      spotlight: 'spotlight',
      taskPrompt: 'task_prompt',
      anonymizeDashboard: 'anonymize_dashboard',
      anonymizeStudents: 'anonymize_students',
      reflectionOpen: 'reflection_open',
    };
    for (const [key, value] of Object.entries(patch) as Array<[keyof ClassPatch, unknown]>) {
      if (value === undefined) continue;
      this.stmt(`UPDATE classes SET ${columns[key]} = ? WHERE class_id = ?`).run(
        typeof value === 'boolean'
          ? Number(value)
          : value !== null && typeof value === 'object'
            ? JSON.stringify(value)
            : value,
        classId,
      );
    }
  }

  addStudent(s: StudentRow): void {
    try {
      this.stmt(
        `INSERT INTO students (student_id, class_id, display_name, name_key, group_id, color_index, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        s.studentId,
        s.classId,
        s.displayName,
        nameKey(s.displayName),
        s.groupId,
        s.colorIndex,
        s.createdAt,
      );
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new NameTakenError(s.displayName);
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StudentIdTakenError(s.studentId);
      throw err;
    }
  }

  getStudent(studentId: string): StudentRow | undefined {
    const r = this.stmt('SELECT * FROM students WHERE student_id = ? AND removed = 0').get(studentId) as
      StudentDbRow | undefined;
    return r && toStudent(r);
  }

  studentsOf(classId: string): StudentRow[] {
    return (
      this.stmt(
        'SELECT * FROM students WHERE class_id = ? AND removed = 0 ORDER BY created_at, student_id',
      ).all(classId) as StudentDbRow[]
    ).map(toStudent);
  }

  renameStudent(studentId: string, displayName: string): void {
    try {
      this.stmt('UPDATE students SET display_name = ?, name_key = ? WHERE student_id = ?').run(
        displayName,
        nameKey(displayName),
        studentId,
      );
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw new NameTakenError(displayName);
      throw err;
    }
  }

  setStudentGroup(studentId: string, groupId: string | null): void {
    this.stmt('UPDATE students SET group_id = ? WHERE student_id = ?').run(groupId, studentId);
  }

  setStudentColor(studentId: string, colorIndex: number): void {
    this.stmt('UPDATE students SET color_index = ? WHERE student_id = ?').run(colorIndex, studentId);
  }

  createSession(s: SessionRow): void {
    this.stmt(
      'INSERT INTO sessions (session_id, class_id, role, student_id, revoked, created_at, used) VALUES (?, ?, ?, ?, ?, ?, 0)',
    ).run(s.sessionId, s.classId, s.role, s.studentId, Number(s.revoked), s.createdAt);
  }

  getSession(sessionId: string): SessionRow | undefined {
    const r = this.stmt('SELECT * FROM sessions WHERE session_id = ?').get(sessionId) as
      SessionDbRow | undefined;
    return r && toSession(r);
  }

  sessionsOfStudent(studentId: string): SessionRow[] {
    return (
      this.stmt('SELECT * FROM sessions WHERE student_id = ? ORDER BY created_at, rowid').all(
        studentId,
      ) as SessionDbRow[]
    ).map(toSession);
  }

  markSessionUsed(sessionId: string): void {
    // Matches no row once used: one write per session's life, not one per request.
    this.stmt('UPDATE sessions SET used = 1 WHERE session_id = ? AND used = 0').run(sessionId);
  }

  studentSessionUsed(studentId: string): boolean {
    return (
      this.stmt('SELECT 1 FROM sessions WHERE student_id = ? AND used = 1 LIMIT 1').get(studentId) !==
      undefined
    );
  }

  deleteStudentSessions(studentId: string): void {
    this.stmt('DELETE FROM sessions WHERE student_id = ?').run(studentId);
  }

  deleteSessionsCreatedBefore(at: number): number {
    return this.stmt('DELETE FROM sessions WHERE created_at < ?').run(at).changes;
  }

  keepNewestSessions(classId: string, role: Role, keep: number): number {
    // rowid breaks ties between sessions made in the same millisecond: the later insert is the newer.
    return this.stmt(
      `DELETE FROM sessions WHERE rowid IN (
         SELECT rowid FROM sessions WHERE class_id = ? AND role = ?
         ORDER BY created_at DESC, rowid DESC LIMIT -1 OFFSET ?)`,
    ).run(classId, role, keep).changes;
  }

  revokeStudentSessions(studentId: string): void {
    this.stmt('UPDATE sessions SET revoked = 1 WHERE student_id = ?').run(studentId);
  }

  revokeRoleSessions(classId: string, role: Role): void {
    this.stmt('UPDATE sessions SET revoked = 1 WHERE class_id = ? AND role = ?').run(classId, role);
  }

  addGroup(g: GroupRow): void {
    this.stmt(
      'INSERT INTO class_groups (group_id, class_id, name, board_id, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(g.groupId, g.classId, g.name, g.boardId, g.createdAt);
  }

  getGroup(groupId: string): GroupRow | undefined {
    const r = this.stmt('SELECT * FROM class_groups WHERE group_id = ?').get(groupId) as
      GroupDbRow | undefined;
    return r && toGroup(r);
  }

  groupsOf(classId: string): GroupRow[] {
    return (
      this.stmt('SELECT * FROM class_groups WHERE class_id = ? ORDER BY created_at, group_id').all(
        classId,
      ) as GroupDbRow[]
    ).map(toGroup);
  }

  groupByBoard(boardId: string): GroupRow | undefined {
    const r = this.stmt('SELECT * FROM class_groups WHERE board_id = ?').get(boardId) as
      GroupDbRow | undefined;
    return r && toGroup(r);
  }

  renameGroup(groupId: string, name: string): void {
    this.stmt('UPDATE class_groups SET name = ? WHERE group_id = ?').run(name, groupId);
  }

  deleteGroup(groupId: string): void {
    this.db.transaction(() => {
      // Explicit, not left to ON DELETE SET NULL: the members' rows must not depend on the pragma.
      this.stmt('UPDATE students SET group_id = NULL WHERE group_id = ?').run(groupId);
      this.stmt('DELETE FROM class_groups WHERE group_id = ?').run(groupId);
    })();
  }

  addDraft(d: DraftRow): void {
    this.stmt('INSERT INTO drafts (board_id, class_id, student_id, created_at) VALUES (?, ?, ?, ?)').run(
      d.boardId,
      d.classId,
      d.studentId,
      d.createdAt,
    );
  }

  draftOf(studentId: string): DraftRow | undefined {
    const r = this.stmt('SELECT * FROM drafts WHERE student_id = ?').get(studentId) as DraftDbRow | undefined;
    return r && toDraft(r);
  }

  draftByBoard(boardId: string): DraftRow | undefined {
    const r = this.stmt('SELECT * FROM drafts WHERE board_id = ?').get(boardId) as DraftDbRow | undefined;
    return r && toDraft(r);
  }

  draftsOf(classId: string): DraftRow[] {
    return (this.stmt('SELECT * FROM drafts WHERE class_id = ?').all(classId) as DraftDbRow[]).map(toDraft);
  }

  addQuestion(q: QuestionRow): void {
    this.stmt(
      'INSERT INTO questions (question_id, class_id, group_id, text, anchor_shape_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(q.questionId, q.classId, q.groupId, q.text, q.anchorShapeId, q.createdAt);
  }

  getQuestion(questionId: string): QuestionRow | undefined {
    const r = this.stmt('SELECT * FROM questions WHERE question_id = ?').get(questionId) as
      QuestionDbRow | undefined;
    return r && toQuestion(r);
  }

  questionsOf(classId: string): QuestionRow[] {
    return (
      this.stmt('SELECT * FROM questions WHERE class_id = ? ORDER BY created_at, question_id').all(
        classId,
      ) as QuestionDbRow[]
    ).map(toQuestion);
  }

  addAnswer(a: AnswerRow): void {
    this.stmt(
      'INSERT INTO answers (answer_id, question_id, student_id, text, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(a.answerId, a.questionId, a.studentId, a.text, a.createdAt);
  }

  answersOf(questionId: string): AnswerRow[] {
    return (
      this.stmt('SELECT * FROM answers WHERE question_id = ? ORDER BY created_at, answer_id').all(
        questionId,
      ) as Array<{
        answer_id: string;
        question_id: string;
        student_id: string;
        text: string;
        created_at: number;
      }>
    ).map((r) => ({
      answerId: r.answer_id,
      questionId: r.question_id,
      studentId: r.student_id,
      text: r.text,
      createdAt: r.created_at,
    }));
  }

  removeStudent(studentId: string): void {
    this.db.transaction(() => {
      this.stmt('UPDATE students SET removed = 1, group_id = NULL WHERE student_id = ?').run(studentId);
      this.stmt('UPDATE sessions SET revoked = 1 WHERE student_id = ?').run(studentId);
    })();
  }

  deleteClass(classId: string): void {
    this.stmt('DELETE FROM classes WHERE class_id = ?').run(classId);
  }

  close(): void {}
}
