import { describe, expect, it } from 'vitest';
import { between, cameraOf, frameViewBox } from './viewFrame.js';

describe('frameViewBox', () => {
  it('shows the target whole and centred, at the aspect of the view', () => {
    const box = frameViewBox({ x: 100, y: 100, w: 200, h: 100 }, { w: 800, h: 800 }, { paddingPx: 0 })!;
    expect(box.w / box.h).toBeCloseTo(1);
    expect(box.x).toBeLessThanOrEqual(100);
    expect(box.x + box.w).toBeGreaterThanOrEqual(300);
    expect(box.y + box.h / 2).toBeCloseTo(150);
  });

  it('caps the zoom: one small note is not blown up to fill the screen', () => {
    const box = frameViewBox({ x: 0, y: 0, w: 10, h: 10 }, { w: 1000, h: 500 }, { maxZoom: 2 })!;
    expect(cameraOf(box, 1000).z).toBeCloseTo(2);
  });

  it('keeps the target out from under a caption (the top inset)', () => {
    const box = frameViewBox(
      { x: 0, y: 0, w: 100, h: 100 },
      { w: 400, h: 400 },
      { paddingPx: 0, insets: { top: 40 } },
    )!;
    const { z } = cameraOf(box, 400);
    expect((0 - box.y) * z).toBeGreaterThanOrEqual(40 - 1e-9);
  });

  it('frames nothing on an empty board or a hidden view', () => {
    expect(frameViewBox(null, { w: 100, h: 100 }, {})).toBeNull();
    expect(frameViewBox({ x: 0, y: 0, w: 1, h: 1 }, { w: 0, h: 100 }, {})).toBeNull();
  });
});

describe('between', () => {
  it('starts at one frame and ends at the other', () => {
    const a = { x: 0, y: 0, w: 100, h: 100 };
    const b = { x: 50, y: 50, w: 10, h: 10 };
    expect(between(a, b, 0)).toEqual(a);
    expect(between(a, b, 1)).toEqual(b);
    expect(between(a, b, 0.5).w).toBeCloseTo(55);
  });
});
