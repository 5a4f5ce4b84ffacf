/**
 * Stable pseudonyms for the projector's anonymize switch: "Student A", "Student B", … "Student Z",
 * "Student AA", … by the order students joined, so a name on the screen never changes mid-discussion.
 */
export function pseudonym(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`bad pseudonym index ${index}`);
  let letters = '';
  let n = index;
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `Student ${letters}`;
}

/** How the app names the ids that are no student's: what no student may be called (`reservedNameRefusal`). */
export const STAFF_LABELS: Readonly<Record<string, string>> = { teacher: 'Teacher', server: 'Conjecture' };

/** Labels for every id a viewer may see: real names, or pseudonyms when anonymized. */
export function rosterLabels(
  studentsInJoinOrder: ReadonlyArray<{ studentId: string; displayName: string }>,
  anonymize: boolean,
): Record<string, string> {
  const labels: Record<string, string> = { ...STAFF_LABELS };
  studentsInJoinOrder.forEach((s, i) => (labels[s.studentId] = anonymize ? pseudonym(i) : s.displayName));
  return labels;
}
