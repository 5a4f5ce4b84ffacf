import { describe, expect, it } from 'vitest';
import type { Answer, Question } from '@conjecture/shared';
import { aClass } from '../test/classState.js';
import { foldTeacherEvent, withoutWipesOf, type TeacherLiveState } from './teacherEvents.js';

const cls = aClass();
const question: Question = {
  questionId: 'q1',
  groupId: null,
  text: 'How do you know?',
  anchorShapeId: null,
  createdAt: 1,
  answers: [],
};
const answer: Answer = {
  answerId: 'a1',
  questionId: 'q1',
  studentId: 'student-001',
  text: '2/3',
  createdAt: 2,
};
const start: TeacherLiveState = { cls, questions: [], activity: [], hands: [], undoneWipes: [] };

describe('foldTeacherEvent', () => {
  it('folds presence, hands, activity, pause and projection into the state it was given', () => {
    let s = foldTeacherEvent(start, {
      name: 'presenceChanged',
      payload: { classId: 'c', online: ['student-001'] },
    });
    s = foldTeacherEvent(s, { name: 'handsChanged', payload: { classId: 'c', raised: ['student-001'] } });
    s = foldTeacherEvent(s, { name: 'classPaused', payload: { classId: 'c', paused: true, ended: false } });
    s = foldTeacherEvent(s, { name: 'activityChanged', payload: { classId: 'c', groups: [] } });
    expect(s.cls).toMatchObject({ online: ['student-001'], paused: true });
    expect(s.hands).toEqual(['student-001']);
    expect(start.cls.paused).toBe(false); // the given state is never changed
  });

  it('keeps the teacher’s pause apart from the class’s end (ending does not turn "Pause" into "Resume")', () => {
    const s = foldTeacherEvent(start, {
      name: 'classPaused',
      payload: { classId: 'c', paused: false, ended: true },
    });
    expect(s.cls).toMatchObject({ paused: false, ended: true });
  });

  it('adds a posed question once and an answer once, however often they arrive', () => {
    let s = foldTeacherEvent(start, { name: 'questionPosed', payload: { question } });
    s = foldTeacherEvent(s, { name: 'questionPosed', payload: { question } });
    s = foldTeacherEvent(s, { name: 'answerPosted', payload: { answer } });
    s = foldTeacherEvent(s, { name: 'answerPosted', payload: { answer } });
    expect(s.questions).toHaveLength(1);
    expect(s.questions[0]?.answers).toEqual([answer]);
  });

  it('takes the projection, spotlight included, from projectionChanged', () => {
    const spotlight = { boardId: 'board-0001', region: { x: 0, y: 0, w: 10, h: 10 }, shapeId: null };
    const view = { projection: { boardIds: ['board-0001'], anonymize: true, spotlight } } as never;
    const s = foldTeacherEvent(start, { name: 'projectionChanged', payload: view });
    expect(s.cls).toMatchObject({ projectedBoardIds: ['board-0001'], anonymize: true, spotlight });
  });

  it('keeps each undone wipe or flood once until the teacher opens its board', () => {
    const wipe = {
      classId: 'c',
      boardId: 'b1',
      studentId: 'student-002',
      count: 40,
      undone: 'deleted' as const,
      at: 5,
    };
    let s = foldTeacherEvent(start, { name: 'wipeUndone', payload: wipe });
    s = foldTeacherEvent(s, { name: 'wipeUndone', payload: wipe });
    // the same change may both delete others' work and add a flood: two alerts
    s = foldTeacherEvent(s, { name: 'wipeUndone', payload: { ...wipe, undone: 'added', count: 900 } });
    s = foldTeacherEvent(s, { name: 'wipeUndone', payload: { ...wipe, boardId: 'b2', at: 6 } });
    expect(s.undoneWipes).toEqual([
      { boardId: 'b1', studentId: 'student-002', count: 40, undone: 'deleted', at: 5 },
      { boardId: 'b1', studentId: 'student-002', count: 900, undone: 'added', at: 5 },
      { boardId: 'b2', studentId: 'student-002', count: 40, undone: 'deleted', at: 6 },
    ]);
    expect(withoutWipesOf(s, 'b1').undoneWipes.map((w) => w.boardId)).toEqual(['b2']);
  });
});
