import type { ClassState } from '@conjecture/shared';

/** A class as the dashboard holds it, for component tests: nobody joined yet, nothing projected. */
export function aClass(overrides: Partial<ClassState> = {}): ClassState {
  return {
    classId: 'class-0001',
    title: 'Ratios',
    taskPrompt: 'Which is the better deal?',
    joinCode: 'ABCDEF',
    joiningOpen: true,
    paused: false,
    ended: false,
    students: [],
    groups: [],
    online: [],
    anonymize: false,
    projectedBoardIds: [],
    spotlight: null,
    graphPaper: false,
    anonymizeDashboard: false,
    anonymizeStudents: false,
    reflectionOpen: false,
    ...overrides,
  };
}

/** A student in a class, in `groupId` or in none. */
export const aStudent = (studentId: string, displayName: string, groupId: string | null = null) => ({
  studentId,
  displayName,
  groupId,
  color: '#1971c2',
});
