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
  /**
   * No farther than this (the projector: its smallest text readable from the back row). A region too long or
   * too wide at this zoom is shown from its top-left corner, where its task card and first work are, the rest
   * below or to the right of the view: cut, not shrunk past reading.
   */
  readableZoom?: number;
  /** No closer than this: one small shape is not blown up to fill a screen. Wins over `readableZoom`. */
  maxZoom?: number;
}

/** The part of a viewport a region is framed in: inside the insets and the padding. */
export function freeArea(viewport: { w: number; h: number }, options: FitOptions = {}): Box {
  const pad = options.paddingPx ?? 16;
  const { top = 0, right = 0, bottom = 0, left = 0 } = options.insets ?? {};
  return {
    x: left + pad,
    y: top + pad,
    w: Math.max(1, viewport.w - left - right - 2 * pad),
    h: Math.max(1, viewport.h - top - bottom - 2 * pad),
  };
}

export function fitCamera(region: Box, viewport: { w: number; h: number }, options: FitOptions = {}): Camera {
  const free = freeArea(viewport, options);
  const w = Math.max(region.w, 1);
  const h = Math.max(region.h, 1);
  const fitted = Math.min(free.w / w, free.h / h);
  const z = Math.min(options.maxZoom ?? Infinity, Math.max(options.readableZoom ?? 0, fitted));
  // Each way, centred where it fits, else from its start (its left, its top).
  const x = w * z <= free.w ? free.x + free.w / 2 - (region.x + region.w / 2) * z : free.x - region.x * z;
  const y = h * z <= free.h ? free.y + free.h / 2 - (region.y + region.h / 2) * z : free.y - region.y * z;
  return { x: x / z, y: y / z, z };
}

/** Where a page point lands on screen under a camera. */
export const pageToScreen = (point: { x: number; y: number }, camera: Camera) => ({
  x: (point.x + camera.x) * camera.z,
  y: (point.y + camera.y) * camera.z,
});
