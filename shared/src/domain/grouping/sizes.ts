// Group sizes: K = ceil(N / groupSize) groups whose sizes differ by at most one.

export interface GroupSizing {
  /** Number of groups. */
  groupCount: number;
  /** Every group has at least this many students… */
  minSize: number;
  /** …and at most this many; exactly `largeGroups` groups have this size when it differs from minSize. */
  maxSize: number;
  largeGroups: number;
}

export function groupSizing(studentCount: number, groupSize: number): GroupSizing {
  if (studentCount === 0) return { groupCount: 0, minSize: 0, maxSize: 0, largeGroups: 0 };
  const groupCount = Math.ceil(studentCount / groupSize);
  const minSize = Math.floor(studentCount / groupCount);
  const largeGroups = studentCount - minSize * groupCount;
  return { groupCount, minSize, maxSize: largeGroups > 0 ? minSize + 1 : minSize, largeGroups };
}
