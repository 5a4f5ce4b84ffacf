import type { BoardAuthorship } from '@conjecture/shared';
import { userColor } from '../classroom/colorDirectory.js';

/** The server's answer to GET /boards/:boardId/authorship, from its per-update authorship log. */
export type { BoardAuthorship };

/** "Ada, Bruno and Cleo". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

/**
 * What hovering a shape says: "by Ada", or "by Ada, edited by Bruno" when others wrote it too. Null for a
 * shape the log knows nothing about (written while the authorship was being fetched).
 */
export function attributionLabel(
  authorship: BoardAuthorship,
  shapeId: string,
  resolveName: (userId: string) => string,
): string | null {
  const entry = authorship[shapeId];
  if (!entry) return null;
  const editors = entry.authors.filter((id) => id !== entry.creator).map(resolveName);
  const by = `by ${resolveName(entry.creator)}`;
  return editors.length > 0 ? `${by}, edited by ${listNames(editors)}` : by;
}

/** The creator's colour: the same one their cursor has (createBoardStore gives users `userColor`). */
export const creatorColor = (authorship: BoardAuthorship, shapeId: string): string | null => {
  const entry = authorship[shapeId];
  return entry ? userColor(entry.creator) : null;
};
