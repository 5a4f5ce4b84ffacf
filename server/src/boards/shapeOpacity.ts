import { drawnOpacity, isTooFaint, opacityOf } from '@conjecture/shared/board/index';
import { parentIdOf } from './parentCycles.js';
import { KeyedSets } from './keyedSets.js';

/**
 * tldraw draws a shape at its own opacity times its parents' (a frame or group fades everything it holds).
 * Each shape's opacity is bounded alone (`MIN_SHAPE_OPACITY`, the faintest tldraw offers), so a script put
 * the group's work inside a frame at 0.1, each shape at 0.1 too: drawn at 0.01, out of everyone's sight,
 * nothing deleted. What counts is the opacity a shape is drawn at.
 */

/** The shapes by the shape they sit in, kept up to date as the board changes. */
export class ChildIndex {
  private readonly parentOf = new Map<string, string>();
  private readonly children = new KeyedSets();

  /** The record `key` now holds `value` (undefined: gone). */
  update(key: string, value: unknown): void {
    if (!key.startsWith('shape:')) return;
    const old = this.parentOf.get(key);
    const parent = parentIdOf(value);
    if (old === parent) return;
    if (old !== undefined) {
      this.children.delete(old, key);
      this.parentOf.delete(key);
    }
    if (parent === undefined || !parent.startsWith('shape:')) return;
    this.parentOf.set(key, parent);
    this.children.add(parent, key);
  }

  childrenOf(key: string): ReadonlySet<string> {
    return this.children.get(key);
  }
}

/**
 * Why a change to the shape `key` (`before` → its value now) leaves it, or a shape it holds, drawn fainter
 * than `MIN_SHAPE_OPACITY`, or null. Only a change of its opacity or of its parent can, so any other change
 * (a move, a new label) costs two comparisons.
 */
export function faintnessRefusal(
  key: string,
  before: unknown,
  valueOf: (key: string) => unknown,
  children: ChildIndex,
): string | null {
  const after = valueOf(key);
  if (!key.startsWith('shape:') || after === undefined) return null;
  if (
    before !== undefined &&
    opacityOf(before) === opacityOf(after) &&
    parentIdOf(before) === parentIdOf(after)
  )
    return null;
  const own = drawnOpacity(key, valueOf);
  if (isTooFaint(own)) return `${key}: drawn at opacity ${own} in its frames, fainter than tldraw offers`;
  // What it holds fades with it; shapes moved into it by the same change are checked as themselves.
  const stack: Array<[string, number]> = [[key, own]];
  const seen = new Set([key]);
  while (stack.length > 0) {
    const [parent, opacity] = stack.pop()!;
    for (const child of children.childrenOf(parent)) {
      const value = valueOf(child);
      if (value === undefined || parentIdOf(value) !== parent || seen.has(child)) continue;
      seen.add(child);
      const drawn = opacity * opacityOf(value);
      if (isTooFaint(drawn)) return `${key}: ${child} inside it drawn at opacity ${drawn}`;
      stack.push([child, drawn]);
    }
  }
  return null;
}
