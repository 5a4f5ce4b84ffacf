/** A box on screen, as `getBoundingClientRect` gives it. */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const clamp = (n: number, low: number, high: number) => Math.min(Math.max(n, low), high);

/**
 * Where a plan link's connector ends on an item of a presented step: the middle of the item's side facing
 * the other item (its right side when the other is right of it), held inside the cell that shows the item.
 * A snapshot held readable from its top-left can cut a linked item off below or right of its cell: the
 * connector ran on off the screen, its label (at the middle) often with it, or across the snapshot stacked
 * under this one. It now ends at the cell's foot or right edge, where "More below" or "More to the right"
 * says the rest is there.
 */
export function linkEnd(item: ScreenRect, cell: ScreenRect, facesRight: boolean) {
  return {
    x: clamp(facesRight ? item.right : item.left, cell.left, cell.right),
    y: clamp((item.top + item.bottom) / 2, cell.top, cell.bottom),
  };
}
