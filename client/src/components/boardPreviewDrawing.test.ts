import { describe, expect, it } from 'vitest';
import { viewOfCamera } from './boardPreviewDrawing.js';

describe('the part of the page a picture of the board shows', () => {
  it('is the window at tldraw’s opening camera', () => {
    expect(viewOfCamera({ x: 0, y: 0, z: 1 }, { w: 1366, h: 768 })).toEqual({ x: 0, y: 0, w: 1366, h: 768 });
  });

  it('is where she had scrolled and zoomed to, for a board closed under her (full)', () => {
    // tldraw draws page point p at screen point (p + camera) × zoom
    expect(viewOfCamera({ x: -500, y: -200, z: 2 }, { w: 1366, h: 768 })).toEqual({
      x: 500,
      y: 200,
      w: 683,
      h: 384,
    });
  });
});
