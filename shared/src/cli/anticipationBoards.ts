/**
 * Writes the frozen anticipation evaluation set (`shared/anticipations/<author>.json`): boards for the default
 * task ("Pen deal", see shared/anticipations/README.md), as tldraw records in the format our board stores, each
 * labelled with the default anticipations it should match. Written before the matcher and never tuned on the
 * held-out authors: the boards below are data, the helpers only wrap content in full records.
 *
 *   pnpm exec tsx shared/src/cli/anticipationBoards.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shapeRecord } from '../board/shapeRecordFixtures.js';
import { COORDINATE_PLANE_DEFAULT_PROPS } from '../board/coordinatePlane.js';
import { NUMBER_LINE_DEFAULT_PROPS } from '../board/numberLine.js';

type Rec = Record<string, unknown>;

/** What an author wrote on one board, and what a teacher reading it says it shows. */
interface AuthoredBoard {
  id: string;
  /** Anticipation ids this board shows. Every other default anticipation is a "should not match". */
  should: string[];
  /** Anticipations a careful reader could argue either way: left out of the figures for this board. */
  unsure?: string[];
  /** The board holds substantive work that none of the anticipations describes. */
  notAnticipated?: boolean;
  records: Rec[];
}

const rich = (text: string) => ({
  type: 'doc',
  content: text.split('\n').map((line) => ({
    type: 'paragraph',
    ...(line ? { content: [{ type: 'text', text: line }] } : {}),
  })),
});

/** Fractional-index digits after 'a' (tldraw's keys: 'a1' < 'a2' < … < 'aZ' < 'aa'). */
const INDEX_DIGITS = '123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
let counter = 0;
const place = (r: Rec): Rec => {
  counter += 1;
  return {
    ...r,
    x: 40 + (counter % 4) * 260,
    y: 40 + Math.floor(counter / 4) * 200,
    index: `a${INDEX_DIGITS[counter % INDEX_DIGITS.length]}`,
  };
};
const sid = (kind: string) => `shape:${kind}${counter + 1}`;

const note = (text: string, color = 'yellow'): Rec =>
  place(
    shapeRecord(
      'note',
      {
        color,
        labelColor: 'black',
        size: 'm',
        font: 'draw',
        fontSizeAdjustment: 0,
        align: 'middle',
        verticalAlign: 'middle',
        growY: 0,
        url: '',
        scale: 1,
        richText: rich(text),
        textLastEditedBy: null,
      },
      sid('note'),
    ),
  );

const text = (t: string): Rec =>
  place(
    shapeRecord(
      'text',
      {
        color: 'black',
        size: 'm',
        font: 'draw',
        textAlign: 'start',
        w: 240,
        richText: rich(t),
        scale: 1,
        autoSize: true,
      },
      sid('text'),
    ),
  );

const box = (t: string): Rec =>
  place(
    shapeRecord(
      'geo',
      {
        geo: 'rectangle',
        w: 200,
        h: 120,
        color: 'black',
        labelColor: 'black',
        fill: 'none',
        dash: 'draw',
        size: 'm',
        font: 'draw',
        align: 'middle',
        verticalAlign: 'middle',
        growY: 0,
        url: '',
        scale: 1,
        richText: rich(t),
        flipX: false,
        flipY: false,
      },
      sid('geo'),
    ),
  );

const table = (cells: string[][], headerRow = true): Rec =>
  place(
    shapeRecord(
      'table',
      { w: 96 * (cells[0]?.length ?? 1), h: 40 * cells.length, cells, headerRow },
      sid('table'),
    ),
  );

const equation = (latex: string): Rec =>
  place(shapeRecord('equation', { w: 200, h: 64, latex, fontSize: 28 }, sid('equation')));

const numberLine = (min: number, max: number, points: Array<[number, string]>, den = 1): Rec =>
  place(
    shapeRecord(
      'number-line',
      {
        ...NUMBER_LINE_DEFAULT_PROPS,
        axis: { min, max, tickNumerator: 1, tickDenominator: den, tickLabels: 'decimal' },
        points: points.map(([value, label], i) => ({ id: `p${i + 1}`, value, label })),
        snapToTicks: false,
      },
      sid('numberline'),
    ),
  );

const plane = (
  points: Array<[number, number, string]>,
  functions: string[],
  window = { xMin: 0, xMax: 16, yMin: 0, yMax: 12, xStep: 1, yStep: 1 },
): Rec =>
  place(
    shapeRecord(
      'coordinate-plane',
      {
        ...COORDINATE_PLANE_DEFAULT_PROPS,
        window,
        points: points.map(([x, y, label], i) => ({ id: `p${i + 1}`, x, y, label })),
        functions: functions.map((t, i) => ({
          id: `f${i + 1}`,
          text: t,
          color: (['blue', 'red', 'green'] as const)[i % 3],
        })),
      },
      sid('plane'),
    ),
  );

const fractionBar = (columns: number, shaded: number): Rec =>
  place(
    shapeRecord(
      'fraction-bar',
      {
        w: 320,
        h: 64,
        model: 'bar',
        partition: { rows: 1, columns, shaded: Array.from({ length: shaded }, (_, i) => i) },
        showLabel: true,
      },
      sid('fractionbar'),
    ),
  );

const drawing = (): Rec =>
  place(
    shapeRecord(
      'geo',
      {
        geo: 'ellipse',
        w: 80,
        h: 80,
        color: 'blue',
        labelColor: 'black',
        fill: 'solid',
        dash: 'draw',
        size: 'm',
        font: 'draw',
        align: 'middle',
        verticalAlign: 'middle',
        growY: 0,
        url: '',
        scale: 1,
        richText: { type: 'doc', content: [] },
        flipX: false,
        flipY: false,
      },
      sid('geo'),
    ),
  );

const board = (id: string, labels: Omit<AuthoredBoard, 'id' | 'records'>, ...records: Rec[]) => {
  return { id, ...labels, records } satisfies AuthoredBoard;
};

/** Each author is one source: a style of writing boards. Three are dev (tuned on), three held out. */
const AUTHORS: Record<string, { split: 'dev' | 'heldout'; style: string; boards: () => AuthoredBoard[] }> = {
  amara: {
    split: 'dev',
    style: 'sticky notes in full sentences, careful, one idea per note',
    boards: () => [
      board(
        'amara-1',
        { should: ['unit-price'] },
        note('At Store A one pen costs $2 ÷ 3 = $0.67'),
        note('At Store B one pen costs $3 ÷ 5 = $0.60'),
        note('Store B is the better deal because each pen is cheaper.'),
      ),
      board(
        'amara-2',
        { should: ['pens-per-dollar'] },
        note('For $1 at Store A you get 3 ÷ 2 = 1.5 pens.'),
        note('For $1 at Store B you get 5 ÷ 3 = 1.67 pens.'),
        note('B gives you more pens per dollar so B is better.'),
      ),
      board(
        'amara-3',
        { should: ['common-quantity'] },
        note('If we buy 15 pens at Store A that is 5 packs so $10.'),
        note('15 pens at Store B is 3 packs so $9.'),
        note('Store B is cheaper for the same number of pens.'),
      ),
      board(
        'amara-4',
        { should: ['additive-difference'] },
        note('Store A: you pay 2 and get 3, so 1 extra pen.'),
        note('Store B: you pay 3 and get 5, so 2 extra pens.'),
        note('B gives 2 more pens than dollars so B is better.'),
      ),
      board(
        'amara-5',
        { should: ['total-price'] },
        note('Store A is the better deal because $2 is less than $3.'),
        note('You spend less money at Store A.'),
      ),
      board(
        'amara-6',
        { should: ['unit-price', 'common-quantity'] },
        note('Each pen at A is about 67 cents and at B it is 60 cents.'),
        table([
          ['pens', 'A cost', 'B cost'],
          ['15', '$10', '$9'],
        ]),
        note('Both ways B is cheaper.'),
      ),
      board(
        'amara-7',
        { should: [], notAnticipated: true },
        note('B is 10% cheaper per pen than A.'),
        note('We think the percent tells you how much you save.'),
      ),
      board('amara-8', { should: [] }, note('I agree with Jordan'), note('What do we do first?')),
    ],
  },
  ben: {
    split: 'dev',
    style: 'tables and equations, few words',
    boards: () => [
      board(
        'ben-1',
        { should: ['unit-price'] },
        table([
          ['store', 'pens', 'cost', 'cost per pen'],
          ['A', '3', '2.00', '0.67'],
          ['B', '5', '3.00', '0.60'],
        ]),
      ),
      board(
        'ben-2',
        { should: ['common-quantity'] },
        table([
          ['pens', '3', '6', '9', '12', '15'],
          ['A $', '2', '4', '6', '8', '10'],
        ]),
        table([
          ['pens', '5', '10', '15'],
          ['B $', '3', '6', '9'],
        ]),
        text('B'),
      ),
      board(
        'ben-3',
        { should: ['unit-price'] },
        equation('\\frac{2}{3}=0.\\overline{6}'),
        equation('\\frac{3}{5}=0.6'),
        equation('0.6<0.67'),
      ),
      board(
        'ben-4',
        { should: ['pens-per-dollar'] },
        equation('3\\div 2=1.5'),
        equation('5\\div 3\\approx 1.67'),
        text('pens per $1 → B'),
      ),
      board(
        'ben-5',
        { should: ['inverted-rate'], unsure: ['pens-per-dollar'] },
        table([
          ['store', 'price per pen'],
          ['A', '$1.50'],
          ['B', '$1.67'],
        ]),
        text('A cheaper'),
      ),
      board(
        'ben-6',
        { should: ['additive-difference'] },
        equation('3-2=1'),
        equation('5-3=2'),
        text('B: 2 > 1'),
      ),
      board(
        'ben-7',
        { should: ['graph-rates'] },
        plane([], ['2/3x', '3/5x']),
        text('A is steeper → costs more'),
      ),
      board(
        'ben-8',
        { should: ['common-quantity'] },
        table([
          ['$', 'A pens', 'B pens'],
          ['6', '9', '10'],
        ]),
        text('$6 → B gets 10'),
      ),
    ],
  },
  chen: {
    split: 'dev',
    style: 'terse, lowercase, abbreviations and slips',
    boards: () => [
      board('chen-1', { should: ['unit-price'] }, note('a = .67 each\nb = .60 each\nb wins')),
      board('chen-2', { should: ['total-price'] }, note('a is cheeper bc 2 dollars < 3 dollars')),
      board(
        'chen-3',
        { should: ['additive-difference'] },
        note('diff a = 1\ndiff b = 2\nb bigger diff so b'),
      ),
      board('chen-4', { should: ['pens-per-dollar'] }, note('1 dollar: a 1.5 pens, b 1.67 pens. b')),
      board('chen-5', { should: ['common-quantity'] }, note('30 pens: a $20 b $18\nso b')),
      board(
        'chen-6',
        { should: ['inverted-rate'], unsure: ['unit-price'] },
        note('a .67 b .60\n.67 is more so a gives more, a better'),
      ),
      board('chen-7', { should: [] }, note('idk'), drawing(), drawing()),
      board(
        'chen-8',
        { should: [], notAnticipated: true },
        note('b has 2 more pens for 1 more dollar so the extra pens r 50c each'),
      ),
    ],
  },
  dana: {
    split: 'heldout',
    style: 'graphs, number lines and points',
    boards: () => [
      board(
        'dana-1',
        { should: ['graph-rates'] },
        plane(
          [
            [3, 2, 'A'],
            [5, 3, 'B'],
          ],
          ['y=(2/3)x', 'y=0.6x'],
        ),
        text('cost vs pens: the A line is steeper so A costs more per pen'),
      ),
      board(
        'dana-2',
        { should: ['unit-price'] },
        numberLine(0, 1, [
          [0.67, 'A'],
          [0.6, 'B'],
        ]),
        text('price of 1 pen: B is lower on the line'),
      ),
      board(
        'dana-3',
        { should: ['common-quantity'] },
        numberLine(
          0,
          15,
          [
            [3, '$2'],
            [6, '$4'],
            [9, '$6'],
            [12, '$8'],
            [15, '$10'],
          ],
          1,
        ),
        numberLine(
          0,
          15,
          [
            [5, '$3'],
            [10, '$6'],
            [15, '$9'],
          ],
          1,
        ),
        text('double number lines: at 15 pens A is $10 and B is $9'),
      ),
      board(
        'dana-4',
        { should: ['graph-rates', 'common-quantity'] },
        plane(
          [
            [3, 2, 'A'],
            [6, 4, 'A'],
            [15, 10, 'A'],
            [5, 3, 'B'],
            [10, 6, 'B'],
            [15, 9, 'B'],
          ],
          [],
        ),
        text('at x = 15, A is at 10 and B at 9'),
      ),
      board(
        'dana-5',
        { should: ['pens-per-dollar'] },
        numberLine(0, 2, [
          [1.5, 'A'],
          [1.67, 'B'],
        ]),
        text('pens you get for one dollar — B is further right'),
      ),
      board(
        'dana-6',
        { should: ['total-price'] },
        numberLine(0, 4, [
          [2, 'A'],
          [3, 'B'],
        ]),
        text('A costs less'),
      ),
      board('dana-7', { should: [] }, plane([], ['']), text('our graph')),
    ],
  },
  eli: {
    split: 'heldout',
    style: 'different vocabulary and phrasing, words more than symbols',
    boards: () => [
      board(
        'eli-1',
        { should: ['unit-price'] },
        note('One pen in shop A is 66 cents and one pen in shop B is 60 cents. So shop B is cheap.'),
      ),
      board(
        'eli-2',
        { should: ['pens-per-dollar'] },
        note('With one dollar I can get one and a half pen in A. In B I get more, 1.67 pen.'),
      ),
      board(
        'eli-3',
        { should: ['additive-difference'] },
        note('In A the pens are one more than the money. In B they are two more. B is better.'),
      ),
      board(
        'eli-4',
        { should: ['total-price'] },
        note('I choose A because it is only 2 dollar, B is 3 dollar, more expensive.'),
      ),
      board(
        'eli-5',
        { should: ['common-quantity'] },
        note('Buy 5 times in A = 15 pens for 10 dollars. Buy 3 times in B = 15 pens for 9 dollars.'),
      ),
      board(
        'eli-6',
        { should: ['inverted-rate'] },
        note(
          'A: 3 divided by 2 = 1.5 dollar for each pen. B: 5 divided by 3 = 1.67 dollar each pen. A cheaper.',
        ),
      ),
      board(
        'eli-7',
        { should: ['unit-price'] },
        fractionBar(3, 2),
        fractionBar(5, 3),
        note('2 dollars shared in 3 pens, 3 dollars shared in 5 pens. Each pen B is less money.'),
      ),
      board(
        'eli-8',
        { should: [], notAnticipated: true },
        note('Maybe A pens are better quality so A is the better deal even if more expensive.'),
      ),
    ],
  },
  farah: {
    split: 'heldout',
    style: 'LaTeX fractions and worked equations, text boxes',
    boards: () => [
      board(
        'farah-1',
        { should: ['unit-price'] },
        equation('\\frac{\\$2}{3\\text{ pens}}\\approx\\$0.67\\text{ per pen}'),
        equation('\\frac{\\$3}{5\\text{ pens}}=\\$0.60\\text{ per pen}'),
        box('B is cheaper per pen'),
      ),
      board(
        'farah-2',
        { should: ['pens-per-dollar'] },
        equation('\\frac{3}{2}=1.5\\text{ pens per dollar}'),
        equation('\\frac{5}{3}=1\\tfrac{2}{3}\\text{ pens per dollar}'),
      ),
      board(
        'farah-3',
        { should: ['common-quantity'] },
        equation('\\frac{2}{3}=\\frac{10}{15}'),
        equation('\\frac{3}{5}=\\frac{9}{15}'),
        box('same number of pens (15): $10 vs $9'),
      ),
      board(
        'farah-4',
        { should: ['graph-rates'] },
        plane([], ['y=\\frac{2}{3}x', 'y=\\frac{3}{5}x']),
        box('slope = cost per pen, the smaller slope is the better deal'),
      ),
      board(
        'farah-5',
        { should: ['additive-difference'] },
        equation('3-2=1'),
        equation('5-3=2'),
        box('B gives one more extra pen'),
      ),
      board(
        'farah-6',
        { should: ['inverted-rate'], unsure: ['pens-per-dollar'] },
        equation('\\frac{3}{2}=1.5'),
        equation('\\frac{5}{3}\\approx1.67'),
        box('A is less per pen, so A is the better buy'),
      ),
      board(
        'farah-7',
        { should: ['total-price'] },
        equation('\\$2<\\$3'),
        box('A is the better buy, it costs less'),
      ),
      board(
        'farah-8',
        { should: [], notAnticipated: true },
        equation('\\frac{0.67-0.60}{0.67}\\approx 10\\%'),
        box('B saves about ten percent'),
      ),
    ],
  },
};

export interface EvaluationBoard {
  id: string;
  author: string;
  split: 'dev' | 'heldout';
  should: string[];
  unsure: string[];
  notAnticipated: boolean;
  records: Rec[];
}

function main(): void {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../anticipations');
  fs.mkdirSync(dir, { recursive: true });
  for (const [author, { split, style, boards }] of Object.entries(AUTHORS)) {
    counter = 0;
    const out: EvaluationBoard[] = boards().map((b) => ({
      id: b.id,
      author,
      split,
      should: b.should,
      unsure: b.unsure ?? [],
      notAnticipated: b.notAnticipated ?? false,
      records: b.records,
    }));
    fs.writeFileSync(
      path.join(dir, `${author}.json`),
      JSON.stringify({ author, split, style, boards: out }, null, 1) + '\n',
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
