/**
 * LaTeX as a screen reader should say it, for the school math students type on a board: numbers, letters,
 * operators and relations, fractions, powers, subscripts, roots, Greek letters, \text and brackets.
 * `x = \frac{3}{4}` → "x equals 3 over 4". A fraction or power whose parts are not a single number or
 * letter is read with its bounds ("the fraction x plus 1 over 2, end fraction") so the listener knows where it
 * ends. Unknown commands are read by name; nothing here throws, so any string a student typed gets a reading.
 *
 * Kept small and pure on purpose: KaTeX's MathML is not speech, and MathLive (with its speech rules) is not a
 * dependency of the board's shapes.
 */

import { clipped, isolated } from '../../protocol/readableText.js';

/** The longest reading produced: a descriptor is announced, not a document. */
export const MAX_SPEECH_CHARS = 500;

type Token =
  | { kind: 'command'; name: string }
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'sup' }
  | { kind: 'sub' }
  | { kind: 'space' }
  | { kind: 'number'; text: string }
  | { kind: 'char'; text: string };

function tokenize(latex: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < latex.length) {
    const c = latex[i]!;
    if (c === '\\') {
      const word = /^[a-zA-Z]+/.exec(latex.slice(i + 1));
      if (word) {
        tokens.push({ kind: 'command', name: word[0] });
        i += 1 + word[0].length;
      } else {
        // \, \; \! \{ \% …: a one-character command
        tokens.push({ kind: 'command', name: latex[i + 1] ?? '' });
        i += 2;
      }
    } else if (c === '{') {
      tokens.push({ kind: 'open' });
      i++;
    } else if (c === '}') {
      tokens.push({ kind: 'close' });
      i++;
    } else if (c === '^') {
      tokens.push({ kind: 'sup' });
      i++;
    } else if (c === '_') {
      tokens.push({ kind: 'sub' });
      i++;
    } else if (/[0-9.]/.test(c)) {
      const num = /^[0-9]*\.?[0-9]+|^[0-9]+\.?/.exec(latex.slice(i));
      const text = num ? num[0] : c;
      tokens.push({ kind: 'number', text });
      i += text.length;
    } else if (/\s/.test(c)) {
      // kept for \text; between math tokens a space is silent
      if (tokens[tokens.length - 1]?.kind !== 'space') tokens.push({ kind: 'space' });
      i++;
    } else {
      tokens.push({ kind: 'char', text: c });
      i++;
    }
  }
  return tokens;
}

const CHAR_WORDS: Record<string, string> = {
  '=': 'equals',
  '+': 'plus',
  '-': 'minus',
  '−': 'minus',
  '*': 'times',
  '×': 'times',
  '/': 'divided by',
  '÷': 'divided by',
  '<': 'is less than',
  '>': 'is greater than',
  '(': 'open paren',
  ')': 'close paren',
  '[': 'open bracket',
  ']': 'close bracket',
  '|': 'vertical bar',
  '!': 'factorial',
  '%': 'percent',
  ',': ',',
  ':': 'to',
  "'": 'prime',
};

const COMMAND_WORDS: Record<string, string> = {
  cdot: 'times',
  times: 'times',
  div: 'divided by',
  pm: 'plus or minus',
  mp: 'minus or plus',
  le: 'is less than or equal to',
  leq: 'is less than or equal to',
  ge: 'is greater than or equal to',
  geq: 'is greater than or equal to',
  ne: 'is not equal to',
  neq: 'is not equal to',
  approx: 'is approximately equal to',
  sim: 'is similar to',
  cong: 'is congruent to',
  equiv: 'is equivalent to',
  to: 'to',
  rightarrow: 'to',
  infty: 'infinity',
  degree: 'degrees',
  circ: 'degrees',
  angle: 'angle',
  triangle: 'triangle',
  perp: 'is perpendicular to',
  parallel: 'is parallel to',
  ldots: 'dot dot dot',
  cdots: 'dot dot dot',
  dots: 'dot dot dot',
  '%': 'percent',
  $: 'dollars',
  '{': 'open brace',
  '}': 'close brace',
  '#': 'number',
  '&': 'and',
  sin: 'sine',
  cos: 'cosine',
  tan: 'tangent',
  log: 'log',
  ln: 'natural log',
};

const GREEK = new Set(
  'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega'.split(
    ' ',
  ),
);

/** Commands that only set spacing or sizing: silent. */
const SILENT = new Set([
  ',',
  ';',
  ':',
  '!',
  ' ',
  'quad',
  'qquad',
  'left',
  'right',
  'displaystyle',
  'big',
  'Big',
]);
/** Commands whose one argument is read as it is. */
const STYLE = new Set([
  'mathrm',
  'mathbf',
  'mathit',
  'mathsf',
  'boldsymbol',
  'operatorname',
  'textbf',
  'textit',
]);
const FRACTIONS = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);
const ORDINAL_ROOTS: Record<string, string> = { '2': 'square', '3': 'cube' };

/** Words of a group; `simple` when it is one number or one letter, so it needs no spoken bounds. */
interface Reading {
  words: string[];
  simple: boolean;
}

class Reader {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  /** The whole string; a stray `}` is skipped rather than ending the reading. */
  readAll(): string[] {
    const words: string[] = [];
    while (this.i < this.tokens.length) {
      words.push(...this.readSequence().words);
      if (this.tokens[this.i]?.kind === 'close') this.i++;
    }
    return words;
  }

  /** Reads tokens up to the end, or to the `}` closing the group being read (consumed by the caller). */
  readSequence(): Reading {
    const words: string[] = [];
    let items = 0;
    let lastSimple = true;
    while (this.i < this.tokens.length && this.tokens[this.i]!.kind !== 'close') {
      const before = words.length;
      const atStart = items === 0;
      const item = this.readItem(atStart);
      words.push(...item.words);
      if (words.length > before) {
        items++;
        lastSimple = item.simple;
      }
    }
    return { words, simple: items === 1 && lastSimple };
  }

  /** One argument of a command or script: a `{…}` group or a single token. */
  private readArgument(): Reading {
    while (this.tokens[this.i]?.kind === 'space') this.i++;
    const token = this.tokens[this.i];
    if (!token) return { words: [], simple: true };
    if (token.kind === 'number' && token.text.length > 1) {
      // an unbraced argument is one character: \frac12 is 1 over 2
      this.tokens.splice(
        this.i,
        1,
        { kind: 'number', text: token.text[0]! },
        { kind: 'number', text: token.text.slice(1) },
      );
    }
    if (token.kind === 'open') {
      this.i++;
      const inner = this.readSequence();
      if (this.tokens[this.i]?.kind === 'close') this.i++;
      return inner;
    }
    return this.readItem(true);
  }

  /** The raw text of a `{…}` group (for \text), without reading it as math. */
  private readTextArgument(): string {
    while (this.tokens[this.i]?.kind === 'space') this.i++;
    if (this.tokens[this.i]?.kind !== 'open') return this.readArgument().words.join(' ');
    this.i++;
    const parts: string[] = [];
    let depth = 0;
    while (this.i < this.tokens.length) {
      const t = this.tokens[this.i++]!;
      if (t.kind === 'close' && depth === 0) break;
      if (t.kind === 'open') depth++;
      else if (t.kind === 'close') depth--;
      else if (t.kind === 'char' || t.kind === 'number') parts.push(t.text);
      else if (t.kind === 'space') parts.push(' ');
      else if (t.kind === 'command') parts.push(' ');
    }
    return parts.join('').replace(/\s+/g, ' ').trim();
  }

  private readItem(atStart: boolean): Reading {
    const token = this.tokens[this.i++]!;
    let base: Reading;
    switch (token.kind) {
      case 'open': {
        base = this.readSequence();
        if (this.tokens[this.i]?.kind === 'close') this.i++;
        break;
      }
      case 'close':
      case 'space':
        return { words: [], simple: true };
      case 'number':
        base = { words: [token.text], simple: true };
        break;
      case 'char':
        if (token.text === '-' && atStart) base = { words: ['negative'], simple: false };
        else if (/[a-zA-Z]/.test(token.text)) base = { words: [token.text], simple: true };
        else base = { words: [CHAR_WORDS[token.text] ?? token.text], simple: false };
        break;
      case 'command':
        base = this.readCommand(token.name);
        break;
      case 'sup':
      case 'sub':
        // a script with no base: read it on its own
        this.i--;
        base = { words: [], simple: true };
        break;
    }
    return this.readScripts(base);
  }

  private readCommand(name: string): Reading {
    if (FRACTIONS.has(name)) {
      const num = this.readArgument();
      const den = this.readArgument();
      if (num.simple && den.simple) return { words: [...num.words, 'over', ...den.words], simple: false };
      return { words: ['the fraction', ...num.words, 'over', ...den.words, 'end fraction'], simple: false };
    }
    if (name === 'sqrt') {
      let index: string | null = null;
      if (this.tokens[this.i]?.kind === 'char' && (this.tokens[this.i] as { text: string }).text === '[') {
        this.i++;
        const parts: string[] = [];
        while (this.i < this.tokens.length) {
          const t = this.tokens[this.i++]!;
          if (t.kind === 'char' && t.text === ']') break;
          if (t.kind === 'number' || t.kind === 'char') parts.push(t.text);
        }
        index = parts.join('');
      }
      const radicand = this.readArgument();
      const root = index === null ? 'square' : (ORDINAL_ROOTS[index] ?? `${index}th`);
      return radicand.simple
        ? { words: [`the ${root} root of`, ...radicand.words], simple: false }
        : { words: [`the ${root} root of`, ...radicand.words, 'end root'], simple: false };
    }
    if (name === 'text' || name === 'mbox') {
      // the student's own words inside the spoken math: isolated, like every quote in a composed sentence
      const words = this.readTextArgument();
      return { words: [words === '' ? '' : isolated(words)], simple: false };
    }
    if (STYLE.has(name)) return this.readArgument();
    if (name === 'overline') return { words: [...this.readArgument().words, 'bar'], simple: false };
    if (name === 'vec') return { words: ['vector', ...this.readArgument().words], simple: false };
    if (SILENT.has(name)) return { words: [], simple: true };
    if (GREEK.has(name)) return { words: [name.replace(/^var/, '')], simple: true };
    const word = COMMAND_WORDS[name];
    if (word) return { words: [word], simple: false };
    return { words: [name], simple: false };
  }

  private readScripts(base: Reading): Reading {
    let reading = base;
    for (;;) {
      const t = this.tokens[this.i];
      if (t?.kind === 'sub') {
        this.i++;
        const sub = this.readArgument();
        reading = { words: [...reading.words, 'sub', ...sub.words], simple: false };
      } else if (t?.kind === 'sup') {
        this.i++;
        const exp = this.readArgument();
        const only = exp.words.join(' ');
        if (exp.simple && only === '2') reading = { words: [...reading.words, 'squared'], simple: false };
        else if (exp.simple && only === '3') reading = { words: [...reading.words, 'cubed'], simple: false };
        else if (exp.simple)
          reading = { words: [...reading.words, 'to the power', ...exp.words], simple: false };
        else
          reading = {
            words: [...reading.words, 'to the power', ...exp.words, 'end power'],
            simple: false,
          };
      } else return reading;
    }
  }
}

/** Spoken English for a LaTeX string; '' for an empty one. */
export function latexToSpeech(latex: string): string {
  const words = new Reader(tokenize(latex)).readAll();
  const text = words
    .filter((w) => w !== '')
    .join(' ')
    .replace(/ ,/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
  return clipped(text, MAX_SPEECH_CHARS);
}
