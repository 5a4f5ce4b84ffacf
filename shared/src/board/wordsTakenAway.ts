import { COORDINATE_PLANE_TYPE } from './coordinatePlane.js';
import { EQUATION_TYPE } from './equation.js';
import { NUMBER_LINE_TYPE } from './numberLine.js';
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
 * What is written in a shape, for `wordsTakenAway`: its text (`recordText`), an equation's source, a table's
 * cells in reading order, a number line's or a plane's points (each by its id, and its label) and a plane's
 * graphs (id and what was typed); null for a shape with none. An equation emptied, a table's cells wiped or a
 * number line's points removed lose a classmate's work as surely as a note's words do. A point is named by
 * its id, not its value: dragging a classmate's point along the line is editing, not taking it away.
 */
export function writtenContent(record: unknown): string | null {
  const text = recordText(record);
  if (text !== null) return text;
  const { type, props = {} } = (record ?? {}) as { type?: unknown; props?: Record<string, unknown> };
  const parts: unknown[] = [];
  if (type === EQUATION_TYPE) parts.push(props.latex);
  else if (type === TABLE_TYPE) parts.push(...listOf(props.cells).flatMap(listOf));
  else if (type === NUMBER_LINE_TYPE || type === COORDINATE_PLANE_TYPE) {
    for (const point of listOf(props.points)) parts.push(fieldOf(point, 'id'), fieldOf(point, 'label'));
    for (const graph of listOf(props.functions)) parts.push(fieldOf(graph, 'id'), fieldOf(graph, 'text'));
  }
  if (parts.length === 0) return null; // most shapes (a geo, a stroke): runs for each one rewritten
  const written = parts
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => part.trim())
    .join(' ');
  return written === '' ? null : written;
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const fieldOf = (value: unknown, field: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[field] : undefined;
