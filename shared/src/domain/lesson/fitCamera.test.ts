import { describe, expect, it } from 'vitest';
import { fitCamera, pageToScreen } from './fitCamera.js';

describe('fitCamera', () => {
  it('frames a region whole and centred, as large as the viewport allows', () => {
    const region = { x: 100, y: 200, w: 400, h: 100 };
    const camera = fitCamera(region, { w: 1280, h: 720 }, { paddingPx: 40 });
    expect(camera.z).toBeCloseTo(1200 / 400);
    const topLeft = pageToScreen({ x: 100, y: 200 }, camera);
    const bottomRight = pageToScreen({ x: 500, y: 300 }, camera);
    expect(topLeft.x).toBeCloseTo(40);
    expect(bottomRight.x).toBeCloseTo(1240);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo(360);
  });

  it('keeps the region out from under the insets', () => {
    const camera = fitCamera(
      { x: 0, y: 0, w: 100, h: 100 },
      { w: 1000, h: 500 },
      { paddingPx: 0, insets: { right: 300, top: 50 } },
    );
    expect(camera.z).toBeCloseTo(4.5);
    const bottomRight = pageToScreen({ x: 100, y: 100 }, camera);
    expect(bottomRight.y).toBeCloseTo(500);
    expect(bottomRight.x).toBeLessThanOrEqual(700);
  });

  it('caps the zoom, so one small shape is not blown up', () => {
    expect(fitCamera({ x: 0, y: 0, w: 10, h: 10 }, { w: 1000, h: 1000 }, { maxZoom: 2 }).z).toBe(2);
  });

  it('holds a long region at readableZoom from its top, centred across, the rest below the view', () => {
    const region = { x: 100, y: 200, w: 400, h: 4000 };
    const camera = fitCamera(
      region,
      { w: 1000, h: 600 },
      { paddingPx: 20, readableZoom: 0.5, insets: { top: 30 } },
    );
    expect(camera.z).toBe(0.5);
    expect(pageToScreen({ x: 100, y: 200 }, camera).y).toBeCloseTo(50);
    expect(pageToScreen({ x: 300, y: 0 }, camera).x).toBeCloseTo(500);
  });

  it('holds a wide region at readableZoom from its left, centred down, the rest to the right', () => {
    const region = { x: 100, y: 0, w: 4000, h: 100 };
    const camera = fitCamera(region, { w: 1000, h: 600 }, { paddingPx: 20, readableZoom: 0.5 });
    expect(camera.z).toBe(0.5);
    expect(pageToScreen({ x: 100, y: 0 }, camera).x).toBeCloseTo(20);
    expect(pageToScreen({ x: 0, y: 50 }, camera).y).toBeCloseTo(300);
  });

  it('holds a region both long and wide at readableZoom from its top-left corner', () => {
    const region = { x: 100, y: 200, w: 4000, h: 4000 };
    const camera = fitCamera(region, { w: 1000, h: 600 }, { paddingPx: 20, readableZoom: 0.5 });
    expect(camera.z).toBe(0.5);
    expect(pageToScreen({ x: 100, y: 200 }, camera)).toEqual({ x: 20, y: 20 });
  });

  it('treats an empty region as one unit, never dividing by zero', () => {
    const camera = fitCamera({ x: 5, y: 5, w: 0, h: 0 }, { w: 100, h: 100 }, { paddingPx: 0, maxZoom: 1 });
    expect(Number.isFinite(camera.x) && Number.isFinite(camera.y)).toBe(true);
  });
});
