/**
 * The names an expression may use. Looked up in Maps (never `object[name]`), so `constructor`, `__proto__`,
 * `toString` or `hasOwnProperty` are unknown names like any other: nothing of JavaScript's object model is
 * reachable from a typed expression.
 */

export interface MathFunction {
  minArgs: number;
  maxArgs: number;
  apply: (args: readonly number[]) => number;
}

const unary = (fn: (v: number) => number): MathFunction => ({
  minArgs: 1,
  maxArgs: 1,
  apply: (args) => fn(args[0] ?? NaN),
});

/** Most arguments `min`/`max` take: bounded like everything else in an expression. */
const MAX_VARIADIC_ARGS = 8;

export const MATH_FUNCTIONS: ReadonlyMap<string, MathFunction> = new Map<string, MathFunction>([
  ['sqrt', unary(Math.sqrt)],
  ['abs', unary(Math.abs)],
  ['sin', unary(Math.sin)],
  ['cos', unary(Math.cos)],
  ['tan', unary(Math.tan)],
  ['asin', unary(Math.asin)],
  ['acos', unary(Math.acos)],
  ['atan', unary(Math.atan)],
  ['ln', unary(Math.log)],
  // log is base 10, as on school calculators; ln is the natural logarithm
  ['log', unary(Math.log10)],
  ['exp', unary(Math.exp)],
  ['floor', unary(Math.floor)],
  ['ceil', unary(Math.ceil)],
  ['round', unary(Math.round)],
  ['sign', unary(Math.sign)],
  ['min', { minArgs: 1, maxArgs: MAX_VARIADIC_ARGS, apply: (args) => Math.min(...args) }],
  ['max', { minArgs: 1, maxArgs: MAX_VARIADIC_ARGS, apply: (args) => Math.max(...args) }],
]);

export const MATH_CONSTANTS: ReadonlyMap<string, number> = new Map<string, number>([
  ['pi', Math.PI],
  ['π', Math.PI],
  ['e', Math.E],
]);

/** The one variable of `y = f(x)`. */
export const VARIABLE_NAME = 'x';
