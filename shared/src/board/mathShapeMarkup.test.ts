import { describe, expect, it } from 'vitest';
import { latexToText, mathShapeMarkup } from './mathShapeMarkup.js';

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('mathShapeMarkup', () => {
  it('writes an equation as the editor shows it: HTML with its fraction stacked, at its font size', () => {
    expect(latexToText('y = \\frac{2}{3}x \\cdot 4')).toBe('y = 2/3x × 4');
    const svg = mathShapeMarkup('equation', { w: 200, h: 60, latex: '\\frac{1}{2} + x', fontSize: 40 })!;
    expect(svg).toContain('<foreignObject');
    expect(svg).toContain('font-size:40px');
    expect(svg.replace(/<[^>]+>/g, '')).toBe('12+x');
  });

  it('draws a table as a grid with its cells’ text, escaped', () => {
    const svg = mathShapeMarkup('table', {
      w: 200,
      h: 100,
      cells: [
        ['pens', 'cost'],
        ['3', '$2 < $3'],
      ],
      headerRow: true,
    })!;
    expect(texts(svg)).toEqual(['pens', 'cost', '3', '$2 &lt; $3']);
    expect(svg.match(/<line/g)).toHaveLength(2); // one row line, one column line
  });

  it('shades a fraction bar’s parts and labels it', () => {
    const svg = mathShapeMarkup('fraction-bar', {
      w: 300,
      h: 80,
      model: 'bar',
      partition: { rows: 1, columns: 4, shaded: [0, 2] },
      showLabel: true,
    })!;
    expect(svg.match(/<rect/g)).toHaveLength(4);
    expect(svg.match(/fill="#4ba1f1"/g)).toHaveLength(2);
    expect(texts(svg)).toEqual(['2/4']);
  });

  it('draws a number line’s ticks and labelled points', () => {
    const svg = mathShapeMarkup('number-line', {
      w: 400,
      h: 80,
      axis: { min: 0, max: 2, tickNumerator: 1, tickDenominator: 2, tickLabels: 'fraction' },
      points: [{ id: 'p1', value: 1.5, label: 'A' }],
    })!;
    expect(texts(svg)).toEqual(['0', '1/2', '1', '3/2', '2', 'A']);
  });

  it('draws a coordinate plane’s points and lists its functions', () => {
    const svg = mathShapeMarkup('coordinate-plane', {
      w: 300,
      h: 300,
      window: { xMin: -5, xMax: 5, yMin: -5, yMax: 5, xStep: 1, yStep: 1 },
      points: [{ id: 'p', x: 1, y: 2, label: 'P' }],
      functions: [{ id: 'f', text: 'y = 2x + 1', color: 'blue' }],
    })!;
    expect(texts(svg)).toEqual(['P', 'y = 2x + 1']);
    expect(svg).toContain('<circle');
  });

  it('survives props a doc should never hold, and leaves other types to the caller', () => {
    expect(() => mathShapeMarkup('table', { cells: 'nope' })).not.toThrow();
    expect(() => mathShapeMarkup('number-line', { axis: { min: 3, max: 1 } })).not.toThrow();
    expect(mathShapeMarkup('geo', {})).toBeNull();
  });
});
