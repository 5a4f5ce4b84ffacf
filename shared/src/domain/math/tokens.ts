/**
 * The tokenizer of `y = f(x)` expressions typed by students. It knows a closed set of characters: digits,
 * letters, `+ - * / ^ ( ) , | =` and a few typographic look-alikes (unicode minus, ×, ÷, ·) that it reads as
 * their ASCII operator. Anything else (`.` outside a number, quotes, brackets, `;`) is an error with its
 * position, so no text that looks like code ever reaches the parser.
 */

import { isolated } from '../../protocol/readableText.js';

export interface ExpressionError {
  message: string;
  /** 0-based index of the offending character in the text as typed (the message says it 1-based). */
  position: number;
}

export type ExpressionResult<T> = { ok: true; value: T } | { ok: false; error: ExpressionError };

export type TokenKind = 'number' | 'name' | 'operator' | 'end';

export interface Token {
  kind: TokenKind;
  /** For `number`: the digits as typed; for `name`: the identifier; for `operator`: the ASCII operator. */
  text: string;
  position: number;
}

/** Longest text accepted: a function on a board is a line, not a program. */
export const MAX_EXPRESSION_CHARS = 200;
/** Most tokens in one expression (200 characters hold at most ~200 tokens; this is the explicit bound). */
export const MAX_EXPRESSION_TOKENS = 200;

export interface ExpressionLimits {
  maxChars: number;
  maxTokens: number;
  maxDepth: number;
}

/** Typed look-alikes and what they mean. Each is one UTF-16 unit, so positions stay those of the input. */
const LOOK_ALIKES = new Map<string, string>([
  ['\u2212', '-'], // − minus sign
  ['\u2013', '-'], // – en dash, what many keyboards autocorrect "-" to
  ['\u00d7', '*'], // ×
  ['\u22c5', '*'], // ⋅ dot operator
  ['\u00b7', '*'], // · middle dot
  ['\u00f7', '/'], // ÷
  ['\u2215', '/'], // ∕ division slash
]);

const OPERATORS = new Set(['+', '-', '*', '/', '^', '(', ')', ',', '|', '=']);

export const describeAt = (what: string, position: number) => `${what} at ${position + 1}`;

/** Characters that show nothing (format controls: direction marks, isolates, zero widths). */
const INVISIBLE = /\p{Cf}/gu;
const codeOf = (char: string) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;

/**
 * What a student typed, quoted in a message: escaped as in a JSON string, an invisible character by its code
 * (quoted as is, it would show as `""`), and isolated, so a right-to-left letter cannot turn the message
 * around it and a typed digit cannot join the position after it.
 */
export const quoted = (typed: string) =>
  `"${isolated(JSON.stringify(typed).slice(1, -1).replace(INVISIBLE, codeOf))}"`;

const isDigit = (c: string) => c >= '0' && c <= '9';
const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';

export function tokenize(text: string, limits: ExpressionLimits): ExpressionResult<Token[]> {
  if (text.length > limits.maxChars) {
    return fail(`the expression is longer than ${limits.maxChars} characters`, limits.maxChars);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (tokens.length >= limits.maxTokens) {
      return fail(`the expression has more than ${limits.maxTokens} parts`, i);
    }
    const raw = text.charAt(i);
    const c = LOOK_ALIKES.get(raw) ?? raw;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0') {
      i++;
    } else if (isDigit(c) || (c === '.' && isDigit(text.charAt(i + 1)))) {
      const start = i;
      while (isDigit(text.charAt(i))) i++;
      if (text.charAt(i) === '.') {
        i++;
        while (isDigit(text.charAt(i))) i++;
      }
      tokens.push({ kind: 'number', text: text.slice(start, i), position: start });
    } else if (c === 'π') {
      // a name of its own, so "πx" and "2π" read as products
      tokens.push({ kind: 'name', text: c, position: i });
      i++;
    } else if (isLetter(c)) {
      const start = i;
      while (isLetter(text.charAt(i)) || isDigit(text.charAt(i))) i++;
      tokens.push({ kind: 'name', text: text.slice(start, i), position: start });
    } else if (OPERATORS.has(c)) {
      tokens.push({ kind: 'operator', text: c, position: i });
      i++;
    } else {
      return fail(describeAt(`unexpected ${quoted(raw)}`, i), i);
    }
  }
  tokens.push({ kind: 'end', text: '', position: text.length });
  return { ok: true, value: tokens };
}

export function fail(message: string, position: number): { ok: false; error: ExpressionError } {
  return { ok: false, error: { message, position } };
}
