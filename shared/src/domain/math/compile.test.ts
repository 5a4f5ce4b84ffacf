import { describe, expect, it } from 'vitest';
import { compileExpression } from './compile.js';
import { DEFAULT_EXPRESSION_LIMITS, MAX_EXPRESSION_DEPTH, parseExpression } from './parse.js';
import { MAX_EXPRESSION_CHARS } from './tokens.js';
import { seededRandom } from '../tagging/hash.js';

const f = (text: string) => {
  const compiled = compileExpression(text);
  if (!compiled.ok) throw new Error(`${text}: ${compiled.error.message}`);
  return compiled.value.evaluate;
};

const error = (text: string) => {
  const compiled = compileExpression(text);
  if (compiled.ok) throw new Error(`${text} compiled`);
  return compiled.error;
};

describe('what students type', () => {
  it.each([
    ['2x+1', 3, 7],
    ['y = 3/4 x - 2', 4, 1],
    ['y=3/4x-2', 4, 1],
    ['f(x) = x^2 - 3x', 5, 10],
    ['x^2 - 3x', -1, 4],
    ['sqrt(x)', 9, 3],
    ['sin(x)', Math.PI / 2, 1],
    ['|x|', -4, 4],
    ['|x - 3| + 1', 1, 3],
    ['2|x|', -2, 4],
    ['|x||x|', -3, 9],
    ['||x| - 5|', 2, 3],
    ['2(x+1)', 2, 6],
    ['(x+1)(x-1)', 3, 8],
    ['x(x+1)', 2, 6],
    ['2pi', 0, 2 * Math.PI],
    ['e^x', 1, Math.E],
    ['-x^2', 3, -9],
    ['2^3^2', 0, 512],
    ['2^-1', 0, 0.5],
    ['--x', 5, 5],
    ['+x', 5, 5],
    ['x/2/2', 8, 2],
    ['8 - 3 - 2', 0, 3],
    ['.5x', 4, 2],
    ['min(x, 2, 3)', 5, 2],
    ['max(x, 1)', -5, 1],
    ['log(x)', 1000, 3],
    ['ln(e^2)', 0, 2],
    ['x^(1/3)', -8, -2],
    ['x^(2/3)', -8, 4],
    ['2x \u2212 1', 3, 5],
    ['3 \u00d7 x \u00f7 2', 4, 6],
    ['\u03c0x', 1, Math.PI],
  ])('%s at x=%d is %d', (text, x, y) => {
    expect(f(text)(x)).toBeCloseTo(y, 10);
  });

  it('gives NaN or Infinity outside the domain instead of throwing', () => {
    expect(f('sqrt(x)')(-1)).toBeNaN();
    expect(f('1/x')(0)).toBe(Infinity);
    expect(f('ln(x)')(0)).toBe(-Infinity);
  });
});

/** What a student typed, quoted in a message: isolated, so a right-to-left letter cannot reorder the message. */
const q = (typed: string) => `"\u2068${typed}\u2069"`;

describe('errors say what and where', () => {
  it.each([
    ['2x+1)', `unexpected ${q(')')} at 5`, 4],
    ['(2x+1', 'missing ")" for the "(" at 1', 5],
    ['sin x', `expected "(" after ${q('sin')} at 5`, 4],
    ['', 'the expression is empty', 0],
    ['y =', 'the expression is empty', 3],
    ['2x+', 'unexpected end of the expression at 4', 3],
    ['2 3', `unexpected ${q('3')} at 3`, 2],
    ['x = 2', `unexpected ${q('=')} at 3`, 2],
    ['2x+1 junk', `unknown name ${q('junk')} at 6`, 5],
    ['2x+1 $', `unexpected ${q('$')} at 6`, 5],
    ['sqrt()', `unexpected ${q(')')} at 6`, 5],
    ['sin(1, 2)', 'sin takes 1 argument at 1', 0],
    ['|x', 'missing "|" for the "|" at 1', 2],
    ['x*/2', `unexpected ${q('/')} at 3`, 2],
    ['2x+ب', `unexpected ${q('ب')} at 4`, 3],
    // an invisible character is named by its code, not quoted invisibly
    ['2x+\u2067', `unexpected ${q('\\u2067')} at 4`, 3],
  ])('%j → %s', (text, message, position) => {
    expect(error(text)).toEqual({ message, position });
  });
});

describe('hostile input reaches nothing but numbers', () => {
  it.each([
    ['constructor', `unknown name ${q('constructor')} at 1`],
    ['constructor(1)', `unknown function ${q('constructor')} at 1`],
    ['__proto__', `unknown name ${q('__proto__')} at 1`],
    ['toString(x)', `unknown function ${q('toString')} at 1`],
    ['hasOwnProperty', `unknown name ${q('hasOwnProperty')} at 1`],
    ['valueOf', `unknown name ${q('valueOf')} at 1`],
    ['x.constructor', `unexpected ${q('.')} at 2`],
    ['this', `unknown name ${q('this')} at 1`],
    ['process', `unknown name ${q('process')} at 1`],
    ['alert(1)', `unknown function ${q('alert')} at 1`],
    ['Math.sin(x)', `unexpected ${q('.')} at 5`],
    ['x["constructor"]', `unexpected ${q('[')} at 2`],
    ['`x`', `unexpected ${q('`')} at 1`],
    ['a=>a', `unexpected ${q('>')} at 3`],
    ['y = y', `unknown name ${q('y')} at 5`],
  ])('%s', (text, message) => {
    expect(error(text).message).toBe(message);
  });

  it('evaluates towers of powers to Infinity, not a hang', () => {
    expect(f('9^9^9^9')(0)).toBe(Infinity);
    expect(f('-(9^9^9^9)')(0)).toBe(-Infinity);
    expect(f('(x^999)^999')(10)).toBe(Infinity);
  });

  it('refuses nesting deeper than the limit, within the length limit', () => {
    const ok = '('.repeat(MAX_EXPRESSION_DEPTH) + 'x' + ')'.repeat(MAX_EXPRESSION_DEPTH);
    expect(f(ok)(2)).toBe(2);
    const deep = '('.repeat(MAX_EXPRESSION_DEPTH + 1) + 'x' + ')'.repeat(MAX_EXPRESSION_DEPTH + 1);
    expect(error(deep)).toEqual({
      message: `nested more than ${MAX_EXPRESSION_DEPTH} deep at 33`,
      position: 32,
    });
    expect(error('-'.repeat(40) + 'x').message).toMatch(/^nested more than/);
    expect(error('2^'.repeat(40) + 'x').message).toMatch(/^nested more than/);
    expect(error('sin('.repeat(34) + 'x' + ')'.repeat(34)).message).toMatch(/^nested more than/);
    expect(error('|'.repeat(40) + 'x' + '|'.repeat(40)).message).toMatch(/^nested more than/);
  });

  it('ends 10,000 nested parentheses in an error, not a stack overflow, even with the length limit lifted', () => {
    const deep = '('.repeat(10_000) + 'x' + ')'.repeat(10_000);
    expect(error(deep).message).toBe(`the expression is longer than ${MAX_EXPRESSION_CHARS} characters`);
    const lifted = parseExpression(deep, {
      ...DEFAULT_EXPRESSION_LIMITS,
      maxChars: 100_000,
      maxTokens: 100_000,
    });
    expect(lifted.ok).toBe(false);
    if (!lifted.ok) expect(lifted.error.message).toMatch(/^nested more than 32 deep/);
  });

  it('refuses 100k characters at once and too many tokens even when the length is lifted', () => {
    expect(error('x+'.repeat(50_000) + 'x').message).toBe('the expression is longer than 200 characters');
    const many = parseExpression('x+'.repeat(50_000) + 'x', {
      ...DEFAULT_EXPRESSION_LIMITS,
      maxChars: 200_000,
    });
    expect(many).toEqual({
      ok: false,
      error: { message: 'the expression has more than 200 parts', position: 200 },
    });
  });

  it('accepts exactly the longest expression allowed', () => {
    const longest = 'x+'.repeat(MAX_EXPRESSION_CHARS / 2 - 1) + 'x ';
    expect(longest).toHaveLength(MAX_EXPRESSION_CHARS);
    expect(f(longest)(1)).toBe(100);
  });
});

describe('generated polynomials agree with a direct evaluation', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %d: 25 polynomials written in varied styles', (seed) => {
    const random = seededRandom(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    for (let n = 0; n < 25; n++) {
      const coefficients = Array.from({ length: int(1, 5) }, () => int(-9, 9));
      // each term written as a student might: "3x^2", "3*x^2", "3 x^2", "-x", "x", "+ 4"
      const terms = coefficients.map((c, power) => {
        const variable = power === 0 ? '' : power === 1 ? 'x' : `x^${power}`;
        const style = int(0, 2);
        const magnitude = Math.abs(c);
        const coefficient =
          power === 0 || magnitude !== 1 ? `${magnitude}${[' ', '', '*'][style]}` : style === 2 ? '1*' : '';
        const body = power === 0 ? `${magnitude}` : `${coefficient}${variable}`;
        return { sign: c < 0 ? '-' : '+', body };
      });
      const text = terms
        .reverse()
        .map((t, i) => (i === 0 ? (t.sign === '-' ? `-${t.body}` : t.body) : ` ${t.sign} ${t.body}`))
        .join('');
      const evaluate = f(text);
      for (const x of [-3, -1.5, 0, 0.25, 2, 7]) {
        const expected = coefficients.reduce((sum, c, power) => sum + c * x ** power, 0);
        expect(evaluate(x), `${text} at ${x}`).toBeCloseTo(expected, 6);
      }
    }
  });
});
