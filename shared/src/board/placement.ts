/**
 * Where the server (question cards) and the client (posted drafts, critique pins) put things computed from
 * other shapes' positions. A board may hold a shape far away (a stored board from before coordinates were
 * bounded, or a bug): whatever is placed from it must still be a finite point inside the page.
 */

/** The farthest a shape may sit from the origin, in page units (the server refuses client shapes beyond it). */
export const MAX_PAGE_COORDINATE = 1e7;

/**
 * How far from the origin (where the task card, question cards and placed work are) a board's work is
 * within a student's reach, in page units on each axis: tldraw's widest view (zoom 0.1) of a 1366 px laptop
 * spans 13,660, so work this far out is still in the same view as the task. Others' work moved beyond it
 * is as good as deleted for the group, and is counted so (the server's `outOfReach`).
 */
export const WORK_REACH = 10_000;

export interface Point {
  x: number;
  y: number;
}

/** Whether a box of `size` at `point` lies wholly inside ±MAX_PAGE_COORDINATE (so NaN and ±Infinity do not). */
export function isInsidePage(point: Point, size: { w: number; h: number } = { w: 0, h: 0 }): boolean {
  const within = (v: number, extent: number) =>
    Number.isFinite(v) && v >= -MAX_PAGE_COORDINATE && v + extent <= MAX_PAGE_COORDINATE;
  return within(point.x, size.w) && within(point.y, size.h);
}

/**
 * `point` if a box of `size` there lies inside the page; otherwise `fallback` (itself clamped into the
 * page, and the origin if it is not finite either).
 */
export function placeInsidePage(point: Point, size: { w: number; h: number }, fallback: Point): Point {
  if (isInsidePage(point, size)) return point;
  const clamp = (v: number, extent: number) =>
    Number.isFinite(v) ? Math.min(Math.max(v, -MAX_PAGE_COORDINATE), MAX_PAGE_COORDINATE - extent) : 0;
  return { x: clamp(fallback.x, size.w), y: clamp(fallback.y, size.h) };
}
