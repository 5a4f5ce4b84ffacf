/**
 * A board record's strings, wherever they sit: tldraw's rich text nests its words in a tree, our math shapes
 * keep theirs in table cells, labels and functions, and a frame, an asset or a shape's meta in plain fields.
 * Walking every string, not a list of text fields, keeps a new kind of shape under the same rules.
 */

/** Whether any string in `value` passes `test` (object keys aside: no reader shows them). */
export function someString(value: unknown, test: (text: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (typeof value !== 'object' || value === null) return false;
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (someString(v, test)) return true;
  return false;
}

/** Every string in `value` that passes `test`. */
export function stringsWhere(value: unknown, test: (text: string) => boolean): Set<string> {
  const found = new Set<string>();
  someString(value, (text) => {
    if (test(text)) found.add(text);
    return false; // on to the next
  });
  return found;
}

/**
 * `value` with `fix` applied to every string in it. What `fix` leaves alone keeps its identity — the whole
 * record, when nothing changed — so a store handler returning it changes nothing it need not.
 */
export function withEveryString<T>(value: T, fix: (text: string) => string): T {
  if (typeof value === 'string') return fix(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const fixed = value.map((v: unknown) => withEveryString(v, fix));
    return fixed.some((v, i) => v !== value[i]) ? (fixed as T) : value;
  }
  let changed: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    const fixed = withEveryString(v, fix);
    if (fixed === v) continue;
    changed ??= { ...(value as Record<string, unknown>) };
    changed[k] = fixed;
  }
  return (changed ?? value) as T;
}
