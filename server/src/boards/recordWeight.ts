import { drawingWeight } from './shapeGeometry.js';

/**
 * A record's bytes that weigh one ordinary shape, as a stroke's points do (`drawingWeight`). Every browser
 * holding the board downloads and keeps them, and the board's stored bytes have a cap (MAX_BOARD_BYTES) past
 * which the group may only delete (boardCap.ts): weighed as one, a hundred records of 320 kB (a frame's name,
 * a label, `meta` — any field) filled a 32 MB board within one creation budget. Weighed so, a whole budget
 * (500) holds at most 16 MB, half that board; a note a student writes stays far below it.
 */
export const RECORD_CHARS_PER_SHAPE = 32_000;

/**
 * What a record weighs against the creation budget: its drawing's weight or its bytes', whichever is more.
 * `measured` false when the change that wrote it could not carry a value of RECORD_CHARS_PER_SHAPE
 * (`valueCharsAtMost`): then it is not serialized, as on every ordinary edit, and weighs what it draws.
 */
export function recordWeight(value: unknown, measured: boolean): number {
  const drawn = drawingWeight(value);
  if (!measured) return drawn;
  const bytes = 1 + Math.floor((JSON.stringify(value) ?? '').length / RECORD_CHARS_PER_SHAPE);
  return Math.max(drawn, bytes);
}
