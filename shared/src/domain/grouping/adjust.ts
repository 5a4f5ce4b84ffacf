// The drag-to-adjust preview: how the objective (sum of within-group pairwise distances) changes when the
// teacher moves one student to another group or swaps two students. O(group size), no search.

export type Adjustment =
  { kind: 'move'; student: number; toGroup: number } | { kind: 'swap'; first: number; second: number };

function sumTo(
  distances: Float64Array,
  n: number,
  student: number,
  group: readonly number[],
  skip = -1,
): number {
  let total = 0;
  for (const j of group) if (j !== student && j !== skip) total += distances[student * n + j] as number;
  return total;
}

/** Change in the objective (positive = more spread within groups); null when the adjustment names no change. */
export function objectiveChange(
  distances: Float64Array,
  n: number,
  groups: readonly (readonly number[])[],
  adjustment: Adjustment,
): number | null {
  const groupOf = (i: number): number => groups.findIndex((g) => g.includes(i));
  if (adjustment.kind === 'move') {
    const from = groupOf(adjustment.student);
    const to = groups[adjustment.toGroup];
    if (from < 0 || !to || from === adjustment.toGroup) return null;
    return (
      sumTo(distances, n, adjustment.student, to) -
      sumTo(distances, n, adjustment.student, groups[from] ?? [])
    );
  }
  const { first, second } = adjustment;
  const a = groupOf(first);
  const b = groupOf(second);
  if (a < 0 || b < 0 || a === b) return null;
  const groupA = groups[a] ?? [];
  const groupB = groups[b] ?? [];
  return (
    sumTo(distances, n, first, groupB, second) -
    sumTo(distances, n, first, groupA) +
    sumTo(distances, n, second, groupA, first) -
    sumTo(distances, n, second, groupB)
  );
}
