import { describe, expect, it } from 'vitest';
import { shapeRecord } from '../../board/shapeRecordFixtures.js';
import { DEFAULT_ANTICIPATIONS } from './defaultSet.js';
import { latexToPlain } from './latex.js';
import { matchBoard } from './matcher.js';
import { numbersIn } from './boardContent.js';
import { AnticipationSchema, type Anticipation } from './schema.js';

const note = (id: string, text: string) =>
  shapeRecord(
    'note',
    { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
    `shape:${id}`,
  );
const table = (id: string, cells: string[][]) =>
  shapeRecord('table', { w: 300, h: 120, cells, headerRow: true }, `shape:${id}`);
const equation = (id: string, latex: string) =>
  shapeRecord('equation', { w: 200, h: 64, latex, fontSize: 28 }, `shape:${id}`);

const matched = (records: unknown[], anticipations: readonly Anticipation[] = DEFAULT_ANTICIPATIONS) =>
  matchBoard(records, [], anticipations)
    .matches.filter((m) => m.matched)
    .map((m) => m.anticipationId);

describe('reading board content', () => {
  it('reads decimals, fractions, cents and written calculations', () => {
    const values = numbersIn('$2 ÷ 3 = .67, 3/5 and 60 cents').map((n) => Math.round(n.value * 1000) / 1000);
    expect(values).toEqual(expect.arrayContaining([2, 3, 0.67, 0.6, 5]));
  });

  it('turns equation LaTeX into plain text', () => {
    expect(latexToPlain('\\frac{2}{3}\\approx 0.\\overline{6}')).toMatch(/^2\/3\s*≈\s*0\.6666/);
    expect(latexToPlain('1\\tfrac{2}{3}\\text{ pens}')).toBe('1+2/3 pens');
    expect(latexToPlain('\\frac{\\$3}{5\\text{ pens}}')).toBe('($3)/(5 pens )');
  });

  it('survives records no client should write', () => {
    expect(() =>
      matchBoard(
        [
          null,
          7,
          { typeName: 'shape' },
          { typeName: 'shape', id: 'shape:x', type: 'table', props: { cells: 3 } },
        ],
        [],
        DEFAULT_ANTICIPATIONS,
      ),
    ).not.toThrow();
  });
});

describe('matching anticipations', () => {
  it('quotes a look-for phrase in the evidence in an isolate', () => {
    const a = AnticipationSchema.parse({
      id: 'p',
      title: 'p',
      kind: 'strategy',
      threshold: 1,
      lookFors: [{ kind: 'phrase', text: 'per pen' }],
    });
    // a phrase with a right-to-left word, and an override from before the schema stripped them
    const stored = { ...a, lookFors: [{ ...a.lookFors[0]!, text: 'per pen \u202eלעט' }] } as Anticipation;
    const [match] = matchBoard([note('n', 'cost per pen')], [], [stored]).matches;
    expect(match?.evidence[0]?.text).toBe('note with "\u2068per pen לעט\u2069"');
  });

  it('quotes a look-for expression in the evidence in an isolate', () => {
    const a = AnticipationSchema.parse({
      id: 'e',
      title: 'e',
      kind: 'strategy',
      threshold: 1,
      lookFors: [{ kind: 'expression', text: '3-2' }],
    });
    // an expression with a right-to-left word and an override, on a board and in a look-for from before the strip
    const stored = { ...a, lookFors: [{ ...a.lookFors[0]!, text: '3-2 \u202eשקל' }] } as Anticipation;
    const [match] = matchBoard([note('q', 'ההפרש 3-2 \u202eשקל')], [], [stored]).matches;
    expect(match?.evidence[0]?.text).toBe('note with \u20683-2 שקל\u2069');
  });

  it('matches a unit-price table with evidence naming the values', () => {
    const result = matchBoard(
      [
        table('t', [
          ['store', 'cost per pen'],
          ['A', '0.67'],
          ['B', '0.60'],
        ]),
      ],
      [],
      DEFAULT_ANTICIPATIONS,
    );
    const unit = result.matches.find((m) => m.anticipationId === 'unit-price');
    expect(unit?.matched).toBe(true);
    expect(unit?.evidence[0]?.text).toBe('table with 0.67, 0.60 and "\u2068per pen\u2069"');
    expect(result.notAnticipated).toEqual([]);
  });

  it('flags a misconception as a misconception', () => {
    const result = matchBoard(
      [note('n', 'Store A is better because $2 is less than $3')],
      [],
      DEFAULT_ANTICIPATIONS,
    );
    const total = result.matches.find((m) => m.anticipationId === 'total-price');
    expect(total).toMatchObject({ matched: true, kind: 'misconception' });
  });

  it('reads equations: 2/3 as a value and 3 − 2 as an expression', () => {
    expect(matched([equation('a', '\\frac{2}{3}=0.67'), equation('b', '\\frac{3}{5}=0.6')])).toContain(
      'unit-price',
    );
    expect(matched([equation('a', '3-2=1'), equation('b', '5-3=2')])).toContain('additive-difference');
  });

  it('calls numeric work that matches nothing "not anticipated"', () => {
    const result = matchBoard([note('n', 'B is 10% cheaper')], [], DEFAULT_ANTICIPATIONS);
    expect(result.matches.every((m) => !m.matched)).toBe(true);
    expect(result.notAnticipated).toEqual([{ shapeId: 'shape:n', text: 'note with 10' }]);
  });

  it('counts a look-for once however often it appears, and negative look-fors against', () => {
    const a = AnticipationSchema.parse({
      id: 'x',
      title: 'x',
      kind: 'strategy',
      threshold: 2,
      lookFors: [
        { kind: 'phrase', text: 'half' },
        { kind: 'value', value: 0.5, tolerance: 0 },
        { kind: 'phrase', text: 'not', weight: -1 },
      ],
    });
    expect(matched([note('a', 'half'), note('b', 'half again')], [a])).toEqual([]);
    expect(matched([note('a', 'half is 1/2')], [a])).toEqual(['x']);
    expect(matched([note('a', 'half is not 1/2')], [a])).toEqual([]);
  });

  it('matches talk moves from the board tags and representation kinds', () => {
    const a = AnticipationSchema.parse({
      id: 'y',
      title: 'y',
      kind: 'strategy',
      threshold: 2,
      lookFors: [
        { kind: 'talkMove', move: 'providing_evidence_reasoning' },
        { kind: 'representation', representation: 'table' },
      ],
    });
    const records = [note('n', 'because it doubles'), table('t', [['1', '2']])];
    expect(matchBoard(records, [], [a]).matches[0]?.matched).toBe(false);
    const tags = [{ shapeId: 'shape:n', move: 'providing_evidence_reasoning' }];
    expect(matchBoard(records, tags, [a]).matches[0]?.matched).toBe(true);
  });
});
