import { describe, expect, it } from 'vitest';
import { frameShape, geoShape, noteShape } from '../test/records.js';
import { RECORD_CHARS_PER_SHAPE, recordWeight } from './recordWeight.js';

const named = (chars: number) =>
  frameShape('shape:f', { props: { w: 400, h: 300, name: 'x'.repeat(chars), color: 'black' } });

describe('what a record weighs against the creation budget', () => {
  it('is its drawing’s weight for a record of ordinary size', () => {
    expect(recordWeight(geoShape('shape:r'), true)).toBe(1);
    expect(recordWeight(noteShape('shape:n', 'a paragraph a student wrote'), true)).toBe(1);
    expect(recordWeight(named(RECORD_CHARS_PER_SHAPE - 500), true)).toBe(1);
  });

  it('grows with its bytes, whatever field carries them: a frame’s name as long as a board’s worth of notes', () => {
    expect(recordWeight(named(300_000), true)).toBe(10);
    expect(
      recordWeight({ typeName: 'asset', id: 'asset:a', meta: { junk: 'x'.repeat(100_000) } }, true),
    ).toBe(4);
  });

  it('is not measured when the change could not carry a record that large', () => {
    expect(recordWeight(named(300_000), false)).toBe(1);
  });
});
