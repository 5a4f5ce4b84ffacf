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
