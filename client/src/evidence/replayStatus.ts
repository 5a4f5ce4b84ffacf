import { clockTime } from './DiscourseTimeline.js';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * What the replay shows, in a teacher's words: which of the board's changes, when, and how many shapes the
 * group had made by then. Before the first change there is no time to give: nobody had written yet.
 */
export function replayStatus(position: number, end: number, at: number | null, shapes: number): string {
  if (position === 0) return `Before anyone wrote · ${plural(end, 'change')} to come`;
  const when = at === null ? '' : ` · ${clockTime(at)}`;
  return `Change ${position} of ${end}${when} · ${plural(shapes, 'shape')} by the group`;
}
