import { WELL_KNOWN_USERS } from '@conjecture/shared';

/**
 * What a teacher took off a group's board stays off: a student's undo re-creates the record under the same
 * id through an ordinary update, so the ids the teacher removed are held with the board (in its meta, written
 * by the server only) and a student's change that writes one of them again is refused. The teacher (her own
 * undo) and the server (a restore) may put one back, which frees the id.
 */

/** How many removed ids a board remembers, the oldest forgotten first (each is a few dozen bytes in meta). */
export const MAX_TEACHER_REMOVALS = 256;

/** The held ids after `removed` were taken off by the teacher and `restored` written again by her or the server. */
export function removalsAfter(
  held: readonly string[],
  removed: readonly string[],
  restored: readonly string[],
): string[] {
  const gone = new Set([...removed, ...restored]);
  const next = [...held.filter((key) => !gone.has(key)), ...removed.filter((key) => !restored.includes(key))];
  return next.slice(Math.max(0, next.length - MAX_TEACHER_REMOVALS));
}

/** Whose removals are held: the teacher's (a student's deletion is hers to undo). */
export const removesForGood = (author: string) => author === WELL_KNOWN_USERS.teacher;

/** Why a writer's change re-creating a record is refused, or null when it stands. */
export function teacherRemovalRefusal(
  key: string,
  before: unknown,
  held: ReadonlySet<string>,
): string | null {
  return before === undefined && held.has(key) ? `${key} was removed by the teacher` : null;
}
