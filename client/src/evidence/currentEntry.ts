import type { TimelineEntry } from '@conjecture/shared';

/**
 * The entry that goes with the board at a position: the one the teacher chose, while the board is still
 * where choosing it put it; otherwise the last entry before the board next changes (`before`: the next
 * step's time, Infinity at the end).
 */
export function currentEntry(
  entries: readonly TimelineEntry[],
  before: number,
  chosen: number | null,
): number {
  if (chosen !== null) return chosen;
  let current = -1;
  entries.forEach((e, i) => e.at < before && (current = i));
  return current;
}
