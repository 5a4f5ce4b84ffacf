import { typeNameOf } from './writePolicy.js';

/**
 * tldraw walks a shape's parents recursively (its ancestors, its page, its transform) and never expects a
 * loop: one shape whose `parentId` is itself, or two that are each other's parent, freezes every browser
 * that loads the board. Each record is valid alone, so the loop is found over the board.
 */

/** The parent a record names, when it is a shape's (tldraw's validators allow only `page:` or `shape:`). */
export function parentIdOf(value: unknown): string | undefined {
  if (typeNameOf(value) !== 'shape') return undefined;
  const { parentId } = value as { parentId?: unknown };
  return typeof parentId === 'string' ? parentId : undefined;
}

/**
 * The keys on a loop of parents reachable from `from`, given each key's parent on the board (undefined: not
 * a shape, or not there). Every key is walked once, so a board of thousands of nested shapes costs its size.
 */
export function keysInParentCycles(
  from: Iterable<string>,
  parentOf: (key: string) => string | undefined,
): Set<string> {
  const DONE = 2;
  const ON_PATH = 1;
  const state = new Map<string, number>();
  const looped = new Set<string>();
  for (const start of from) {
    const path: string[] = [];
    let key: string | undefined = start;
    while (key !== undefined && key.startsWith('shape:') && state.get(key) === undefined) {
      state.set(key, ON_PATH);
      path.push(key);
      key = parentOf(key);
    }
    if (key !== undefined && state.get(key) === ON_PATH) {
      for (const member of path.slice(path.indexOf(key))) looped.add(member);
    }
    for (const visited of path) state.set(visited, DONE);
  }
  return looped;
}
