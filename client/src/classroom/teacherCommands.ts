import type { PoseQuestionBody, Projection, Spotlight, UpdateClassBody } from '@conjecture/shared';
import * as classApi from './classApi.js';

/**
 * The teacher's REST commands for one class, bound to it: the dashboard calls `commands.renameGroup(…)`
 * and never builds a request. (Socket commands — `clearHand` — and optimistic changes come with the class
 * connection, `useTeacherClass`.)
 */
export function teacherCommands(classId: string) {
  return {
    updateClass: (patch: UpdateClassBody) => classApi.updateClass(classId, patch),
    deleteClass: () => classApi.deleteClass(classId),
    rotateProjectorKey: () => classApi.rotateProjectorKey(classId),
    coachLink: () => classApi.getCoachLink(classId),
    createCoachLink: () => classApi.createCoachLink(classId),
    revokeCoachLink: () => classApi.revokeCoachLink(classId),
    createGroup: (name?: string) => classApi.createGroup(classId, name),
    renameGroup: (groupId: string, name: string) => classApi.renameGroup(classId, groupId, name),
    deleteGroup: (groupId: string, force: boolean) => classApi.deleteGroup(classId, groupId, force),
    assignStudent: (studentId: string, groupId: string | null) =>
      classApi.assignStudent(classId, studentId, groupId),
    removeStudent: (studentId: string, removeMarks: boolean) =>
      classApi.removeStudent(classId, studentId, removeMarks),
    poseQuestion: (body: PoseQuestionBody) => classApi.poseQuestion(classId, body),
    setProjection: (projection: Pick<Projection, 'boardIds' | 'anonymize'>) =>
      classApi.setProjection(classId, projection),
    setSpotlight: (spotlight: Spotlight | null) => classApi.setSpotlight(classId, spotlight),
  };
}
export type TeacherCommands = ReturnType<typeof teacherCommands>;
