/**
 * How deep shapes may sit inside one another (a shape in a group in a frame in a frame …). tldraw bounds no
 * nesting, and works out a shape's place on the page recursively through its parents: a chain of 2,000
 * nested shapes (a script made one from its own shapes, reparented at no cost) overflowed the stack of every
 * editor that loaded the board ("Maximum call stack size exceeded"), and one of 1,000 took most of a second
 * to lay out. The server's own walks up and down parents stop at a depth too, so work put below a deep chain
 * was carried out of reach, or hidden in a frame, past their sight. No board a student builds by hand (a
 * group in a frame in a frame) comes near the bound.
 */
export const MAX_NESTING_DEPTH = 32;

const shapeParentOf = (value: unknown): string | undefined => {
  const { typeName, parentId } = (value ?? {}) as { typeName?: unknown; parentId?: unknown };
  return typeName === 'shape' && typeof parentId === 'string' && parentId.startsWith('shape:')
    ? parentId
    : undefined;
};

/**
 * How many shapes the shape `key` sits inside (0 on the page), counted up to `MAX_NESTING_DEPTH + 1` at most
 * (past that, only "too deep" matters). A parent that is not there, or a loop, ends the count.
 */
export function nestingDepth(key: string, valueOf: (key: string) => unknown): number {
  const seen = new Set([key]);
  let depth = 0;
  for (let at = shapeParentOf(valueOf(key)); at !== undefined && depth <= MAX_NESTING_DEPTH;) {
    if (seen.has(at) || valueOf(at) === undefined) break;
    seen.add(at);
    depth += 1;
    at = shapeParentOf(valueOf(at));
  }
  return depth;
}

/**
 * The shape that a change to the shape `key` (`before` → its value now, from `valueOf`) leaves nested deeper
 * than `MAX_NESTING_DEPTH` — itself, or one it holds — with that depth; null when none is. Only a change of
 * its parent (or a new shape) can nest anything deeper, so any other change costs one comparison. `childrenOf`
 * names the shapes held by a shape (those whose value now names another parent are passed over).
 */
export function nestedTooDeep(
  key: string,
  before: unknown,
  valueOf: (key: string) => unknown,
  childrenOf: (key: string) => Iterable<string>,
): { shape: string; depth: number } | null {
  const after = valueOf(key);
  if (after === undefined || (before !== undefined && shapeParentOf(before) === shapeParentOf(after)))
    return null;
  const own = nestingDepth(key, valueOf);
  if (own > MAX_NESTING_DEPTH) return { shape: key, depth: own };
  // What it holds goes down with it: walked no deeper than the bound.
  const stack: Array<[string, number]> = [[key, own]];
  const seen = new Set([key]);
  while (stack.length > 0) {
    const [parent, depth] = stack.pop()!;
    for (const child of childrenOf(parent)) {
      if (seen.has(child) || shapeParentOf(valueOf(child)) !== parent) continue;
      seen.add(child);
      if (depth + 1 > MAX_NESTING_DEPTH) return { shape: child, depth: depth + 1 };
      stack.push([child, depth + 1]);
    }
  }
  return null;
}
