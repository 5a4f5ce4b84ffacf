import { describe, expect, it } from 'vitest';
import { nextItemId, nextPointLabel, uniqueIds } from './labelledItems.js';

describe('labelled items', () => {
  it('finds the next free id after the largest in use, ignoring other prefixes', () => {
    expect(nextItemId([], 'p')).toBe('p1');
    expect(nextItemId([{ id: 'p1' }, { id: 'p7' }, { id: 'f9' }, { id: 'pX' }], 'p')).toBe('p8');
  });

  it('refuses duplicate ids', () => {
    expect(() => uniqueIds([{ id: 'a' }, { id: 'b' }])).not.toThrow();
    expect(() => uniqueIds([{ id: 'a' }, { id: 'a' }])).toThrow('Duplicate id "a"');
  });

  it('names points A…Z, then A2…', () => {
    expect([0, 1, 25, 26, 27].map(nextPointLabel)).toEqual(['A', 'B', 'Z', 'A2', 'B2']);
  });
});
