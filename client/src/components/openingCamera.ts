/** A tldraw camera: page point p is drawn at screen point (p + camera) × z. */
export interface Camera {
  x: number;
  y: number;
  z: number;
}

/**
 * tldraw's camera on a board it opens (x 0, y 0, zoom 1): a page point is drawn at the same screen point.
 * A module of its own: the picture's host (first bundle) and its drawing (a lazy chunk) both start there.
 */
export const OPENING_CAMERA: Camera = { x: 0, y: 0, z: 1 };
