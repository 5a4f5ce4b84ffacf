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

/** What the viewer points at and works on, as ids: what the chips and labels under shapes follow. */
export interface ShapeFocus {
  hovered: string | null;
  selected: readonly string[];
  /** The shape being edited: its form (a math shape's settings, an equation's field) hangs under it. */
  editing: string | null;
}

/**
 * The shapes that show their representation chip: every one with "Show representation types", otherwise
 * the hovered and selected ones — never the one being edited. The chip is drawn over the canvas where the
 * shape's form hangs, and covered the form's first row (a table's "+ row").
 */
export function chippedShapeIds(all: readonly string[], focus: ShapeFocus, showAll: boolean): string[] {
  const shown = showAll ? all : [...new Set([...focus.selected, ...(focus.hovered ? [focus.hovered] : [])])];
  return shown.filter((id) => id !== focus.editing);
}

/** The shape whose "by Ada" label shows: the hovered one, or the only selected one (touch); none while edited. */
export function labelledShapeId(focus: ShapeFocus): string | null {
  const id = focus.hovered ?? (focus.selected.length === 1 ? focus.selected[0]! : null);
  return id === focus.editing ? null : id;
}
