import type { Result } from '@conjecture/shared';
import { fail, JOIN_ATTEMPT_CONFLICT, ok } from '@conjecture/shared';
import { NameTakenError, type ClassroomStore, type StudentRow } from './classroomStore.js';
import type { ClassroomEventSink } from './classroomTypes.js';

/** The refusal of a name a classmate has (or one that reads alike), for a join and a join's rename alike. */
export const nameTaken = (name: string) =>
  fail('conflict', `someone in this class is already called "${name}": add an initial`);

/**
 * A join whose answer was lost, sent again under an edited name with `renameAttempt`: the attempt's student
 * takes the new name, so the roster holds one student under the name she chose rather than a ghost beside
 * her. The attempt id proves this form made that student; that it was never used proves nobody else holds
 * it: no request or connection presented any of its sessions, so nothing on a board, no answer, no hand is
 * hers, and a group the teacher or the grouping put her in carries her name only in lists a reload shows.
 * Once a session was used (a copied attempt id, a client sending one for everyone), someone is in the class
 * as that student: the name stays (`inUse`). A student the teacher removed never reaches here (join refuses
 * it as `removed`). Its unused sessions are deleted: the join answers with a new one.
 */
export function renameAttemptStudent(
  deps: { store: ClassroomStore; events: ClassroomEventSink },
  student: StudentRow,
  displayName: string,
): Result<null> {
  const { store, events } = deps;
  if (store.studentSessionUsed(student.studentId))
    return fail(
      'conflict',
      `${JOIN_ATTEMPT_CONFLICT.joinedAs(student.displayName)}: ${JOIN_ATTEMPT_CONFLICT.inUse}`,
    );
  try {
    store.renameStudent(student.studentId, displayName);
  } catch (err) {
    if (err instanceof NameTakenError) return nameTaken(displayName);
    throw err;
  }
  // Its sessions go with the old name: were one held after all (a race with a shared attempt id), its
  // holder is told the session ended rather than finding themselves under someone else's name. One session
  // is left after each rename, however many a client sends.
  store.deleteStudentSessions(student.studentId);
  // Where a join is announced: the dashboard reloads its roster (groups, participation, evidence read it).
  // Viewers' names are not pushed, as for a join: nothing they show (a cursor, authorship) is hers yet, and
  // a class-wide reload per rename would let one form make every student's page fetch again.
  events.emit('rosterChanged', student.classId);
  return ok(null);
}
