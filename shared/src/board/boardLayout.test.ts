import { describe, expect, it } from 'vitest';
import { boardSvg, layOutBoard } from './boardLayout.js';
import { drawOpsToSvg } from './shapeDrawing.js';
import { shapeRecord } from './shapeRecordFixtures.js';
import { TABLE_DEFAULT_PROPS } from './table.js';
import { FRACTION_BAR_DEFAULT_PROPS } from './fractionBar.js';
import { EQUATION_DEFAULT_PROPS } from './equation.js';

const at = (record: Record<string, unknown>, x: number, y: number, extra: Record<string, unknown> = {}) =>
  ({ ...record, x, y, ...extra }) as unknown as { id: string; typeName: string };

describe('a board laid out from its records', () => {
  it('draws our math shapes with what they hold: a table’s cells, an equation’s LaTeX, a fraction bar in words', () => {
    const layout = layOutBoard([
      at(
        shapeRecord(
          'table',
          {
            ...TABLE_DEFAULT_PROPS,
            cells: [
              ['pens', '$'],
              ['3', '2'],
            ],
          },
          'shape:t',
        ),
        0,
        0,
      ),
      at(shapeRecord('equation', { ...EQUATION_DEFAULT_PROPS, latex: '\\frac{2}{3}' }, 'shape:e'), 400, 0),
      at(shapeRecord('fraction-bar', FRACTION_BAR_DEFAULT_PROPS, 'shape:f'), 0, 300),
    ]);
    const svg = layout.shapes.map((s) => drawOpsToSvg(s.drawing.ops)).join('');
    expect(svg).toContain('>pens<');
    expect(svg).toContain('\\frac{2}{3}');
    expect(svg).toMatch(/Fraction bar/i);
    expect(layout.box).toMatchObject({ x: 0, y: 0 });
  });

  it('nests shapes in their frame, in paint order, and leaves out a parent cycle', () => {
    const frame = at(shapeRecord('frame', { w: 500, h: 500, name: '' }, 'shape:frame'), 100, 100, {
      index: 'a2',
    });
    const child = at(shapeRecord('geo', { w: 10, h: 10 }, 'shape:child'), 5, 5, { parentId: 'shape:frame' });
    const first = at(shapeRecord('geo', { w: 10, h: 10 }, 'shape:first'), 0, 0, { index: 'a1' });
    const loopA = at(shapeRecord('geo', {}, 'shape:la'), 0, 0, { parentId: 'shape:lb' });
    const loopB = at(shapeRecord('geo', {}, 'shape:lb'), 0, 0, { parentId: 'shape:la' });
    const layout = layOutBoard([frame, child, first, loopA, loopB]);
    expect(layout.shapes.map((s) => s.id)).toEqual(['shape:first', 'shape:frame']);
    expect(layout.shapes[1]?.children.map((s) => s.id)).toEqual(['shape:child']);
    expect(layOutBoard([]).box).toBeNull();
  });

  it('writes a standalone SVG with every text escaped', () => {
    const note = at(
      shapeRecord('table', { ...TABLE_DEFAULT_PROPS, cells: [['<script>', 'a & b']] }, 'shape:t'),
      10,
      20,
    );
    const svg = boardSvg(layOutBoard([note]));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="-6 4 /);
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('a &amp; b');
  });
});
