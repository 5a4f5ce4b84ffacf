import { isolated } from '@conjecture/shared';

type RecordLike = { id: string; typeName: string; type?: unknown; props?: unknown };

/** The words of a tldraw rich-text document (TipTap JSON), in order. */
function richTextWords(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const { text, content } = node as { text?: unknown; content?: unknown };
  const own = typeof text === 'string' ? [text] : [];
  return Array.isArray(content) ? [...own, ...content.flatMap(richTextWords)] : own;
}

/**
 * How the teacher recognises an item of a snapshot in a list: its text (a note's, a label's, an equation's
 * LaTeX), else its kind ("rectangle", "draw"). Never its id alone. The words are isolated (FSI … PDI): the label
 * sits in a sentence ("Group 1 · note: … → …"), which a right-to-left word would otherwise reorder.
 */
export function itemLabel(record: RecordLike): string {
  const props = (record.props ?? {}) as Record<string, unknown>;
  const text = [
    richTextWords(props.richText).join(' '),
    typeof props.text === 'string' ? props.text : '',
    typeof props.latex === 'string' ? props.latex : '',
    typeof props.title === 'string' ? props.title : '',
  ]
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .find(Boolean);
  const kind = typeof props.geo === 'string' ? props.geo : String(record.type ?? record.typeName);
  const short = text && text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return short ? `${kind}: ${isolated(short)}` : `${kind} ${record.id.slice(-4)}`;
}

/** The items of a snapshot a link can join: its shapes, labelled, in a stable order. */
export function linkableItems(records: readonly RecordLike[]): { shapeId: string; label: string }[] {
  return records
    .filter((r) => r.typeName === 'shape')
    .map((r) => ({ shapeId: r.id, label: itemLabel(r) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** A snapshot's accessible name: its caption (the teacher's words, or the group's name), isolated. */
export const snapshotLabel = (snapshot: { title: string }): string => `Snapshot ${isolated(snapshot.title)}`;
