/**
 * tldraw labels a sticky note with the name of whoever last edited its words (`textLastEditedBy`, resolved by
 * each viewer to a name or pseudonym), and takes the id from the record. A script wrote a note under a
 * classmate's id, and every browser in the group labelled the words with her name. tldraw's editor writes its
 * own user's id when its user edits the words, keeps the id a note has when it only moves or restyles it, and
 * keeps the original's on a pasted copy (and an undo may bring back a classmate's): so an id the writer sets
 * that is neither theirs nor the note's before is not refused — the server puts the writer's own id there.
 */

interface NoteLike {
  typeName?: unknown;
  type?: unknown;
  props?: Record<string, unknown>;
}

const editorOf = (value: unknown): unknown => {
  const note = value as NoteLike | undefined;
  return note?.typeName === 'shape' && note.type === 'note' ? note.props?.textLastEditedBy : undefined;
};

/**
 * The note `after` with `author` as the editor of its words when the change set them to another user's id,
 * or null when it stands as written (no note, no id or an empty one, the writer's own, or the id it had before).
 */
export function withWritersAttribution(before: unknown, after: unknown, author: string): unknown {
  const editor = editorOf(after);
  // An empty id names no one (tldraw shows no label for it, as for null).
  if (typeof editor !== 'string' || editor === '' || editor === author || editor === editorOf(before))
    return null;
  const note = after as Required<NoteLike>;
  return { ...note, props: { ...note.props, textLastEditedBy: author } };
}
