/** How simulated students are split into classes and groups (pure, so the split is unit-tested). */

export const CLASS_SIZE = 30;
export const MIN_GROUP = 4;
export const MAX_GROUP = 5;

/** Sizes as even as possible: `total` split into `parts` sizes that differ by at most one, larger first. */
function evenSplit(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const larger = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < larger ? 1 : 0));
}

/** Classes of about `classSize` (never fewer than one class). */
export function classSizes(students: number, classSize = CLASS_SIZE): number[] {
  if (!Number.isInteger(students) || students < 1) throw new Error(`students must be ≥ 1, got ${students}`);
  return evenSplit(students, Math.max(1, Math.round(students / classSize)));
}

/**
 * Groups of `min`–`max` students: the number of groups nearest an average of (min + max) / 2 that keeps
 * every group within bounds (30 → 5, 5, 4, 4, 4, 4, 4). A class smaller than `min` is one group.
 */
export function groupSizes(classSize: number, min = MIN_GROUP, max = MAX_GROUP): number[] {
  if (classSize <= min) return [classSize];
  const fewest = Math.ceil(classSize / max);
  const most = Math.max(fewest, Math.floor(classSize / min));
  const wanted = Math.round(classSize / ((min + max) / 2));
  return evenSplit(classSize, Math.min(most, Math.max(fewest, wanted)));
}
