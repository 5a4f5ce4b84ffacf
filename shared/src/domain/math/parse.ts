import { MATH_CONSTANTS, MATH_FUNCTIONS, VARIABLE_NAME } from './functions.js';
import {
  describeAt,
  MAX_EXPRESSION_CHARS,
  MAX_EXPRESSION_TOKENS,
  quoted,
  tokenize,
  type ExpressionError,
  type ExpressionLimits,
  type ExpressionResult,
  type Token,
} from './tokens.js';

/**
 * A recursive-descent parser for `y = f(x)`. Precedence, loosest first:
 *   sum      := product (('+' | '-') product)*
 *   product  := signed (('*' | '/') signed | <implicit ×> power)*
 *   signed   := ('-' | '+') signed | power          (so -x^2 is -(x^2))
 *   power    := primary ('^' signed)?                (right-associative: 2^3^2 is 2^9)
 *   primary  := number | name | function '(' args ')' | '(' sum ')' | '|' sum '|'
 * Implicit multiplication joins a factor to a following name, '(' or '|' (2x, 3(x+1), 2pi, x|x|), but not to a
 * number ("2 3" and "(x)2" are errors: more likely a typo than a product).
 * Every recursion counts towards `maxDepth`, so a hostile input ends in an error, never a stack overflow.
 */

export type ExpressionNode =
  | { kind: 'number'; value: number }
  | { kind: 'variable' }
  | { kind: 'unary'; operator: '-'; operand: ExpressionNode }
  | { kind: 'binary'; operator: '+' | '-' | '*' | '/' | '^'; left: ExpressionNode; right: ExpressionNode }
  | { kind: 'call'; name: string; args: ExpressionNode[] };

/** Deepest nesting accepted (parentheses, bars, calls, signs and powers all count). */
export const MAX_EXPRESSION_DEPTH = 32;

export const DEFAULT_EXPRESSION_LIMITS: ExpressionLimits = {
  maxChars: MAX_EXPRESSION_CHARS,
  maxTokens: MAX_EXPRESSION_TOKENS,
  maxDepth: MAX_EXPRESSION_DEPTH,
};

/** Thrown inside the parser only, and always caught by `parseExpression`. */
class ParseFailure extends Error {
  constructor(readonly detail: ExpressionError) {
    super(detail.message);
  }
}

const quote = (token: Token) => (token.kind === 'end' ? 'end of the expression' : quoted(token.text));

class Parser {
  private index = 0;
  private depth = 0;
  /** Open `|…|` pairs: inside one, a `|` after an operand closes it rather than opening another. */
  private openBars = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly maxDepth: number,
  ) {}

  parse(): ExpressionNode {
    this.skipAssignment();
    if (this.peek().kind === 'end') throw this.failure('the expression is empty', this.peek().position);
    const node = this.sum();
    const rest = this.peek();
    if (rest.kind !== 'end') throw this.unexpected(rest);
    return node;
  }

  /** `y = 2x + 1` and `f(x) = …` are how students write a function: the left side is read, not parsed. */
  private skipAssignment() {
    const [a, b, c, d, e] = this.tokens.slice(0, 5);
    if (a?.kind === 'name' && a.text === 'y' && b?.text === '=') this.index = 2;
    else if (
      a?.kind === 'name' &&
      a.text === 'f' &&
      b?.text === '(' &&
      c?.text === VARIABLE_NAME &&
      d?.text === ')' &&
      e?.text === '='
    )
      this.index = 5;
  }

  private sum(): ExpressionNode {
    let left = this.product();
    for (;;) {
      const op = this.peek();
      if (op.kind !== 'operator' || (op.text !== '+' && op.text !== '-')) return left;
      this.index++;
      left = { kind: 'binary', operator: op.text, left, right: this.product() };
    }
  }

  private product(): ExpressionNode {
    let left = this.signed();
    for (;;) {
      const next = this.peek();
      if (next.kind === 'operator' && (next.text === '*' || next.text === '/')) {
        this.index++;
        left = { kind: 'binary', operator: next.text, left, right: this.signed() };
      } else if (this.startsImplicitFactor(next)) {
        left = { kind: 'binary', operator: '*', left, right: this.power() };
      } else {
        return left;
      }
    }
  }

  private startsImplicitFactor(token: Token): boolean {
    if (token.kind === 'name') return true;
    if (token.kind !== 'operator') return false;
    return token.text === '(' || (token.text === '|' && this.openBars === 0);
  }

  private signed(): ExpressionNode {
    const op = this.peek();
    if (op.kind === 'operator' && (op.text === '-' || op.text === '+')) {
      this.index++;
      const operand = this.nested(op, () => this.signed());
      return op.text === '-' ? { kind: 'unary', operator: '-', operand } : operand;
    }
    return this.power();
  }

  private power(): ExpressionNode {
    const base = this.primary();
    const op = this.peek();
    if (op.kind !== 'operator' || op.text !== '^') return base;
    this.index++;
    return { kind: 'binary', operator: '^', left: base, right: this.nested(op, () => this.signed()) };
  }

  private primary(): ExpressionNode {
    const token = this.next();
    if (token.kind === 'number') return { kind: 'number', value: Number(token.text) };
    if (token.kind === 'name') return this.name(token);
    if (token.kind === 'operator' && token.text === '(') {
      const inner = this.nested(token, () => this.sum());
      this.expect(')', token);
      return inner;
    }
    if (token.kind === 'operator' && token.text === '|') {
      this.openBars++;
      const inner = this.nested(token, () => this.sum());
      this.openBars--;
      this.expect('|', token);
      return { kind: 'call', name: 'abs', args: [inner] };
    }
    throw this.unexpected(token);
  }

  private name(token: Token): ExpressionNode {
    if (token.text === VARIABLE_NAME) return { kind: 'variable' };
    const constant = MATH_CONSTANTS.get(token.text);
    if (constant !== undefined) return { kind: 'number', value: constant };
    const fn = MATH_FUNCTIONS.get(token.text);
    if (!fn) {
      const what = this.peek().text === '(' ? 'function' : 'name';
      throw this.failure(describeAt(`unknown ${what} ${quoted(token.text)}`, token.position), token.position);
    }
    const open = this.next();
    if (open.text !== '(') {
      throw this.failure(
        describeAt(`expected "(" after ${quoted(token.text)}`, open.position),
        open.position,
      );
    }
    const args: ExpressionNode[] = [];
    this.nested(open, () => {
      // a bar opened outside the call cannot close inside it
      const bars = this.openBars;
      this.openBars = 0;
      args.push(this.sum());
      while (this.peek().text === ',') {
        this.index++;
        args.push(this.sum());
      }
      this.openBars = bars;
    });
    this.expect(')', open);
    if (args.length < fn.minArgs || args.length > fn.maxArgs) {
      const wanted = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
      throw this.failure(
        describeAt(`${token.text} takes ${wanted} argument${wanted === '1' ? '' : 's'}`, token.position),
        token.position,
      );
    }
    return { kind: 'call', name: token.text, args };
  }

  private nested<T>(at: Token, parse: () => T): T {
    if (++this.depth > this.maxDepth) {
      throw this.failure(describeAt(`nested more than ${this.maxDepth} deep`, at.position), at.position);
    }
    const result = parse();
    this.depth--;
    return result;
  }

  private expect(text: string, opening: Token) {
    const token = this.peek();
    if (token.kind === 'operator' && token.text === text) {
      this.index++;
      return;
    }
    if (token.kind === 'end') {
      throw this.failure(
        describeAt(
          `missing ${JSON.stringify(text)} for the ${JSON.stringify(opening.text)}`,
          opening.position,
        ),
        token.position,
      );
    }
    throw this.unexpected(token);
  }

  private peek(): Token {
    // the tokenizer always ends the list with an `end` token, and the parser never moves past it
    return this.tokens[this.index] ?? (this.tokens[this.tokens.length - 1] as Token);
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private unexpected(token: Token): ParseFailure {
    return this.failure(describeAt(`unexpected ${quote(token)}`, token.position), token.position);
  }

  private failure(message: string, position: number): ParseFailure {
    return new ParseFailure({ message, position });
  }
}

/** Parses a typed `y = f(x)`; errors say what and where (1-based in the message, 0-based in `position`). */
export function parseExpression(
  text: string,
  limits: ExpressionLimits = DEFAULT_EXPRESSION_LIMITS,
): ExpressionResult<ExpressionNode> {
  const tokens = tokenize(text, limits);
  if (!tokens.ok) return tokens;
  try {
    return { ok: true, value: new Parser(tokens.value, limits.maxDepth).parse() };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.detail };
    throw error;
  }
}
