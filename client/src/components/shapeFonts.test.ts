import { describe, expect, it } from 'vitest';
import type { TLShape } from 'tldraw';
import { fontKeysOf } from './shapeFonts.js';

const shape = (props: Record<string, unknown>) => ({ props }) as unknown as TLShape;

describe('fontKeysOf', () => {
  it("names each font the shapes' text uses once, as tldraw's font keys", () => {
    const shapes = [
      shape({ font: 'draw' }),
      shape({ font: 'mono' }),
      shape({ font: 'draw' }),
      shape({ font: 'sans' }),
    ];
    expect(fontKeysOf(shapes)).toEqual(['tldraw_draw', 'tldraw_mono', 'tldraw_sans']);
  });

  it('ignores shapes without a font (strokes, images) and fonts tldraw does not have', () => {
    expect(fontKeysOf([shape({}), shape({ font: 'comic' }), shape({ font: 3 })])).toEqual([]);
  });
});
