// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { besideShape, editorPanels, keepClear, type Rect } from './keepClear.js';

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

describe('keepClear past two obstacles', () => {
  it('steps above the toolbar, then above the pen switch beside it (a 1024×768 tablet)', () => {
    const toolbar = { x: 185, y: 715, w: 655, h: 50 };
    const penSwitch = { x: 8, y: 680, w: 280, h: 34 };
    const classBar = { x: 158, y: 44, w: 708, h: 48 };
    const at = keepClear({ x: 72, y: 567, w: 480, h: 195 }, { x: 0, y: 0, w: 1024, h: 768 }, [
      toolbar,
      penSwitch,
      classBar,
    ]);
    expect(at).toEqual({ x: 72, y: 680 - 195 - 8, w: 480, h: 195 });
  });
});

describe('the editor’s panels a floating control keeps clear of', () => {
  /** An element at a fixed place on screen (happy-dom lays nothing out). */
  const placed = (className: string, rect: Rect): HTMLElement => {
    const el = document.createElement('div');
    el.className = className;
    el.getBoundingClientRect = () =>
      ({ left: rect.x, top: rect.y, width: rect.w, height: rect.h }) as DOMRect;
    return el;
  };

  it('include the board’s connection badge and view toggles (the Critique button hid under the badge)', () => {
    const board = placed('board', { x: 0, y: 0, w: 1366, h: 768 });
    const badge = placed('connection-badge', { x: 566, y: 8, w: 234, h: 26 });
    const container = placed('tl-container', { x: 0, y: 0, w: 1366, h: 768 });
    const toggles = placed('insight-toggles', { x: 8, y: 52, w: 250, h: 56 });
    container.append(toggles);
    board.append(badge, container);
    document.body.append(board);
    try {
      expect(editorPanels(container)).toEqual(
        expect.arrayContaining([
          { x: 566, y: 8, w: 234, h: 26 },
          { x: 8, y: 52, w: 250, h: 56 },
        ]),
      );
      // where the Critique button of a shape running off the top of the screen lands: clear of both
      const at = keepClear(
        { x: 560, y: -40, w: 100, h: 26 },
        { x: 0, y: 0, w: 1366, h: 768 },
        editorPanels(container),
      );
      expect(at.y).toBeGreaterThanOrEqual(8 + 26);
    } finally {
      board.remove();
    }
  });
});

describe('where a math shape’s form opens without moving the board', () => {
  const screen = { x: 0, y: 0, w: 1366, h: 768 };
  const bottomToolbar = { x: 470, y: 710, w: 420, h: 52 };
  const form = { w: 360, h: 321 };

  it('under its shape where it fits there', () => {
    const plane = { x: 120, y: 40, w: 360, h: 300 };
    expect(besideShape(plane, form, screen, [bottomToolbar])).toEqual({ x: 120, y: 348, ...form });
  });

  it('beside its shape where it would run off the bottom: a plane in the middle of a 1366×768 board', () => {
    // Under the plane the form ran past the screen's bottom, and the camera panned to make room.
    const plane = { x: 120, y: 140, w: 360, h: 300 };
    expect(besideShape(plane, form, screen, [bottomToolbar])).toEqual({ x: 488, y: 140, ...form });
  });

  it('slid along its side past a bar in the way: a 360-unit plane at the top of a 1366×768 board', () => {
    // What the e2e saw: the class bar across the top, the toolbar the whole width of the bottom.
    const classBar = { x: 280, y: 44, w: 904, h: 36 };
    const wideToolbar = { x: 0, y: 712, w: 1366, h: 56 };
    const plane = { x: 120, y: 70, w: 360, h: 360 };
    expect(besideShape(plane, form, screen, [classBar, wideToolbar])).toEqual({ x: 488, y: 88, ...form });
  });

  it('on its left where the right has no room, and nowhere (the camera pans) where nothing fits', () => {
    const nearRight = { x: 900, y: 140, w: 360, h: 300 };
    expect(besideShape(nearRight, form, screen, [])).toEqual({ x: 532, y: 140, ...form });
    const huge = { x: 20, y: 20, w: 1300, h: 700 };
    expect(besideShape(huge, form, screen, [])).toBeNull();
  });
});
