import { describe, expect, it } from 'vitest';
import { itemLabel, linkableItems, snapshotLabel } from './itemLabel.js';

const note = (id: string, text: string) => ({
  id,
  typeName: 'shape',
  type: 'note',
  props: { richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } },
});

describe('itemLabel', () => {
  it('names an item by its text, else by its kind', () => {
    expect(itemLabel(note('shape:n1', 'cost per pen 0.67'))).toBe('note: \u2068cost per pen 0.67\u2069');
    expect(
      itemLabel({ id: 'shape:abcd1234', typeName: 'shape', type: 'geo', props: { geo: 'rectangle' } }),
    ).toBe('rectangle 1234');
    expect(
      itemLabel({ id: 'shape:eq', typeName: 'shape', type: 'equation', props: { latex: '\\frac{2}{3}' } }),
    ).toBe('equation: \u2068\\frac{2}{3}\u2069');
  });
  it('isolates an item’s words, so a right-to-left word or an old override cannot reorder the label', () => {
    // a note in a right-to-left language, with an override written before the server stripped them
    expect(itemLabel(note('shape:n1', 'מחיר \u202e0.67 לעט'))).toBe('note: \u2068מחיר 0.67 לעט\u2069');
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

describe('snapshotLabel', () => {
  it('isolates a teacher’s caption, so a right-to-left word or an old override cannot reorder the name', () => {
    // a caption in a right-to-left language, with an override saved before the server stripped them
    expect(snapshotLabel({ title: 'מחיר \u202eליחידה' })).toBe('Snapshot \u2068מחיר ליחידה\u2069');
  });
});
