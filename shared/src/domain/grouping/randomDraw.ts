// Visibly random grouping (Liljedahl, Building Thinking Classrooms): students take to groups they can see
// were drawn by chance, not chosen for them. Pure: the server passes the class as it is now.

/** A group as the class is shown it was drawn: its name and its members' names as the viewer may see them. */
export interface DrawnGroup {
  groupId: string;
  name: string;
  members: Array<{ studentId: string; name: string }>;
}

/**
 * Whether a publication is shown to the class as a random draw: drawn at random and published untouched. A
 * single move by hand makes it a choice, and calling it chance would then be untrue.
 */
export const shownAsDrawn = (grouping: { mode: string; asDrawn?: boolean | undefined }): boolean =>
  grouping.mode === 'random' && grouping.asDrawn === true;

/**
 * The class's groups with their members now, in group order, named by `names` (the viewer's labels; an id
 * it lacks reads as "Someone"). Groups nobody is in are left out: an empty box on the screen says nothing.
 */
export function drawnGroups(input: {
  groups: readonly { groupId: string; name: string }[];
  students: readonly { studentId: string; groupId: string | null }[];
  names: Readonly<Record<string, string>>;
}): DrawnGroup[] {
  return input.groups
    .map((g) => ({
      groupId: g.groupId,
      name: g.name,
      members: input.students
        .filter((s) => s.groupId === g.groupId)
        .map((s) => ({ studentId: s.studentId, name: input.names[s.studentId] ?? 'Someone' })),
    }))
    .filter((g) => g.members.length > 0);
}

/** A student's group in a draw, and the others in it (not the student): null when the draw has no place for them. */
export function drawnGroupOf(
  groups: readonly DrawnGroup[],
  studentId: string,
): { groupId: string; name: string; groupmates: string[] } | null {
  const mine = groups.find((g) => g.members.some((m) => m.studentId === studentId));
  if (!mine) return null;
  const groupmates = mine.members.filter((m) => m.studentId !== studentId).map((m) => m.name);
  return { groupId: mine.groupId, name: mine.name, groupmates };
}
