import { describe, expect, it } from 'vitest';
import {
  describeCoordinatePlane,
  describeEquation,
  describeFractionBar,
  describeNumberLine,
  describeQuestionCard,
  describeTable,
  MAX_DESCRIPTION_CHARS,
} from './shapeDescriptions.js';
import { COORDINATE_PLANE_DEFAULT_PROPS } from './coordinatePlane.js';

const [FSI, PDI] = ['\u2068', '\u2069'];
/** Someone's words as a description quotes them. */
const iso = (text: string) => `${FSI}${text}${PDI}`;

describe('shape descriptions for screen readers', () => {
  it('an equation is spoken math', () => {
    expect(describeEquation({ latex: 'x = \\frac{3}{4}' })).toBe('Equation: x equals 3 over 4');
    expect(describeEquation({ latex: '  ' })).toBe('Equation, empty');
  });

  it('a table is read row by row, headers first, blanks named', () => {
    expect(
      describeTable({
        cells: [
          ['pens', 'dollars'],
          ['3', '2'],
          ['6', ''],
        ],
        headerRow: true,
      }),
    ).toBe(
      `Table, 3 rows by 2 columns. Headers: ${iso('pens')}, ${iso('dollars')}. Row 1: ${iso('3')}, ${iso('2')}. Row 2: ${iso('6')}, blank.`,
    );
    expect(describeTable({ cells: [['1']], headerRow: false })).toBe(
      `Table, 1 row by 1 column. Row 1: ${iso('1')}.`,
    );
  });

  it('a fraction bar and an area model say how many parts are shaded', () => {
    expect(describeFractionBar({ model: 'bar', partition: { rows: 1, columns: 3, shaded: [0, 1] } })).toBe(
      'Fraction bar: 2 of 3 parts shaded',
    );
    expect(describeFractionBar({ model: 'area', partition: { rows: 2, columns: 3, shaded: [4] } })).toBe(
      'Area model, 2 by 3: 1 of 6 parts shaded',
    );
  });

  it('a number line gives its range, spacing and points in order, as its ticks label them', () => {
    const axis = { min: 0, max: 1, tickNumerator: 1, tickDenominator: 4, tickLabels: 'fraction' as const };
    expect(
      describeNumberLine({
        axis,
        points: [
          { id: 'b', value: 0.75, label: 'B' },
          { id: 'a', value: 0.5, label: 'A' },
        ],
      }),
    ).toBe(
      `Number line from 0 to 1, ticks every 1 over 4. 2 points: ${iso('A')} at 1 over 2, ${iso('B')} at 3 over 4.`,
    );
    expect(describeNumberLine({ axis: { ...axis, min: -2, tickLabels: 'decimal' }, points: [] })).toBe(
      'Number line from negative 2 to 1, ticks every 0.25. No points.',
    );
  });

  it('a coordinate plane gives its window, points and functions', () => {
    expect(
      describeCoordinatePlane({
        window: { ...COORDINATE_PLANE_DEFAULT_PROPS.window, xMin: -5, xMax: 5, yMin: -5, yMax: 5 },
        points: [{ id: 'p', x: 2, y: -3, label: 'A' }],
        functions: [{ id: 'f', text: 'y = 2x + 1', color: 'blue' }],
      }),
    ).toBe(
      `Coordinate plane, x from negative 5 to 5, y from negative 5 to 5. 1 point: ${iso('A')} at 2, negative 3. 1 function: ${iso('y = 2x + 1')}.`,
    );
  });

  it('a question card reads its question; every description is bounded', () => {
    expect(describeQuestionCard({ text: 'Why? ' })).toBe(`Question from your teacher: ${iso('Why?')}`);
    const big = Array.from({ length: 30 }, () => Array.from({ length: 10 }, () => 'a long cell value'));
    expect(describeTable({ cells: big, headerRow: false }).length).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
  });
});

// Someone's words read inside the sentence a description composes: isolated, so a right-to-left label or one
// ending in a digit neither reorders the sentence around it nor takes its punctuation.
describe('shape descriptions isolate what students and teachers wrote', () => {
  it('a number line isolates its point labels', () => {
    const axis = { min: 0, max: 1, tickNumerator: 1, tickDenominator: 4, tickLabels: 'fraction' as const };
    expect(describeNumberLine({ axis, points: [{ id: 'a', value: 0.5, label: ' نقطة ٢ ' }] })).toBe(
      `Number line from 0 to 1, ticks every 1 over 4. 1 point: ${iso('نقطة ٢')} at 1 over 2.`,
    );
  });

  it('a coordinate plane isolates its point labels and its functions as typed', () => {
    expect(
      describeCoordinatePlane({
        window: COORDINATE_PLANE_DEFAULT_PROPS.window,
        points: [
          { id: 'p', x: 2, y: 3, label: 'א' },
          { id: 'q', x: 0, y: 0, label: '' },
        ],
        functions: [{ id: 'f', text: 'y = 2x + 1', color: 'blue' }],
      }),
    ).toBe(
      `Coordinate plane, x from negative 10 to 10, y from negative 10 to 10. 2 points: ${iso('א')} at 2, 3; unlabelled at 0, 0. 1 function: ${iso('y = 2x + 1')}.`,
    );
  });

  it('a table isolates each header and cell, not the blanks it names', () => {
    expect(describeTable({ cells: [['سعر', '']], headerRow: true })).toBe(
      `Table, 1 row by 2 columns. Headers: ${iso('سعر')}, blank.`,
    );
  });

  it("a question card isolates the teacher's question", () => {
    expect(describeQuestionCard({ text: ' لماذا؟ ' })).toBe(`Question from your teacher: ${iso('لماذا؟')}`);
  });

  it('an equation isolates the words in its \\text, and a cut description closes the isolate it cut', () => {
    expect(describeEquation({ latex: '\\text{سعر} = 3' })).toBe(`Equation: ${iso('سعر')} equals 3`);
    const cut = describeQuestionCard({ text: 'ش'.repeat(2 * MAX_DESCRIPTION_CHARS) });
    expect(cut.length).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
    expect(cut.endsWith(`${PDI}…`)).toBe(true);
  });
});

describe('describeRecord', () => {
  const shape = (type: string, props: object) => ({ typeName: 'shape', type, props });
  it('names what a student wrote, our math shapes as spoken, stock shapes by kind', async () => {
    const { describeRecord } = await import('./describeRecord.js');
    expect(describeRecord(shape('equation', { latex: 'y = 2x' }))).toBe('Equation: y equals 2 x');
    expect(describeRecord(shape('draw', {}))).toBe('A drawing');
    expect(describeRecord(shape('note', { richText: { type: 'text', text: '0.67 each' } }))).toBe(
      '0.67 each',
    );
    expect(describeRecord(shape('table', { cells: 'not cells' }))).toBe('A shape');
    expect(describeRecord({ typeName: 'page' })).toBeNull();
  });
});
