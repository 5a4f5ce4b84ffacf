/**
 * Work sent out of a student's reach without being deleted: a classmate's shapes moved thousands of screens
 * away (tldraw takes any coordinate up to the page's bound), or carried there in a frame or group they were
 * put in first. Nobody deleted anything, yet the group cannot find the work and no classmate's undo brings
 * it back. Counted by the room as taken away (see `BoardRecords.othersWorkRefusal`).
 */

import { WORK_REACH, type Point } from '@conjecture/shared/board/index';
import { pageOrigin } from './frameClip.js';

type ValueOf = (key: string) => unknown;

const inReach = (p: Point) => Math.abs(p.x) <= WORK_REACH && Math.abs(p.y) <= WORK_REACH;

/** Deeper than any board a student builds: a frame's contents are not walked further. */
const MAX_DEPTH = 64;

/**
 * The shapes the transaction takes from within `WORK_REACH` of the origin to beyond it, each with the
 * changed shape that sent it there (itself, or the frame or group holding it). `before` and `after` give a
 * record's value before the transaction and after it; `childrenOf` the shapes a shape held before it. A
 * shape whose place after is in reach — every ordinary move — costs one walk up its parents.
 */
export function sentOutOfReach(
  changed: Iterable<string>,
  before: ValueOf,
  after: ValueOf,
  childrenOf: (key: string) => ReadonlySet<string>,
): Map<string, string> {
  const sent = new Map<string, string>();
  const check = (key: string, by: string) => {
    const now = pageOrigin(key, after);
    if (now === null || inReach(now)) return;
    const was = pageOrigin(key, before);
    if (was !== null && inReach(was)) sent.set(key, by);
  };
  for (const key of changed) {
    if (!key.startsWith('shape:')) continue;
    check(key, key);
    const children = childrenOf(key);
    if (children.size === 0) continue; // most shapes hold nothing: no walk set up
    const stack: Array<[string, number]> = [...children].map((child) => [child, 1]);
    const seen = new Set([key]);
    while (stack.length > 0) {
      const [child, depth] = stack.pop()!;
      if (seen.has(child) || depth > MAX_DEPTH) continue;
      seen.add(child);
      check(child, key);
      for (const grandchild of childrenOf(child)) stack.push([grandchild, depth + 1]);
    }
  }
  return sent;
}
