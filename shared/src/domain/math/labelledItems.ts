/**
 * Points and functions on the math shapes are lists of items with short ids, so two students editing one
 * list (a Yjs record is replaced whole, but the form edits by id) change the item they meant.
 */
export interface Identified {
  id: string;
}

/** Throws when two items share an id (used inside the shapes' validators). */
export function uniqueIds(items: readonly Identified[]): void {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) throw new Error(`Duplicate id ${JSON.stringify(id)}`);
    seen.add(id);
  }
}

/** The next free id "<prefix><n>", n one more than the largest in use (deterministic, no randomness). */
export function nextItemId(items: readonly Identified[], prefix: string): string {
  let largest = 0;
  for (const { id } of items) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > largest) largest = n;
  }
  return `${prefix}${largest + 1}`;
}

/** Point labels in the order a class names them: A, B, …, Z, then A2, B2, … */
export function nextPointLabel(count: number): string {
  const letter = String.fromCharCode(65 + (count % 26));
  const round = Math.floor(count / 26);
  return round === 0 ? letter : `${letter}${round + 1}`;
}
