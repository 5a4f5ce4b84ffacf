import { describe, expect, it } from 'vitest';
import type { Role } from '@conjecture/shared';
import type { ClassroomStore, ClassRow, StudentRow } from './classroomStore.js';
import { NameTakenError, StudentIdTakenError } from './classroomStore.js';

/** A store and a way to open the same data again (null for stores that keep nothing). */
export interface ClassroomStoreFixture {
  open(): ClassroomStore;
  reopen: ((store: ClassroomStore) => ClassroomStore | Promise<ClassroomStore>) | null;
}

export const classRow = (classId: string, over: Partial<ClassRow> = {}): ClassRow => ({
  classId,
  title: `Class ${classId}`,
  taskPrompt: 'Which is the better deal?',
  joinCode: `J${classId}`.slice(0, 6).toUpperCase(),
  teacherKeyHash: 'teacher-hash',
  projectorKeyHash: 'projector-hash',
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
  createdAt: 1_000,
  ...over,
});

export const studentRow = (
  studentId: string,
  classId: string,
  displayName: string,
  at = 2_000,
): StudentRow => ({
  studentId,
  classId,
  displayName,
  groupId: null,
  colorIndex: null,
  createdAt: at,
});

/**
 * What every ClassroomStore does — the embedded SQLite store today, a networked one tomorrow — written once
 * against the interface, so a new implementation is checked by the same cases.
 */
export function classroomStoreContract(name: string, fixture: ClassroomStoreFixture): void {
  describe(`${name} (ClassroomStore contract)`, () => {
    it('creates, finds (by id and join code) and patches a class, keeping every setting', () => {
      const store = fixture.open();
      // Not the defaults of a new class: a store must keep what it is given.
      const given = { joinCode: 'ABC123', graphPaper: true, anonymize: true, projectedBoardIds: ['b0'] };
      store.createClass(classRow('c1', given));
      expect(store.getClass('c1')).toEqual(classRow('c1', given));
      expect(store.getClassByJoinCode('ABC123')?.classId).toBe('c1');
      expect(store.getClass('nope')).toBeUndefined();
      store.updateClass('c1', {
        paused: true,
        projectedBoardIds: ['b1', 'b2'],
        spotlight: { boardId: 'b1', region: { x: 1, y: 2, w: 3, h: 4 }, shapeId: null },
        templateRecords: [{ id: 'shape:t' }],
        taskPrompt: 'New task',
        reflectionOpen: true,
        anonymizeStudents: true,
      });
      expect(store.getClass('c1')).toMatchObject({
        paused: true,
        joiningOpen: true,
        projectedBoardIds: ['b1', 'b2'],
        spotlight: { boardId: 'b1', region: { x: 1, y: 2, w: 3, h: 4 }, shapeId: null },
        templateRecords: [{ id: 'shape:t' }],
        taskPrompt: 'New task',
        reflectionOpen: true,
        anonymizeStudents: true,
      });
      store.updateClass('c1', { spotlight: null });
      expect(store.getClass('c1')?.spotlight).toBeNull();
      store.updateClass('c1', { coachKeyHash: 'coach-hash', coachKeyCreatedAt: 9 });
      expect(store.getClass('c1')).toMatchObject({ coachKeyHash: 'coach-hash', coachKeyCreatedAt: 9 });
      store.updateClass('c1', { coachKeyHash: null, coachKeyCreatedAt: null });
      expect(store.getClass('c1')).toMatchObject({ coachKeyHash: null, coachKeyCreatedAt: null });
      store.close();
    });

    it('lists the classes created before a time, oldest first', () => {
      const store = fixture.open();
      store.createClass(classRow('c2', { createdAt: 20, joinCode: 'BBB222' }));
      store.createClass(classRow('c1', { createdAt: 10, joinCode: 'AAA111' }));
      store.createClass(classRow('c3', { createdAt: 30, joinCode: 'CCC333' }));
      expect(store.classesCreatedBefore(30)).toEqual(['c1', 'c2']);
      expect(store.classesCreatedBefore(10)).toEqual([]);
      store.close();
    });

    it('keeps names unique per class regardless of case, and frees a removed student’s name', () => {
      const store = fixture.open();
      store.createClass(classRow('c1', { joinCode: 'AAA111' }));
      store.createClass(classRow('c2', { joinCode: 'BBB222' }));
      store.addStudent(studentRow('s1', 'c1', 'Ana'));
      expect(() => store.addStudent(studentRow('s2', 'c1', 'ANA'))).toThrow(NameTakenError);
      store.addStudent(studentRow('s3', 'c2', 'Ana')); // another class
      store.removeStudent('s1');
      expect(store.getStudent('s1')).toBeUndefined();
      expect(store.studentsOf('c1')).toEqual([]);
      store.addStudent(studentRow('s4', 'c1', 'ana'));
      expect(store.studentsOf('c1').map((s) => s.studentId)).toEqual(['s4']);
      // Names that only look different clash too; a removed student's id is never given again.
      expect(() => store.addStudent(studentRow('s5', 'c1', 'A\u200bn\u0430'))).toThrow(NameTakenError);
      expect(() => store.addStudent(studentRow('s1', 'c1', 'Bo'))).toThrow(StudentIdTakenError);
      store.close();
    });

    it('groups students, colours them, and leaves members without a group when it is deleted', () => {
      const store = fixture.open();
      store.createClass(classRow('c1'));
      store.addStudent(studentRow('s1', 'c1', 'Ana', 1));
      store.addStudent(studentRow('s2', 'c1', 'Ben', 2));
      store.addGroup({ groupId: 'g1', classId: 'c1', name: 'Group 1', boardId: 'b1', createdAt: 5 });
      store.addGroup({ groupId: 'g2', classId: 'c1', name: 'Group 2', boardId: 'b2', createdAt: 6 });
      store.setStudentGroup('s1', 'g1');
      store.setStudentGroup('s2', 'g1');
      store.setStudentColor('s2', 3);
      store.renameGroup('g1', 'Tables');
      expect(store.groupsOf('c1').map((g) => g.name)).toEqual(['Tables', 'Group 2']);
      expect(store.groupByBoard('b2')?.groupId).toBe('g2');
      expect(store.getStudent('s2')).toMatchObject({ groupId: 'g1', colorIndex: 3 });
      store.deleteGroup('g1');
      expect(store.getGroup('g1')).toBeUndefined();
      expect(store.studentsOf('c1').map((s) => s.groupId)).toEqual([null, null]);
      store.close();
    });

    it('keeps sessions and revokes them per student or per role', () => {
      const store = fixture.open();
      store.createClass(classRow('c1'));
      store.addStudent(studentRow('s1', 'c1', 'Ana'));
      const session = (sessionId: string, role: Role, studentId: string | null) =>
        store.createSession({ sessionId, classId: 'c1', role, studentId, revoked: false, createdAt: 7 });
      session('t', 'teacher', null);
      session('p', 'projector', null);
      session('c', 'coach', null);
      session('s', 'student', 's1');
      store.revokeStudentSessions('s1');
      store.revokeRoleSessions('c1', 'projector');
      expect(store.getSession('s')?.revoked).toBe(true);
      expect(store.getSession('p')?.revoked).toBe(true);
      expect(store.getSession('c')?.revoked).toBe(false);
      store.revokeRoleSessions('c1', 'coach');
      expect(store.getSession('c')?.revoked).toBe(true);
      expect(store.getSession('t')).toEqual({
        sessionId: 't',
        classId: 'c1',
        role: 'teacher',
        studentId: null,
        revoked: false,
        createdAt: 7,
      });
      store.close();
    });

    it('renames a student unless the name reads like a classmate’s, and notes which sessions were used', () => {
      const store = fixture.open();
      store.createClass(classRow('c1'));
      store.addStudent(studentRow('s1', 'c1', 'Ana'));
      store.addStudent(studentRow('s2', 'c1', 'Ben'));
      expect(() => store.renameStudent('s1', 'BEN')).toThrow(NameTakenError);
      store.renameStudent('s1', 'Ana P.');
      expect(store.getStudent('s1')?.displayName).toBe('Ana P.');
      store.addStudent(studentRow('s3', 'c1', 'Ana')); // the old name is free again

      const session = (sessionId: string, studentId: string) =>
        store.createSession({
          sessionId,
          classId: 'c1',
          role: 'student',
          studentId,
          revoked: false,
          createdAt: 7,
        });
      session('a1', 's1');
      session('b1', 's2');
      expect(store.studentSessionUsed('s1')).toBe(false);
      store.markSessionUsed('b1');
      store.markSessionUsed('b1');
      expect([store.studentSessionUsed('s1'), store.studentSessionUsed('s2')]).toEqual([false, true]);
      store.deleteStudentSessions('s1');
      expect(store.sessionsOfStudent('s1')).toEqual([]);
      expect(store.sessionsOfStudent('s2')).toHaveLength(1);
      store.close();
    });

    it('lists a student’s sessions, deletes sessions made before a time, and keeps the newest of a role', () => {
      const store = fixture.open();
      store.createClass(classRow('c1'));
      store.createClass(classRow('c2'));
      store.addStudent(studentRow('s1', 'c1', 'Ana'));
      const session = (sessionId: string, role: Role, at: number, classId = 'c1') =>
        store.createSession({
          sessionId,
          classId,
          role,
          studentId: role === 'student' ? 's1' : null,
          revoked: false,
          createdAt: at,
        });
      session('s-old', 'student', 10);
      session('s-new', 'student', 20);
      expect(store.sessionsOfStudent('s1').map((s) => s.sessionId)).toEqual(['s-old', 's-new']);
      expect(store.sessionsOfStudent('nobody')).toEqual([]);

      // Four projector sessions, two made in the same millisecond: the one stored later is the newer.
      for (const [id, at] of [
        ['p1', 1],
        ['p2', 2],
        ['p3', 3],
        ['p3b', 3],
      ] as const)
        session(id, 'projector', at);
      session('p-other', 'projector', 1, 'c2');
      session('t1', 'teacher', 1);
      expect(store.keepNewestSessions('c1', 'projector', 2)).toBe(2);
      expect(['p1', 'p2', 'p3', 'p3b'].filter((id) => store.getSession(id))).toEqual(['p3', 'p3b']);
      // Another class's sessions and another role's are not counted.
      expect(store.getSession('p-other')).toBeDefined();
      expect(store.getSession('t1')).toBeDefined();
      expect(store.keepNewestSessions('c1', 'projector', 2)).toBe(0);

      // Made before 10: gone, whatever the class or role; made at 10 or after: kept.
      expect(store.deleteSessionsCreatedBefore(10)).toBe(4);
      expect(['p3', 'p3b', 'p-other', 't1', 's-old'].filter((id) => store.getSession(id))).toEqual(['s-old']);
      expect(store.sessionsOfStudent('s1').map((s) => s.sessionId)).toEqual(['s-old', 's-new']);
      expect(store.deleteSessionsCreatedBefore(20)).toBe(1);
      expect(store.sessionsOfStudent('s1').map((s) => s.sessionId)).toEqual(['s-new']);
      store.close();
    });

    it('keeps drafts, questions and answers in order', () => {
      const store = fixture.open();
      store.createClass(classRow('c1'));
      store.addStudent(studentRow('s1', 'c1', 'Ana'));
      store.addDraft({ boardId: 'd1', classId: 'c1', studentId: 's1', createdAt: 3 });
      expect(store.draftOf('s1')?.boardId).toBe('d1');
      expect(store.draftByBoard('d1')?.studentId).toBe('s1');
      expect(store.draftsOf('c1')).toHaveLength(1);
      store.addQuestion({
        questionId: 'q2',
        classId: 'c1',
        groupId: null,
        text: 'Why?',
        anchorShapeId: null,
        createdAt: 9,
      });
      store.addQuestion({
        questionId: 'q1',
        classId: 'c1',
        groupId: null,
        text: 'How?',
        anchorShapeId: 'shape:a',
        createdAt: 8,
      });
      store.addAnswer({
        answerId: 'a1',
        questionId: 'q1',
        studentId: 's1',
        text: 'I divided',
        createdAt: 10,
      });
      expect(store.questionsOf('c1').map((q) => q.questionId)).toEqual(['q1', 'q2']);
      expect(store.getQuestion('q1')?.anchorShapeId).toBe('shape:a');
      expect(store.answersOf('q1').map((a) => a.text)).toEqual(['I divided']);
      store.close();
    });

    it('deletes a class with everything hanging off it, leaving other classes alone', () => {
      const store = fixture.open();
      for (const [classId, code] of [
        ['c1', 'AAA111'],
        ['c2', 'BBB222'],
      ] as const) {
        store.createClass(classRow(classId, { joinCode: code }));
        store.addStudent(studentRow(`${classId}-s`, classId, 'Ana'));
        store.addGroup({
          groupId: `${classId}-g`,
          classId,
          name: 'G',
          boardId: `${classId}-b`,
          createdAt: 1,
        });
        store.addQuestion({
          questionId: `${classId}-q`,
          classId,
          groupId: null,
          text: 'Q',
          anchorShapeId: null,
          createdAt: 1,
        });
        store.addAnswer({
          answerId: `${classId}-a`,
          questionId: `${classId}-q`,
          studentId: `${classId}-s`,
          text: 'A',
          createdAt: 1,
        });
      }
      store.deleteClass('c1');
      expect(store.getClass('c1')).toBeUndefined();
      expect(store.getStudent('c1-s')).toBeUndefined();
      expect(store.getGroup('c1-g')).toBeUndefined();
      expect(store.getQuestion('c1-q')).toBeUndefined();
      expect(store.answersOf('c1-q')).toEqual([]);
      expect(store.getClass('c2')).toBeDefined();
      expect(store.answersOf('c2-q')).toHaveLength(1);
      store.close();
    });

    if (fixture.reopen) {
      const reopen = fixture.reopen;
      it('keeps classes, students, groups and questions across a reopen', async () => {
        const store = fixture.open();
        store.createClass(classRow('c1', { graphPaper: true }));
        store.addStudent(studentRow('s1', 'c1', 'Ana'));
        store.addGroup({ groupId: 'g1', classId: 'c1', name: 'Group 1', boardId: 'b1', createdAt: 5 });
        store.addQuestion({
          questionId: 'q1',
          classId: 'c1',
          groupId: 'g1',
          text: 'How?',
          anchorShapeId: null,
          createdAt: 8,
        });
        const again = await reopen(store);
        expect(again.getClass('c1')?.graphPaper).toBe(true);
        expect(again.getStudent('s1')?.displayName).toBe('Ana');
        expect(again.groupByBoard('b1')?.name).toBe('Group 1');
        expect(again.questionsOf('c1')).toHaveLength(1);
        again.close();
      });
    }
  });
}
