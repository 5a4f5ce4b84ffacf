// The default diagnostic, written for Conjecture: 8 items on fractions and proportional reasoning (grades 6–8).
// Options pair an answer with a reason, because the same answer can come from sound or unsound thinking;
// every wrong option names the misconception it reveals, and each misconception is reachable from ≥ 2 items.
// Plain JSON-compatible data: a teacher's own bank has exactly this shape (see docs/grouping.md).
import type { ItemBank } from './itemBank.js';

export const DEFAULT_ITEM_BANK = {
  id: 'fractions-proportional-reasoning',
  title: 'Fractions and proportional reasoning (grades 6–8)',
  description: 'Comparing fractions, unit rates, ratio tables and percent — 8 items, about 10 minutes.',
  skills: [
    { id: 'comparing-fractions', name: 'Comparing fractions' },
    { id: 'unit-rate', name: 'Unit rates' },
    { id: 'ratio-tables', name: 'Ratio tables' },
    { id: 'percent', name: 'Percent' },
  ],
  misconceptions: [
    {
      id: 'whole-number-bias',
      name: 'Whole-number thinking about fractions',
      description:
        'Treats numerator and denominator as separate whole numbers: bigger numbers mean a bigger fraction (1/8 > 1/5 because 8 > 5), or more correct answers mean a better score whatever the total.',
      nextStep: 'Draw both fractions as parts of the same-size whole and compare the pieces you shaded.',
    },
    {
      id: 'gap-thinking',
      name: 'Gap thinking',
      description:
        'Compares fractions by how many pieces are missing from a whole, ignoring the size of the pieces (3/4 and 5/6 are "equal" because each is one piece short).',
      nextStep: 'When two fractions are each "one piece short", ask how big that missing piece is in each.',
    },
    {
      id: 'additive-reasoning',
      name: 'Additive instead of multiplicative reasoning',
      description:
        'Keeps differences constant where the situation needs constant ratios: adds the same amount to both parts of a ratio, a fraction or a recipe (2:3 becomes 8:9).',
      nextStep: 'In a ratio table, check each new row: did you multiply both numbers by the same factor?',
    },
    {
      id: 'inverted-rate',
      name: 'Inverted rate',
      description:
        'Divides in the wrong order or reads a rate the wrong way round (dollars per item as items per dollar), so the comparison is flipped.',
      nextStep: 'Say the units out loud — "dollars per pencil" or "pencils per dollar" — before comparing.',
    },
    {
      id: 'part-part-whole',
      name: 'Part-to-part vs part-to-whole',
      description:
        'Reads a part-to-part ratio as a fraction of the whole (girls:boys = 3:2 read as 3/2 of the class are girls), or applies a part-to-whole fraction to a single part.',
      nextStep: 'Draw the ratio as a tape diagram and count how many parts make the whole.',
    },
    {
      id: 'wrong-whole',
      name: 'Percent or rate of the wrong whole',
      description:
        'Applies a percent, fraction or rate to the wrong whole: takes the second percent change of the original price, uses a pack price as a unit price, compares totals for different amounts.',
      nextStep: 'Before you calculate, name the whole: "this percent is of what?"',
    },
    {
      id: 'fixed-amount',
      name: 'Percent or fraction as a fixed amount',
      description:
        'Treats a percent or fraction as a fixed amount rather than a share of a particular whole: +10% then −10% cancel, 25% off $40 is $15, one slice is one slice whatever the pizza.',
      nextStep: 'Try it with numbers: start at 100, apply each change, and see where you land.',
    },
  ],
  items: [
    {
      id: 'compare-three-quarters',
      stem: 'Which is greater, 3/4 or 5/6?',
      // the two fractions displayed, under the stem (which the page shows too)
      stemLatex: '\\dfrac{3}{4} \\quad \\text{or} \\quad \\dfrac{5}{6}',
      skills: ['comparing-fractions'],
      options: [
        {
          id: 'a',
          text: '5/6, because it is only 1/6 short of a whole and 1/6 is smaller than 1/4',
          correct: true,
        },
        {
          id: 'b',
          text: 'They are equal, because each is one piece short of a whole',
          misconception: 'gap-thinking',
        },
        {
          id: 'c',
          text: 'They are equal, because 3 + 2 = 5 and 4 + 2 = 6',
          misconception: 'additive-reasoning',
        },
        {
          id: 'd',
          text: '5/6, because 5 and 6 are bigger numbers than 3 and 4',
          misconception: 'whole-number-bias',
        },
      ],
    },
    {
      id: 'compare-pizza',
      stem: 'Jo ate 1/8 of a pizza. Sam ate 1/5 of a pizza of the same size. Who ate more?',
      skills: ['comparing-fractions'],
      options: [
        { id: 'a', text: 'Sam, because fifths are bigger slices than eighths', correct: true },
        { id: 'b', text: 'Jo, because 8 is more than 5', misconception: 'whole-number-bias' },
        { id: 'c', text: 'They ate the same, because each ate one slice', misconception: 'fixed-amount' },
        { id: 'd', text: 'Sam ate 3 slices more, because 8 − 5 = 3', misconception: 'additive-reasoning' },
      ],
    },
    {
      id: 'juice-pack',
      stem: 'A 6-pack of juice costs $4.20. At the same price per bottle, how much do 9 bottles cost?',
      skills: ['unit-rate'],
      options: [
        { id: 'a', text: '$6.30, because each bottle costs $0.70', correct: true },
        {
          id: 'b',
          text: '$7.20, because 9 is 3 more than 6, so add $3',
          misconception: 'additive-reasoning',
        },
        {
          id: 'c',
          text: '$12.86, because 6 ÷ 4.20 ≈ 1.43 per bottle, and 9 × 1.43 ≈ 12.86',
          misconception: 'inverted-rate',
        },
        { id: 'd', text: '$37.80, because 9 × $4.20 = $37.80', misconception: 'wrong-whole' },
      ],
    },
    {
      id: 'pencil-deal',
      stem: 'Store A sells 5 pencils for $2. Store B sells 8 pencils for $3. Which is the better deal?',
      skills: ['unit-rate'],
      options: [
        { id: 'a', text: 'Store B: $0.375 a pencil is less than $0.40 a pencil', correct: true },
        {
          id: 'b',
          text: 'Store A: 2 ÷ 5 = 0.4 and 3 ÷ 8 = 0.375, and 0.4 is more pencils per dollar',
          misconception: 'inverted-rate',
        },
        {
          id: 'c',
          text: 'Store B: you get 5 more pencils than dollars there, and only 3 more at A',
          misconception: 'additive-reasoning',
        },
        { id: 'd', text: 'Store A, because $2 is less than $3', misconception: 'wrong-whole' },
      ],
    },
    {
      id: 'recipe-table',
      stem: 'A recipe uses 2 cups of flour for every 3 cups of milk. How much milk goes with 8 cups of flour?',
      skills: ['ratio-tables'],
      options: [
        { id: 'a', text: '12 cups, because 8 is 4 × 2, so the milk is 4 × 3', correct: true },
        {
          id: 'b',
          text: '9 cups, because 8 is 6 more than 2, so 3 + 6',
          misconception: 'additive-reasoning',
        },
        { id: 'c', text: 'About 5.3 cups, because 8 × 2/3 ≈ 5.3', misconception: 'inverted-rate' },
        {
          id: 'd',
          text: '4.8 cups, because milk is 3/5 of the mix and 3/5 of 8 is 4.8',
          misconception: 'part-part-whole',
        },
      ],
    },
    {
      id: 'class-ratio',
      stem: 'In a class, the ratio of girls to boys is 3 : 2. What fraction of the class are girls?',
      stemLatex: '\\text{girls} : \\text{boys} = 3 : 2',
      skills: ['ratio-tables', 'comparing-fractions'],
      options: [
        { id: 'a', text: '3/5, because 3 of every 5 students are girls', correct: true },
        { id: 'b', text: '3/2, because there are 3 girls for 2 boys', misconception: 'part-part-whole' },
        { id: 'c', text: '2/3, because you divide the boys by the girls', misconception: 'inverted-rate' },
        {
          id: 'd',
          text: '1/5, because there is 1 more girl than boys in every 5',
          misconception: 'additive-reasoning',
        },
      ],
    },
    {
      id: 'up-then-down',
      stem: 'A price goes up 10%, then the new price goes down 10%. Compared with the start, the final price is…',
      skills: ['percent'],
      options: [
        { id: 'a', text: '1% lower: 100 → 110 → 99', correct: true },
        { id: 'b', text: 'The same, because +10% and −10% cancel out', misconception: 'fixed-amount' },
        {
          id: 'c',
          text: 'Higher, because the 10% increase was taken of a bigger number than the decrease',
          misconception: 'wrong-whole',
        },
        {
          id: 'd',
          text: '10% lower, because the last change was down 10% of the starting price',
          misconception: 'wrong-whole',
        },
      ],
    },
    {
      id: 'quiz-scores',
      stem: 'Ana got 9 out of 10 on a quiz. Ben got 18 out of 20 on another quiz. Who did better?',
      skills: ['percent', 'comparing-fractions'],
      options: [
        { id: 'a', text: 'They did equally well: both scored 90%', correct: true },
        {
          id: 'b',
          text: 'Ana, because she missed only 1 question and Ben missed 2',
          misconception: 'gap-thinking',
        },
        {
          id: 'c',
          text: 'Ben, because he got 18 right and Ana got only 9',
          misconception: 'whole-number-bias',
        },
        {
          id: 'd',
          text: 'Ben, because he got 9 more right with only 10 more questions',
          misconception: 'additive-reasoning',
        },
      ],
    },
  ],
} satisfies ItemBank;
