import { describe, expect, it } from 'vitest';
import { graphPaperLines, MIN_MINOR_SCREEN_PX, MINOR_PER_MAJOR } from './graphPaperGrid.js';

describe('graph paper lines', () => {
  it('draws 10-unit squares with a major line every fifth at 100 %', () => {
    expect(graphPaperLines({ x: 0, y: 0, z: 1 })).toEqual({
      minorScreenPx: 10,
      majorScreenPx: 50,
      offsetX: 0,
      offsetY: 0,
    });
  });

  it('keeps minor lines readable at every zoom, stepping by the major ratio', () => {
    for (const z of [0.05, 0.1, 0.2, 0.35, 0.8, 1, 1.7, 4, 8]) {
      const { minorScreenPx, majorScreenPx } = graphPaperLines({ x: 0, y: 0, z });
      expect(minorScreenPx).toBeGreaterThanOrEqual(MIN_MINOR_SCREEN_PX);
      expect(minorScreenPx).toBeLessThan(MIN_MINOR_SCREEN_PX * MINOR_PER_MAJOR);
      expect(majorScreenPx).toBeCloseTo(minorScreenPx * MINOR_PER_MAJOR);
    }
    // Zoomed out to 10 %, 10-unit squares would be 1 px apart: the paper shows 250-unit squares instead.
    expect(graphPaperLines({ x: 0, y: 0, z: 0.1 }).minorScreenPx).toBeCloseTo(25);
  });

  it('moves with the camera so lines stay on page multiples of the step', () => {
    // Panned 7 units right at 200 %: page x = 0 is drawn at 14 px, and so is a major line.
    expect(graphPaperLines({ x: 7, y: -3, z: 2 })).toMatchObject({ offsetX: 14, offsetY: 100 - 6 });
    // A whole major step of panning looks the same.
    const a = graphPaperLines({ x: 3, y: 4, z: 1 });
    const b = graphPaperLines({ x: 3 + 50, y: 4 - 100, z: 1 });
    expect(b.offsetX).toBeCloseTo(a.offsetX);
    expect(b.offsetY).toBeCloseTo(a.offsetY);
  });

  it('falls back to 100 % for a camera without a usable zoom', () => {
    expect(graphPaperLines({ x: 0, y: 0, z: 0 }).minorScreenPx).toBe(10);
  });
});
