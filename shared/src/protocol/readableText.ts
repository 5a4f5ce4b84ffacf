import { z } from 'zod';

/**
 * The characters that reorder the text around them — embeddings and overrides (U+202A–U+202E) and isolates
 * (U+2066–U+2069): one of them in a critique makes it read backwards, and everything after it in a list,
 * on the teacher's screen and the projector. (The marks U+200E, U+200F and U+061C stay: they move nothing
 * but the punctuation beside them, and right-to-left writers use them.)
 */
const TEXT_DIRECTION_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** Control characters nobody types into a text box: C0 and C1 controls other than tab and line breaks. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Whether a text holds a text-direction control (a display name is refused for it). */
// `search` ignores the expression's global flag and its lastIndex.
export const hasTextDirectionControl = (text: string): boolean => text.search(TEXT_DIRECTION_CONTROLS) !== -1;

/**
 * The text without text-direction controls and invisible control characters — the one rule for every free
 * text a student writes for others to read (answers, critiques, reflections). Stripped, not refused: they
 * are invisible, so a writer could not find what was refused, and they come in honestly with text pasted from
 * a word processor or a chat app around right-to-left words, which the browser lays out rightly without them.
 */
export const readableText = (text: string): string =>
  text.replace(TEXT_DIRECTION_CONTROLS, '').replace(INVISIBLE_CONTROLS, '');

/** A free-text field a student writes: made readable first, then checked (trim, length) by `checks`. */
export const studentText = <S extends z.ZodType<string, string>>(checks: S) =>
  z.string().transform(readableText).pipe(checks);
