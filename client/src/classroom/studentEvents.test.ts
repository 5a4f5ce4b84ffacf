import { describe, expect, it } from 'vitest';
import type { ClassView, Group } from '@conjecture/shared';
import { foldStudentEvent, type StudentLiveState } from './studentEvents.js';

const view = { classId: 'class-0001', title: 'Ratios', taskPrompt: 'Old task', paused: false } as ClassView;
const group: Group = { groupId: 'group-0001', name: 'Lions', boardId: 'board-0001' } as Group;
const start: StudentLiveState = { group: null, paused: false, view };

describe('foldStudentEvent', () => {
  it('moves the student, pauses the class and rewrites the task, leaving the given state alone', () => {
    let s = foldStudentEvent(start, { name: 'groupAssigned', payload: { group } });
    s = foldStudentEvent(s, {
      name: 'classPaused',
      payload: { classId: 'class-0001', paused: true, ended: false },
    });
    s = foldStudentEvent(s, {
      name: 'taskPromptChanged',
      payload: { classId: 'class-0001', taskPrompt: 'New task' },
    });
    expect(s).toMatchObject({ group, paused: true, view: { taskPrompt: 'New task', title: 'Ratios' } });
    expect(start).toMatchObject({ group: null, paused: false, view: { taskPrompt: 'Old task' } });
  });

  it('locks the board when the class ends, and says it ended rather than paused', () => {
    const ended = foldStudentEvent(start, {
      name: 'classPaused',
      payload: { classId: 'class-0001', paused: false, ended: true },
    });
    expect(ended).toMatchObject({ paused: true, view: { ended: true } });
    const reopened = foldStudentEvent(ended, {
      name: 'classPaused',
      payload: { classId: 'class-0001', paused: false, ended: false },
    });
    expect(reopened).toMatchObject({ paused: false, view: { ended: false } });
  });

  it('takes a student out of their group when the group is deleted', () => {
    const grouped = { ...start, group };
    const s = foldStudentEvent(grouped, {
      name: 'groupAssigned',
      payload: { group: null, deletedBoardId: 'board-0001' },
    });
    expect(s.group).toBeNull();
  });
});
