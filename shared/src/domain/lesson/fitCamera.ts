/**
 * Framing a region of a board in a viewport: the camera (tldraw's convention, screen = (page + camera) × z)
 * that shows the region whole, as large as fits, centred in what the insets leave free. Used by the
 * dashboard's thumbnails, the opened board, and the projector's fit and spotlight. Pure.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Camera {
  x: number;
  y: number;
  z: number;
}

export interface FitOptions {
  /** Screen pixels kept clear on every side (besides the insets). */
  paddingPx?: number;
  /** Screen pixels covered by overlays (a panel, a caption): the region is framed in what remains. */
  insets?: { top?: number; right?: number; bottom?: number; left?: number };
  minZoom?: number;
  /** No closer than this: one small shape is not blown up to fill a screen. */
  maxZoom?: number;
}

export function fitCamera(region: Box, viewport: { w: number; h: number }, options: FitOptions = {}): Camera {
  const pad = options.paddingPx ?? 16;
  const { top = 0, right = 0, bottom = 0, left = 0 } = options.insets ?? {};
  const freeW = Math.max(1, viewport.w - left - right - 2 * pad);
  const freeH = Math.max(1, viewport.h - top - bottom - 2 * pad);
  const fitted = Math.min(freeW / Math.max(region.w, 1), freeH / Math.max(region.h, 1));
  const z = Math.min(options.maxZoom ?? Infinity, Math.max(options.minZoom ?? 0, fitted));
  const centreX = left + pad + freeW / 2;
  const centreY = top + pad + freeH / 2;
  return { x: centreX / z - (region.x + region.w / 2), y: centreY / z - (region.y + region.h / 2), z };
}

/** Where a page point lands on screen under a camera. */
export const pageToScreen = (point: { x: number; y: number }, camera: Camera) => ({
  x: (point.x + camera.x) * camera.z,
  y: (point.y + camera.y) * camera.z,
});
