import { MATH_FUNCTIONS } from './functions.js';
import { DEFAULT_EXPRESSION_LIMITS, parseExpression, type ExpressionNode } from './parse.js';
import type { ExpressionLimits, ExpressionResult } from './tokens.js';

/** A parsed `y = f(x)`, ready to sample. Any x gives a number, possibly NaN or ±Infinity (1/0, sqrt(-1)). */
export interface CompiledFunction {
  readonly ast: ExpressionNode;
  readonly evaluate: (x: number) => number;
}

/**
 * Turns the tree into nested closures once, so a plot of ~1,000 samples walks no tree and allocates
 * nothing per sample. Evaluation has no loops and no recursion deeper than the parse depth: it cannot hang.
 */
function toClosure(node: ExpressionNode): (x: number) => number {
  switch (node.kind) {
    case 'number': {
      const value = node.value;
      return () => value;
    }
    case 'variable':
      return (x) => x;
    case 'unary': {
      const operand = toClosure(node.operand);
      return (x) => -operand(x);
    }
    case 'binary': {
      const left = toClosure(node.left);
      const right = toClosure(node.right);
      switch (node.operator) {
        case '+':
          return (x) => left(x) + right(x);
        case '-':
          return (x) => left(x) - right(x);
        case '*':
          return (x) => left(x) * right(x);
        case '/':
          return (x) => left(x) / right(x);
        case '^':
          return (x) => power(left(x), right(x));
      }
      break;
    }
    case 'call': {
      const fn = MATH_FUNCTIONS.get(node.name);
      // the parser only builds calls to known names; an unknown one here is a bug, not user input
      if (!fn) throw new Error(`no function ${node.name}`);
      const args = node.args.map(toClosure);
      if (args.length === 1) {
        const [only] = args as [(x: number) => number];
        return (x) => fn.apply([only(x)]);
      }
      return (x) => fn.apply(args.map((arg) => arg(x)));
    }
  }
}

/**
 * x^(p/q) for a negative base: JavaScript gives NaN for (-8)^(1/3), a student expects -2. When the exponent
 * is (within rounding) a fraction with an odd denominator, the real root is returned with its sign.
 */
function power(base: number, exponent: number): number {
  const direct = Math.pow(base, exponent);
  if (base >= 0 || !Number.isNaN(direct) || !Number.isFinite(exponent)) return direct;
  for (const q of [3, 5, 7, 9]) {
    const p = Math.round(exponent * q);
    if (Math.abs(p - exponent * q) < 1e-9) {
      const magnitude = Math.pow(-base, exponent);
      return p % 2 === 0 ? magnitude : -magnitude;
    }
  }
  return direct;
}

export function compileExpression(
  text: string,
  limits: ExpressionLimits = DEFAULT_EXPRESSION_LIMITS,
): ExpressionResult<CompiledFunction> {
  const parsed = parseExpression(text, limits);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { ast: parsed.value, evaluate: toClosure(parsed.value) } };
}
