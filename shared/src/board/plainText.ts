/**
 * The plain text of a board record, for tagging: tldraw 5 keeps shape text as rich text (a TipTap/
 * ProseMirror JSON tree); this walks it without trusting its shape, since clients write it.
 */
const MAX_DEPTH = 32;
const MAX_CHARS = 20_000;

function collect(node: unknown, out: string[], depth: number): void {
  if (depth > MAX_DEPTH || node === null || typeof node !== 'object') return;
  const n = node as { type?: unknown; text?: unknown; content?: unknown };
  if (typeof n.text === 'string') out.push(n.text);
  if (Array.isArray(n.content)) {
    n.content.forEach((child, i) => {
      // Block nodes (paragraphs, list items) end a line.
      if (
        i > 0 &&
        typeof (child as { type?: unknown })?.type === 'string' &&
        (child as { type: string }).type !== 'text'
      ) {
        out.push('\n');
      }
      collect(child, out, depth + 1);
    });
  }
}

export function richTextToPlain(richText: unknown): string {
  const out: string[] = [];
  collect(richText, out, 0);
  if (out.length === 0) return ''; // an empty document (most shapes' label): nothing to join and tidy
  return out
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim()
    .slice(0, MAX_CHARS);
}

/** The text a student or teacher wrote in a shape, or null if the shape carries none. */
export function recordText(record: unknown): string | null {
  if (record === null || typeof record !== 'object') return null;
  const r = record as { typeName?: unknown; props?: { richText?: unknown; text?: unknown } };
  if (r.typeName !== 'shape' || !r.props) return null;
  const text =
    r.props.richText !== undefined
      ? richTextToPlain(r.props.richText)
      : typeof r.props.text === 'string'
        ? r.props.text.trim()
        : '';
  return text.length > 0 ? text : null;
}
