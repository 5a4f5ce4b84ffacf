import { canNow, type ClassPhase, type StudentDiagnostic } from '@conjecture/shared';

/** The confidence scale a student rates each answer on (the server takes 1–4). */
export const CONFIDENCE_LABELS = ['Guessing', 'Not sure', 'Fairly sure', 'Sure'] as const;

/**
 * Where a student (re)starts: the first item, in the bank's order, that the server has no answer for; null
 * when every item is answered. Answers are stored as given, so a reload resumes here.
 */
export function firstUnansweredIndex(diagnostic: StudentDiagnostic): number | null {
  const answered = new Set(diagnostic.answered.map((a) => a.itemId));
  const index = diagnostic.items.findIndex((item) => !answered.has(item.itemId));
  return index === -1 ? null : index;
}

/**
 * What a greyed-out Next waits for, in the student's words, or null when it may be pressed: the class to
 * resume (the server refuses answers while it is paused or ended — `canNow`, the same rule), then an answer,
 * then how sure they are. The choices stay on screen meanwhile, to send once the teacher resumes.
 */
export function nextWaitsFor(
  chosen: { optionId: string | null; confidence: number | null },
  phase: ClassPhase,
): string | null {
  if (!canNow('student', 'diagnostic.take', phase))
    return phase.ended
      ? 'The class has ended, so answers are closed.'
      : 'Your teacher paused the class: your choices are kept, and you can send them when the class resumes.';
  if (!chosen.optionId) return 'Choose an answer and how sure you are.';
  if (!chosen.confidence) return 'Now choose how sure you are.';
  return null;
}

/**
 * Moves one student into another proposed group, before publishing. Emptied groups are dropped (publishing
 * refuses empty groups); moving into the student's own group changes nothing.
 */
export function moveStudent(groups: string[][], studentId: string, toGroup: number): string[][] {
  const from = groups.findIndex((g) => g.includes(studentId));
  if (from === -1 || from === toGroup || toGroup < 0 || toGroup >= groups.length) return groups;
  return groups
    .map((g, index) =>
      index === from ? g.filter((id) => id !== studentId) : index === toGroup ? [...g, studentId] : g,
    )
    .filter((g) => g.length > 0);
}

/** The item bank JSON a teacher pasted, or the reason it is not JSON. */
export function parsePastedJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export type PairKind = 'keepApart' | 'keepTogether';
export interface PairConstraints {
  keepApart: [string, string][];
  keepTogether: [string, string][];
}

/**
 * Adds a keep-apart or keep-together pair for the next proposal. A student paired with themself, or a pair
 * already asked for (either order), changes nothing; asking for the opposite of an existing pair is kept as
 * asked, and the engine names the conflict.
 */
export function addPair(pairs: PairConstraints, kind: PairKind, a: string, b: string): PairConstraints {
  if (!a || !b || a === b) return pairs;
  const same = ([x, y]: [string, string]) => (x === a && y === b) || (x === b && y === a);
  if (pairs[kind].some(same)) return pairs;
  return { ...pairs, [kind]: [...pairs[kind], [a, b]] };
}

export function removePair(pairs: PairConstraints, kind: PairKind, index: number): PairConstraints {
  return { ...pairs, [kind]: pairs[kind].filter((_, i) => i !== index) };
}

/** The engine's conflict messages name students by id: the teacher reads names. */
export function withNames(message: string, students: readonly { studentId: string; displayName: string }[]) {
  // Longest ids first, so an id that contains another is replaced whole.
  const byLength = [...students].sort((x, y) => y.studentId.length - x.studentId.length);
  return byLength.reduce((text, s) => text.split(s.studentId).join(s.displayName), message);
}
