import { fitCamera, type Box, type Camera, type FitOptions } from '@conjecture/shared';

/**
 * The part of the page a view of `viewport` size shows (an SVG viewBox, in page units) so that `target` is
 * framed as the editor framed it (`fitCamera`: padding, insets, zoom cap). Null with nothing to frame (an
 * empty board): the view keeps what it shows. Pure.
 */
export function frameViewBox(
  target: Box | null,
  viewport: { w: number; h: number },
  fit: FitOptions,
): Box | null {
  if (!target || viewport.w <= 0 || viewport.h <= 0) return null;
  const camera = fitCamera(target, viewport, fit);
  return { x: -camera.x, y: -camera.y, w: viewport.w / camera.z, h: viewport.h / camera.z };
}

const EPSILON_PAGE = 0.5; // rounding, not work

/** Some of `target` lies below what `view` shows (a long board held at a readable size). */
export function hiddenBelow(target: Box, view: Box): boolean {
  return target.y + target.h > view.y + view.h + EPSILON_PAGE;
}

/** Some of `target` lies right of what `view` shows (a wide board held at a readable size). */
export function hiddenRight(target: Box, view: Box): boolean {
  return target.x + target.w > view.x + view.w + EPSILON_PAGE;
}

/**
 * Where a board goes on beyond its view: held readable from its top-left corner (`fitCamera`'s
 * readableZoom), it can only be cut below and at the right.
 */
export interface MoreBeyond {
  below: boolean;
  right: boolean;
}

export const NOTHING_BEYOND: MoreBeyond = { below: false, right: false };

export const moreBeyond = (target: Box, view: Box): MoreBeyond => ({
  below: hiddenBelow(target, view),
  right: hiddenRight(target, view),
});

export const sameBeyond = (a: MoreBeyond, b: MoreBeyond) => a.below === b.below && a.right === b.right;

/** The camera (tldraw's convention: screen = (page + camera) × z) under which a view of `viewportW` px shows `box`. */
export const cameraOf = (box: Box, viewportW: number): Camera => ({
  x: -box.x,
  y: -box.y,
  z: viewportW / Math.max(box.w, 1e-6),
});

const ease = (t: number) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** The frame `t` (0–1) of the way from one view to another, eased in and out. */
export function between(from: Box, to: Box, t: number): Box {
  const k = ease(Math.min(1, Math.max(0, t)));
  const mix = (a: number, b: number) => a + (b - a) * k;
  return { x: mix(from.x, to.x), y: mix(from.y, to.y), w: mix(from.w, to.w), h: mix(from.h, to.h) };
}

export const viewBoxAttribute = (box: Box) =>
  [box.x, box.y, box.w, box.h].map((n) => Math.round(n * 100) / 100).join(' ');
