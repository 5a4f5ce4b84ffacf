import type { ClassState, ClassView } from '@conjecture/shared';

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

/** A class as a student or the projector sees it, for component tests: nothing projected, no names yet. */
export function aClassView(overrides: Partial<ClassView> = {}): ClassView {
  return {
    classId: 'class-0001',
    title: 'Ratios',
    taskPrompt: 'Which is the better deal?',
    joinCode: 'ABCDEF',
    paused: false,
    ended: false,
    graphPaper: false,
    reflectionOpen: false,
    projection: { boardIds: [], anonymize: false, spotlight: null },
    names: {},
    colors: {},
    groupNames: {},
    ...overrides,
  };
}
