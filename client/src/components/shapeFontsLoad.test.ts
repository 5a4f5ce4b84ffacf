// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadShapeFonts } from './shapeFonts.js';

afterEach(() => vi.unstubAllGlobals());

describe('loadShapeFonts', () => {
  it('loads the faces of a record list’s shapes (a snapshot’s, before its editor is built), not of other records', async () => {
    const families: string[] = [];
    vi.stubGlobal(
      'FontFace',
      class {
        constructor(readonly family: string) {
          families.push(family);
        }
        load = () => Promise.resolve(this);
      },
    );
    const add = vi.fn();
    Object.defineProperty(document, 'fonts', { value: { add }, configurable: true });
    await loadShapeFonts([
      { typeName: 'shape', props: { font: 'serif' } },
      { typeName: 'shape', props: { font: 'mono' } },
      { typeName: 'shape', props: {} }, // a stroke, an image
      { typeName: 'binding', props: { font: 'sans' } }, // not a shape: not its font
      { typeName: 'page' },
    ]);
    expect(families).toEqual(['tldraw_mono', 'tldraw_serif']);
    expect(add).toHaveBeenCalledTimes(2);
  });
});
