import { AnticipationSchema, type Anticipation, type AnticipationInput } from './schema.js';

/**
 * The sample task of the ratios-and-fractions family (the default diagnostic's unit-rate and ratio-table
 * skills and its misconceptions), and the anticipations a class on that task starts with (`anticipationsForTask`).
 * The teacher edits them freely.
 */
export const DEFAULT_TASK = {
  id: 'pen-deal',
  title: 'Pen deal',
  prompt:
    'Store A sells 3 pens for $2. Store B sells 5 pens for $3. Which store has the better deal? Show your thinking in more than one way.',
} as const;

const phrase = (text: string, weight = 1) => ({ kind: 'phrase' as const, text, weight });
const value = (v: number, tolerance: number, weight = 1) => ({
  kind: 'value' as const,
  value: v,
  tolerance,
  weight,
});
const expression = (text: string, weight = 1) => ({ kind: 'expression' as const, text, weight });
const representation = (r: 'table' | 'coordinate-plane' | 'number-line', weight = 1) => ({
  kind: 'representation' as const,
  representation: r,
  weight,
});

const DEFAULTS: Array<AnticipationInput & { id: string }> = [
  {
    id: 'unit-price',
    title: 'Unit price',
    description:
      'Finds what one pen costs at each store: $2 ÷ 3 ≈ $0.67 and $3 ÷ 5 = $0.60, so B is cheaper per pen.',
    kind: 'strategy',
    lookFors: [
      value(2 / 3, 0.015),
      value(0.6, 0.005),
      phrase('per pen | each pen | one pen | a pen | each | unit price | unit rate | cost per'),
      expression('2/3', 0.5),
      expression('3/5', 0.5),
    ],
    threshold: 2,
  },
  {
    id: 'pens-per-dollar',
    title: 'Pens per dollar',
    description:
      'Finds how many pens one dollar buys: 3 ÷ 2 = 1.5 at A and 5 ÷ 3 ≈ 1.67 at B, so B gives more.',
    kind: 'strategy',
    lookFors: [
      value(1.5, 0.005),
      value(5 / 3, 0.01),
      phrase(
        'per dollar | for $1 | for 1 dollar | for one dollar | 1 dollar | one dollar | pens per | per $1',
      ),
      phrase('per pen | each pen | dollar for each', -1),
    ],
    threshold: 2,
  },
  {
    id: 'common-quantity',
    title: 'Same number of pens',
    description:
      'Scales both deals to the same number of pens (15 pens: $10 at A, $9 at B) or the same cost ($6: 9 pens against 10) — a ratio table, a double number line or equivalent fractions.',
    kind: 'strategy',
    lookFors: [
      value(15, 0),
      value(10, 0, 0.5),
      value(9, 0, 0.5),
      phrase('same number | same amount | 15 pens | 30 pens | for $6 | $6 | 6 dollars | if we buy'),
      value(30, 0, 0.5),
      value(20, 0, 0.5),
      value(18, 0, 0.5),
      expression('10/15'),
      expression('9/15'),
      representation('table', 0.5),
    ],
    threshold: 2,
  },
  {
    id: 'graph-rates',
    title: 'Graph both deals',
    description:
      'Graphs cost against pens for both stores (lines y = 2/3 x and y = 3/5 x, or points) and compares the lines.',
    kind: 'strategy',
    lookFors: [
      representation('coordinate-plane'),
      expression('2/3x'),
      expression('3/5x'),
      expression('0.6x'),
      phrase('steeper | slope | line | graph'),
    ],
    threshold: 2,
  },
  {
    id: 'additive-difference',
    title: 'Compares differences',
    description:
      'Additive instead of multiplicative reasoning: compares 3 − 2 with 5 − 3 ("B gives 2 more pens than dollars").',
    kind: 'misconception',
    lookFors: [
      expression('3-2'),
      expression('5-3'),
      phrase(
        'more pens than | extra pen | more than the money | more than dollar | bigger diff | bigger difference',
        1.5,
      ),
      phrase('diff | difference | more'),
    ],
    threshold: 2,
  },
  {
    id: 'inverted-rate',
    title: 'Rate the wrong way round',
    description:
      'Divides the wrong way round or reads pens per dollar as a price ("$1.50 a pen at A, $1.67 at B, so A is cheaper").',
    kind: 'misconception',
    lookFors: [
      value(1.5, 0.005, 0.5),
      value(5 / 3, 0.01, 0.5),
      phrase('per pen | each pen | dollar for each | dollars per pen | price per pen', 0.5),
      // The wrong conclusion is what tells this apart from a correct unit price or pens per dollar.
      phrase('a is cheaper | a cheaper | a is better | a better | a wins | choose a'),
      value(2 / 3, 0.015, 0.5),
      value(0.6, 0.005, 0.5),
    ],
    threshold: 2,
  },
  {
    id: 'total-price',
    title: 'Compares totals',
    description:
      'Compares $2 with $3 and ignores how many pens each buys ("A is cheaper because $2 is less than $3").',
    kind: 'misconception',
    lookFors: [
      expression('2<3'),
      phrase('less money | costs less | spend less | 2 dollars < | is less than $3 | 2 is less'),
      phrase('a is cheaper | a is the better | a cheaper | a is better | choose a | a costs less'),
      value(2 / 3, 0.015, -1),
      value(1.5, 0.005, -1),
    ],
    threshold: 2,
  },
];

export const DEFAULT_ANTICIPATIONS: readonly Anticipation[] = DEFAULTS.map((a) =>
  AnticipationSchema.parse(a),
);

/** The sample task's two offers, however the prompt words the rest ("3 pens for $2", "5 pens for $3.00"). */
const SAMPLE_OFFERS = [/\b3\s+pens?\s+for\s+\$\s?2(?:\.00)?\b/i, /\b5\s+pens?\s+for\s+\$\s?3(?:\.00)?\b/i];

/** Whether a class's task prompt is the sample task's (both of its offers are in it). */
export const isSampleTask = (prompt: string): boolean => SAMPLE_OFFERS.every((offer) => offer.test(prompt));

/**
 * The anticipations a class starts with: the sample set for the sample task, none for any other — a class on
 * linear equations shown "Unit price" (and its boards matched against "per pen") would be misled.
 */
export const anticipationsForTask = (prompt: string): readonly Anticipation[] =>
  isSampleTask(prompt) ? DEFAULT_ANTICIPATIONS : [];
