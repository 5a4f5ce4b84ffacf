/**
 * A number as a student types it in a number-line or plane field: an integer or decimal ("-3", "0.75",
 * ".5"), a fraction ("2/3"), a mixed number ("-1 1/2"), or a sum or difference of those ("3/4+1",
 * "1 1/2 - 1/4"). Pure and small: no `eval`, a length limit, and an error that says what to type.
 */
import { quoted } from './tokens.js';

export type SimpleNumberResult = { ok: true; value: number } | { ok: false; error: string };

export const SIMPLE_NUMBER_MAX_CHARS = 40;
export const SIMPLE_NUMBER_HINT = 'type a number like 0.75, 2/3, -1 1/2 or 3/4+1';

const UNSIGNED = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;
/** One term: a mixed number, a fraction, or a plain number (whole or decimal). */
const TERM = new RegExp(
  String.raw`^(?:(\d+)\s+(\d+)\s*/\s*(\d+)|(${UNSIGNED})\s*/\s*(${UNSIGNED})|(${UNSIGNED}))`,
);

export function parseSimpleNumber(input: string): SimpleNumberResult {
  const text = input.replace(/[\u2212\u2013]/g, '-').trim();
  if (text === '') return { ok: false, error: `empty: ${SIMPLE_NUMBER_HINT}` };
  if (text.length > SIMPLE_NUMBER_MAX_CHARS) return { ok: false, error: 'too long for a number' };
  let rest = text;
  let total = 0;
  let first = true;
  while (rest.length > 0) {
    let sign = 1;
    const op = /^([+-])\s*/.exec(rest);
    if (op) {
      sign = op[1] === '-' ? -1 : 1;
      rest = rest.slice(op[0].length);
    } else if (!first) {
      return { ok: false, error: `unexpected ${quoted(rest.charAt(0))}: ${SIMPLE_NUMBER_HINT}` };
    }
    const term = TERM.exec(rest);
    if (!term) {
      const at = rest.length > 0 ? `unexpected ${quoted(rest.charAt(0))}` : 'a number is missing at the end';
      return { ok: false, error: `${at}: ${SIMPLE_NUMBER_HINT}` };
    }
    let value: number;
    if (term[1] !== undefined) {
      const [whole, num, den] = [Number(term[1]), Number(term[2]), Number(term[3])];
      if (den === 0) return { ok: false, error: 'a fraction cannot have 0 below the line' };
      value = whole + num / den;
    } else if (term[4] !== undefined) {
      const [num, den] = [Number(term[4]), Number(term[5])];
      if (den === 0) return { ok: false, error: 'a fraction cannot have 0 below the line' };
      value = num / den;
    } else {
      value = Number(term[6]);
    }
    total += sign * value;
    rest = rest.slice(term[0].length).trimStart();
    first = false;
  }
  if (!Number.isFinite(total)) return { ok: false, error: 'too large a number' };
  return { ok: true, value: total };
}
