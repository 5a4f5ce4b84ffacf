import { rosterLabels } from '@conjecture/shared';
import type { ClassRow, StudentRow } from './classroomStore.js';
import type { Principal } from './classroomTypes.js';

/**
 * Every student's name as this viewer may see it: pseudonyms on a projector or among students where the
 * teacher anonymized them, and a student's own name always. Pure over a roster already read, so a caller
 * that also needs the roster reads it once.
 */
export function viewerNames(
  viewer: Pick<Principal, 'role' | 'studentId'>,
  c: Pick<ClassRow, 'anonymize' | 'anonymizeStudents'>,
  studentsInJoinOrder: readonly StudentRow[],
): Record<string, string> {
  const anonymize =
    (viewer.role === 'projector' && c.anonymize) || (viewer.role === 'student' && c.anonymizeStudents);
  const names = rosterLabels(studentsInJoinOrder, anonymize);
  const self = viewer.studentId
    ? studentsInJoinOrder.find((s) => s.studentId === viewer.studentId)
    : undefined;
  if (self) names[self.studentId] = self.displayName;
  return names;
}
