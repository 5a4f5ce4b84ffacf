/**
 * A stable colour per user id: the same on every screen, for the cursor and for attribution.
 * Colours come from a palette chosen for contrast on white and for distinctness within a group of five.
 */
export const USER_COLORS = [
  '#e03131',
  '#1971c2',
  '#2f9e44',
  '#f08c00',
  '#9c36b5',
  '#0c8599',
  '#c2255c',
  '#5f3dc4',
  '#66a80f',
  '#d9480f',
  '#1864ab',
  '#862e9c',
] as const;

/** FNV-1a over the id's UTF-16 code units: cheap, stable across platforms and versions. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function colorForUser(userId: string): string {
  return USER_COLORS[hash(userId) % USER_COLORS.length] as string;
}

/** The teacher's cursor and marks: a dark grey that is in no student's palette. */
export const TEACHER_COLOR = '#495057';

/**
 * The palette index for a student joining or moving into a group, given the indexes the group's other
 * members hold: the student's current colour if no one else there has it (a colour is stable while it can
 * be), else the first colour nobody there has, else (a group larger than the palette) the least used.
 * Colours in a group are therefore unique up to USER_COLORS.length members.
 */
export function pickColorIndex(
  takenByOthers: ReadonlyArray<number | null>,
  current: number | null,
  paletteSize: number = USER_COLORS.length,
): number {
  const uses = new Array<number>(paletteSize).fill(0);
  for (const i of takenByOthers) if (i !== null && i >= 0 && i < paletteSize) uses[i]! += 1;
  if (current !== null && current >= 0 && current < paletteSize && uses[current] === 0) return current;
  const free = uses.indexOf(0);
  if (free >= 0) return free;
  return uses.indexOf(Math.min(...uses));
}

/** A palette colour by index (wrapping), or null for a student the server has not given one. */
export function paletteColor(index: number | null): string | null {
  if (index === null || !Number.isInteger(index) || index < 0) return null;
  return USER_COLORS[index % USER_COLORS.length] as string;
}
