// A student who joins after the groups were published goes into one of them (`placeLateArrivals`), by the
// mode and pairs the groups were published with, and nobody else moves. Pure: the server passes the class.
import { profileFeatures } from '../diagnostics/features.js';
import type { ItemBank } from '../diagnostics/itemBank.js';
import type { DiagnosticProfile } from '../diagnostics/profile.js';
import type { Pair } from './constraints.js';
import { distanceMatrix } from './distance.js';
import { placeLateArrivals, type LateMode } from './lateArrivals.js';
import { mainMisconceptions } from './profileGrouping.js';

/** A late arrival makes no group larger than this, unless the teacher already made one larger. */
export const LATE_GROUP_CAP = 5;

export interface LateStudentInput {
  bank: ItemBank;
  /** Every student of the class, the arrival among them, with their group (null: none) and profile. */
  students: readonly { id: string; groupId: string | null; profile: DiagnosticProfile | null }[];
  /** The class's groups, in order. */
  groupIds: readonly string[];
  arrival: string;
  mode: LateMode;
  keepApart: readonly (readonly [string, string])[];
  keepTogether: readonly (readonly [string, string])[];
  /** Only `random` mode draws: the same seed, the same group. */
  seed: number;
}

export type LateStudentPlacement = { ok: true; groupId: string } | { ok: false; reason: string };

export function placeLateStudent(input: LateStudentInput): LateStudentPlacement {
  const index = new Map(input.students.map((s, i) => [s.id, i] as const));
  const arrival = index.get(input.arrival);
  if (arrival === undefined) return { ok: false, reason: 'not a student of this class' };
  // Only groups someone works in: a student put alone in an empty group would have no one to talk to.
  const groups = input.groupIds
    .map((groupId) => ({
      groupId,
      members: input.students.flatMap((s, i) => (s.groupId === groupId && i !== arrival ? [i] : [])),
    }))
    .filter((g) => g.members.length > 0);
  if (groups.length === 0) return { ok: false, reason: 'no group has anyone in it yet' };
  const sizes = groups.map((g) => g.members.length);
  const smallest = Math.min(...sizes);
  if (smallest >= Math.max(LATE_GROUP_CAP, ...sizes))
    return { ok: false, reason: `every group already has ${smallest} students` };

  const pairs = (list: LateStudentInput['keepApart']): Pair[] =>
    list.flatMap(([a, b]) => {
      const [i, j] = [index.get(a), index.get(b)];
      return i === undefined || j === undefined ? [] : [[i, j] as Pair];
    });
  const profiles = input.students.map((s) => s.profile);
  const result = placeLateArrivals({
    groups: groups.map((g) => g.members),
    arrivals: [arrival],
    distances: distanceMatrix(profileFeatures(input.bank, profiles)),
    n: input.students.length,
    mode: input.mode,
    seed: input.seed,
    keepApart: pairs(input.keepApart),
    keepTogether: pairs(input.keepTogether),
    labels: mainMisconceptions(input.bank, profiles),
  });
  const placed = result.placed[0];
  return placed
    ? { ok: true, groupId: groups[placed.group]!.groupId }
    : { ok: false, reason: result.unplaced[0]?.reason ?? 'no group fits' };
}
