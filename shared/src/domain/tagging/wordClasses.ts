import { isNumberToken } from './text.js';

// Talk moves are about how something is said, not which lesson it is in: numbers, fractions, variables and
// the words of school mathematics become classes, so a claim about "nine" in one lesson teaches the model about
// "9 cm" in another. Lists written from school-mathematics vocabulary, not from the training data.
const NUMBER_WORDS = new Set(
  (
    'zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million'
  ).split(' '),
);
// "one" and the singular ordinals ("third", "fourth") are left out: mostly "which one", "the third row".
const FRACTION_WORDS = new Set(
  'half halves thirds fourths quarters fifths sixths sevenths eighths ninths tenths twelfths hundredths'.split(
    ' ',
  ),
);
// Single letters that are names of unknowns, not words ("a" and "i" are words).
const VARIABLE_RE = /^[b-hj-z]$/;
const MATH_WORDS = new Set(
  (
    'add adding added addition plus minus subtract subtracting subtracted subtraction times multiply multiplying ' +
    'multiplied multiplication divide dividing divided division equal equals equation equations fraction ' +
    'fractions numerator denominator decimal decimals percent ratio ratios proportion slope graph graphs axis ' +
    'coordinate coordinates intercept line lines point points area perimeter volume angle angles triangle ' +
    'triangles square squares rectangle rectangles circle radius diameter length width height side sides sum ' +
    'difference product quotient remainder factor factors multiple multiples prime even odd negative positive ' +
    'number numbers digit digits value variable expression pattern table formula average mean median mode ' +
    'probability inches feet centimeters meters units unit estimate round rounding greater less bigger smaller ' +
    'double twice'
  ).split(' '),
);

/** The class a token stands for in the move features (`<num>`, `<frac>`, `<var>`), or the token itself. */
export function wordClass(token: string): string {
  if (isNumberToken(token)) return token.includes('/') ? '<frac>' : '<num>';
  if (NUMBER_WORDS.has(token)) return '<num>';
  if (FRACTION_WORDS.has(token)) return '<frac>';
  if (VARIABLE_RE.test(token)) return '<var>';
  return token;
}

export function isMathWord(token: string): boolean {
  return MATH_WORDS.has(token) || wordClass(token) !== token;
}
