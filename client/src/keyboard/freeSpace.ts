import type { Box, Editor, TLShapeId, VecLike } from 'tldraw';

/** Space kept between a keyboard-placed shape and the work already on the board, in screen pixels. */
const GAP_PX = 16;
/** How many rings around the middle of the view are tried before the middle is taken anyway. */
const RINGS = 6;

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const clear = (a: Rect, b: Rect, gap: number) =>
  a.x >= b.x + b.w + gap || b.x >= a.x + a.w + gap || a.y >= b.y + b.h + gap || b.y >= a.y + a.h + gap;

const inside = (a: Rect, within: Rect) =>
  a.x >= within.x && a.y >= within.y && a.x + a.w <= within.x + within.w && a.y + a.h <= within.y + within.h;

/**
 * Where a box goes so it covers nothing: its own place if that is clear, else the nearest clear place on
 * rings of positions around it (a box's step apart, nearest first), inside `within` (the view); its own
 * place when none is clear. Pure: boxes in, a top-left corner out.
 */
export function freeBoxNear(box: Rect, taken: Rect[], within: Rect, gap: number): { x: number; y: number } {
  const stepX = box.w + gap;
  const stepY = box.h + gap;
  const candidates: Array<{ x: number; y: number; distance: number }> = [];
  for (let ring = 0; ring <= RINGS; ring++)
    for (let i = -ring; i <= ring; i++)
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue; // this ring's edge only
        const x = box.x + i * stepX;
        const y = box.y + j * stepY;
        candidates.push({ x, y, distance: Math.hypot(x - box.x, y - box.y) });
      }
  candidates.sort((a, b) => a.distance - b.distance);
  for (const { x, y } of candidates) {
    const spot = { x, y, w: box.w, h: box.h };
    if (inside(spot, within) && taken.every((t) => clear(spot, t, gap))) return { x, y };
  }
  return { x: box.x, y: box.y };
}

/** The boxes of the page's shapes, but `except`, at the current zoom's gap. */
function takenBoxes(editor: Editor, except?: TLShapeId): Box[] {
  return [...editor.getCurrentPageShapeIds()]
    .filter((id) => id !== except)
    .map((id) => editor.getShapePageBounds(id))
    .filter((b): b is Box => b !== undefined);
}

/** Moves a shape just placed off the work it landed on, to the nearest clear place in view. */
export function moveIntoFreeSpace(editor: Editor, id: TLShapeId): void {
  const bounds = editor.getShapePageBounds(id);
  if (!bounds) return;
  const gap = GAP_PX / editor.getZoomLevel();
  const to = freeBoxNear(bounds, takenBoxes(editor, id), editor.getViewportPageBounds(), gap);
  if (to.x !== bounds.x || to.y !== bounds.y)
    editor.nudgeShapes([id], { x: to.x - bounds.x, y: to.y - bounds.y });
}

/** The middle of the nearest clear square of `side` screen pixels around a point, to start a stroke in. */
export function freePointNear(editor: Editor, point: VecLike, side: number): VecLike {
  const size = side / editor.getZoomLevel();
  const box = { x: point.x - size / 2, y: point.y - size / 2, w: size, h: size };
  const gap = GAP_PX / editor.getZoomLevel();
  const to = freeBoxNear(box, takenBoxes(editor), editor.getViewportPageBounds(), gap);
  return { x: to.x + size / 2, y: to.y + size / 2 };
}
