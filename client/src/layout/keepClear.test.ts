import { describe, expect, it } from 'vitest';
import { keepClear } from './keepClear.js';

const viewport = { x: 0, y: 0, w: 1024, h: 768 };
const toolbar = { x: 300, y: 700, w: 420, h: 60 };
const stylePanel = { x: 870, y: 0, w: 150, h: 400 };

describe('keeping a floating control clear of the edges and the editor’s panels', () => {
  it('leaves a box that is clear where it is', () => {
    const box = { x: 100, y: 100, w: 120, h: 32 };
    expect(keepClear(box, viewport, [toolbar, stylePanel])).toEqual(box);
  });

  it('pulls a box cut off at the right or bottom edge back on screen', () => {
    expect(keepClear({ x: 1000, y: 760, w: 120, h: 32 }, viewport, [])).toEqual({
      x: 1024 - 120 - 8,
      y: 768 - 32 - 8,
      w: 120,
      h: 32,
    });
  });

  it('moves a box off the toolbar and off the style panel by the shortest way', () => {
    const overToolbar = keepClear({ x: 400, y: 690, w: 120, h: 32 }, viewport, [toolbar, stylePanel]);
    expect(overToolbar.y + overToolbar.h).toBeLessThanOrEqual(toolbar.y);
    const underPanel = keepClear({ x: 880, y: 200, w: 120, h: 32 }, viewport, [toolbar, stylePanel]);
    expect(underPanel.x + underPanel.w).toBeLessThanOrEqual(stylePanel.x);
  });

  it('keeps a tall form on screen above the toolbar', () => {
    const form = keepClear({ x: 200, y: 500, w: 360, h: 260 }, viewport, [toolbar]);
    expect(form.y + form.h).toBeLessThanOrEqual(toolbar.y);
    expect(form.y).toBeGreaterThanOrEqual(0);
  });
});
