import { describe, expect, it } from 'vitest';
import { itemLabel, linkableItems } from './itemLabel.js';

const note = (id: string, text: string) => ({
  id,
  typeName: 'shape',
  type: 'note',
  props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
});

describe('itemLabel', () => {
  it('names an item by its text, else by its kind', () => {
    expect(itemLabel(note('shape:n1', 'cost per pen 0.67'))).toBe('note: cost per pen 0.67');
    expect(
      itemLabel({ id: 'shape:abcd1234', typeName: 'shape', type: 'geo', props: { geo: 'rectangle' } }),
    ).toBe('rectangle 1234');
    expect(
      itemLabel({ id: 'shape:eq', typeName: 'shape', type: 'equation', props: { latex: '\\frac{2}{3}' } }),
    ).toBe('equation: \\frac{2}{3}');
  });
  it('lists only shapes, by label', () => {
    const items = linkableItems([
      note('shape:b', 'b'),
      { id: 'binding:x', typeName: 'binding' },
      note('shape:a', 'a'),
    ]);
    expect(items.map((i) => i.shapeId)).toEqual(['shape:a', 'shape:b']);
  });
});
