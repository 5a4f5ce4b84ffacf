import { EQUATION_TYPE } from './equation.js';
import { recordText } from './plainText.js';
import { TABLE_TYPE } from './table.js';

/**
 * Whether rewriting a shape's text from `before` to `after` takes its words away: the text gone, or fewer
 * than half of its words left (as many times as it had each, any case). A fix, an addition or a reordering
 * keeps most of them; a note's words replaced by "." keep none — taken away as surely as emptied, and no
 * classmate's undo brings them back.
 */
export function wordsTakenAway(before: string | null, after: string | null): boolean {
  if (before === null || before === after) return false;
  if (after === null) return true;
  const old = wordsOf(before);
  const left = new Map<string, number>();
  for (const word of wordsOf(after)) left.set(word, (left.get(word) ?? 0) + 1);
  let kept = 0;
  for (const word of old) {
    const n = left.get(word) ?? 0;
    if (n > 0) {
      kept += 1;
      left.set(word, n - 1);
    }
  }
  return kept * 2 < old.length;
}

/** Words as a reader tells them apart: letters and digits, with a number's point, comma or slash ("1/3",
    "2.5"), a price's $ and a percent's %; punctuation around them is not part of them. */
const wordsOf = (text: string): string[] =>
  text.toLowerCase().match(/\$?[\p{L}\p{N}]+(?:[.,/][\p{L}\p{N}]+)*%?/gu) ?? [];

/**
 * What is written in a shape, for `wordsTakenAway`: its text (`recordText`), an equation's source, or a
 * table's cells in reading order; null for a shape with none. An equation emptied or a table's cells wiped
 * lose a classmate's work as surely as a note's words do.
 */
export function writtenContent(record: unknown): string | null {
  const text = recordText(record);
  if (text !== null) return text;
  const { type, props } = (record ?? {}) as { type?: unknown; props?: { latex?: unknown; cells?: unknown } };
  let written = '';
  if (type === EQUATION_TYPE && typeof props?.latex === 'string') written = props.latex.trim();
  else if (type === TABLE_TYPE && Array.isArray(props?.cells))
    written = (props.cells as unknown[])
      .flatMap((row) => (Array.isArray(row) ? row : []))
      .filter((cell): cell is string => typeof cell === 'string' && cell.trim() !== '')
      .map((cell) => cell.trim())
      .join(' ');
  return written === '' ? null : written;
}
