import { placeInsidePage } from '@conjecture/shared/board/index';

export interface PageBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

const centre = (b: PageBox) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
const inside = (inner: PageBox, outer: PageBox) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

/**
 * Where posted draft content lands on the group board (its centre, in page units). Where it was in the
 * draft, if that spot is in the group board's view (a student who drafted beside the group's work keeps the
 * placement); otherwise the middle of the view, so the post is never off-screen for its author.
 */
export function placementPoint(content: PageBox, groupViewport: PageBox): { x: number; y: number } {
  const point = inside(content, groupViewport) ? centre(content) : centre(groupViewport);
  // Always a finite point inside the page, whatever the boxes held (NaN fails every comparison above).
  return placeInsidePage(point, { w: 0, h: 0 }, centre(groupViewport));
}
