import { colorForUser, TEACHER_COLOR, type UserId } from '@conjecture/shared';

/**
 * The colours the server assigned (unique within each group), by user id, for every cursor and "colour by
 * author" outline on this page. A page shows one class, so one directory: the class page writes the latest
 * colours here before it renders its boards. An id the server has not coloured (a board outside a class)
 * falls back to the stable hash.
 */
let colors: Readonly<Record<string, string>> = {};

export function setUserColors(next: Readonly<Record<string, string>>): void {
  colors = next;
}

export function userColor(userId: UserId): string {
  return colors[userId] ?? (userId === 'teacher' ? TEACHER_COLOR : colorForUser(userId));
}

/**
 * Writes a class's colours into the directory during render, before the page's boards read them: from a
 * class view (`colors`) or the teacher's class state (each student's `color`).
 */
export function useUserColors(
  source:
    | { colors: Readonly<Record<string, string>> }
    | { students: ReadonlyArray<{ studentId: string; color: string }> }
    | null,
): void {
  if (!source) return;
  setUserColors(
    'colors' in source
      ? source.colors
      : Object.fromEntries(source.students.map((s) => [s.studentId, s.color])),
  );
}
