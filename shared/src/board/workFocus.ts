/**
 * Where a board's work is, for a view that frames it (the dashboard's thumbnails, the projector, a snapshot's
 * picture). Framing every shape lets one shape far off — flung there by accident, or by a script in one
 * cheap move — shrink the whole group's work to a dot on the teacher's screen. A few shapes far beyond where
 * most of the work lies are left out of the frame when that makes the work markedly larger; the view marks
 * where they are instead. Pure.
 */

export interface PageBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface WorkFocus {
  /** The box to frame (every shape's, unless some were left out), or null with no shapes. */
  bounds: PageBounds | null;
  /** The indexes of the boxes left out. */
  leftOut: number[];
}

/** The share of the shapes whose distance from the middle sets what "far" is. */
const MOST = 0.8;
/** Far: more than this many times that distance from the middle… */
const FAR_FACTOR = 3;
/** …and more than this many page units (several screens: work spread over a board is never far). */
const NEAR_ENOUGH = 10_000;
/** At most this share of the shapes (or one) is left out: the rest must be most of the work. */
const MOST_LEFT_OUT = 0.1;
/** Shapes are left out only when framing them would draw the rest at less than 1 / this of the size. */
const WORTH_LEAVING_OUT = 4;

const union = (boxes: readonly PageBounds[]): PageBounds => ({
  minX: Math.min(...boxes.map((b) => b.minX)),
  minY: Math.min(...boxes.map((b) => b.minY)),
  maxX: Math.max(...boxes.map((b) => b.maxX)),
  maxY: Math.max(...boxes.map((b) => b.maxY)),
});

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
};

/** The larger side: what sets the scale a box is drawn at in a view. */
const extent = (b: PageBounds) => Math.max(b.maxX - b.minX, b.maxY - b.minY, 1);

export function workFocus(boxes: readonly PageBounds[]): WorkFocus {
  if (boxes.length === 0) return { bounds: null, leftOut: [] };
  const all = union(boxes);
  if (boxes.length < 3) return { bounds: all, leftOut: [] };
  // The middle of the work: the median centre, which a few far shapes do not move.
  const mx = median(boxes.map((b) => (b.minX + b.maxX) / 2));
  const my = median(boxes.map((b) => (b.minY + b.maxY) / 2));
  const distances = boxes.map((b) => Math.max(0, b.minX - mx, mx - b.maxX, b.minY - my, my - b.maxY));
  const typical = [...distances].sort((a, b) => a - b)[Math.floor(MOST * (boxes.length - 1))]!;
  const far = Math.max(FAR_FACTOR * typical, NEAR_ENOUGH);
  const leftOut = distances.flatMap((d, i) => (d > far ? [i] : []));
  if (leftOut.length === 0 || leftOut.length > Math.max(1, MOST_LEFT_OUT * boxes.length))
    return { bounds: all, leftOut: [] };
  const kept = union(boxes.filter((_, i) => distances[i]! <= far));
  if (extent(all) < WORTH_LEAVING_OUT * extent(kept)) return { bounds: all, leftOut: [] };
  return { bounds: kept, leftOut };
}
