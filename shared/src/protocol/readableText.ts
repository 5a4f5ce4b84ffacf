import { z } from 'zod';

/**
 * Embeddings and overrides (U+202A–U+202E). An override turns the letters after it backwards ("tnemugra"
 * reads "argument"), and an embedding, like an override, runs on past the end of the text into whatever a
 * list shows next. Honest writing needs neither: browsers lay out right-to-left words rightly without them,
 * and what an embedding was for, an isolate does within bounds (Unicode 6.3 on).
 */
const EMBEDDINGS_AND_OVERRIDES = /[\u202a-\u202e]/g;
/**
 * Isolates (LRI, RLI, FSI … PDI, U+2066–U+2069). A matched pair stays: it is how a right-to-left writer keeps
 * "1 + 2 = 3" reading left to right inside an Arabic or Hebrew sentence, and what it can do to the text
 * between (put numbers and signs in right-to-left order) a right-to-left letter does as well. An unmatched
 * one goes: it would turn the rest of its line. (The marks U+200E, U+200F and U+061C stay: they move nothing
 * but the punctuation beside them, and right-to-left writers use them.)
 */
const ISOLATES_AND_LINE_ENDS = /[\u2066-\u2069\n\r\u2029]/g;
const POP_ISOLATE = '\u2069';
const ALL_DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Control characters nobody types into a text box: C0 and C1 controls other than tab and line breaks. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Whether a text holds any text-direction control, isolates included (a display name is refused for it). */
// `search` ignores the expression's global flag and its lastIndex.
export const hasTextDirectionControl = (text: string): boolean => text.search(ALL_DIRECTION_CONTROLS) !== -1;

/** Whether a text holds an embedding or an override: what the server refuses in a board's text. */
export const hasEmbeddingOrOverride = (text: string): boolean => text.search(EMBEDDINGS_AND_OVERRIDES) !== -1;

/** The text without isolate initiators and pops that have no partner on their line (UAX #9's matching). */
function withMatchedIsolatesOnly(text: string): string {
  if (text.search(ALL_DIRECTION_CONTROLS) === -1) return text;
  const unmatched: number[] = [];
  let open: number[] = [];
  for (const { 0: char, index } of text.matchAll(ISOLATES_AND_LINE_ENDS)) {
    if (char === POP_ISOLATE) {
      if (open.pop() === undefined) unmatched.push(index);
    } else if (char >= '\u2066') open.push(index);
    else {
      unmatched.push(...open); // a line break closes every isolate still open
      open = [];
    }
  }
  unmatched.push(...open);
  if (unmatched.length === 0) return text;
  // Each control is one UTF-16 unit: cut them out by index.
  let kept = '';
  let from = 0;
  for (const at of unmatched.sort((a, b) => a - b)) {
    kept += text.slice(from, at);
    from = at + 1;
  }
  return kept + text.slice(from);
}

/**
 * The text without embeddings, overrides, unmatched isolates and invisible control characters — the one rule
 * for every free text someone writes for others to read (a student's answers, critiques and reflections, a
 * teacher's task, questions and notes, the words on a board). Stripped, not refused: they are invisible, so a
 * writer could not find what was refused, and they come in honestly with text pasted from a word processor or
 * a chat app around right-to-left words.
 */
export const readableText = (text: string): string =>
  withMatchedIsolatesOnly(text.replace(EMBEDDINGS_AND_OVERRIDES, '').replace(INVISIBLE_CONTROLS, ''));

/**
 * A free-text field of the contract: made readable, then trimmed; chain the field's bounds after it
 * (`writtenText().min(1, 'write the question').max(500)`). Lint refuses a bare `z.string().trim()` in
 * shared/, so no free text skips the rule.
 */
export const writtenText = () => z.string().overwrite(readableText).trim();

const FIRST_STRONG_ISOLATE = '\u2068';
const LINE_BREAKS = /\r\n?|[\n\u2028\u2029]/g;
const ISOLATES = /[\u2066-\u2069]/g;

/**
 * Someone's words made safe to quote inside a sentence the app composes ('table with "cost per pen"',
 * 'no answer: “…”'): readable, on one line, an isolate a cut left open closed, and the whole wrapped in
 * FSI … PDI (U+2068 … U+2069). Without the wrap a right-to-left word, or a control left over on a board from
 * before the server stripped them, reorders the sentence around it — its numbers and punctuation, even the
 * quote marks. Line breaks become spaces because a paragraph break ends every isolate, the wrap's included.
 * Put the quote marks outside: `"${isolated(text)}"`. Display and group names need none: they refuse the controls.
 */
export function isolated(text: string): string {
  const oneLine = text.replace(LINE_BREAKS, ' ');
  return (
    FIRST_STRONG_ISOLATE + readableText(oneLine + POP_ISOLATE.repeat(openIsolates(oneLine))) + POP_ISOLATE
  );
}

/** Isolates still open at the end of a line (a pop with nothing open is unmatched: readableText drops it). */
function openIsolates(line: string): number {
  let open = 0;
  for (const { 0: char } of line.matchAll(ISOLATES))
    open = char === POP_ISOLATE ? Math.max(0, open - 1) : open + 1;
  return open;
}

/**
 * A composed line cut to at most `maxChars` with an ellipsis, the isolates the cut left open closed before it:
 * a cut inside `isolated()` words would otherwise leave them open, turning the ellipsis and whatever a list
 * or a live region shows next.
 */
export function clipped(line: string, maxChars: number): string {
  if (line.length <= maxChars) return line;
  let cut = line.slice(0, maxChars - 1);
  let open = openIsolates(cut);
  // each pass is shorter, so it ends; cutting more can cut a pop and open one more, hence the loop
  while (cut.length + open > maxChars - 1) {
    cut = cut.slice(0, maxChars - 1 - open);
    open = openIsolates(cut);
  }
  return `${cut}${POP_ISOLATE.repeat(open)}…`;
}
