/**
 * Turns y = f(x) into polylines in a shape's pixel space (y down), pure and bounded: one sample per pixel
 * column (at most MAX_PLOT_SAMPLES), a break wherever f is not finite (sqrt(-1), 1/0) and wherever a large
 * jump between two samples does not shrink when the gap between them does (the asymptote of 1/x or tan x),
 * while a steep but continuous curve (1000x) stays joined.
 */

export interface PlotWindow {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface PlotPoint {
  x: number;
  y: number;
}

/** Samples across the width: one per pixel, capped so a very wide shape costs no more than this. */
export const MAX_PLOT_SAMPLES = 2000;
/** Halvings spent on a large jump before calling it a discontinuity. */
const JUMP_BISECTIONS = 24;

/** Pixel → math and back for a window drawn in a w×h box. */
export function windowTransform(window: PlotWindow, width: number, height: number) {
  const sx = width / (window.xMax - window.xMin);
  const sy = height / (window.yMax - window.yMin);
  return {
    toPx: (x: number, y: number): PlotPoint => ({ x: (x - window.xMin) * sx, y: (window.yMax - y) * sy }),
    toMath: (px: number, py: number): PlotPoint => ({ x: window.xMin + px / sx, y: window.yMax - py / sy }),
  };
}

/**
 * Whether f really jumps between a and b (values fa, fb, more than `limit` apart): halve the interval
 * towards the larger jump; a continuous f's jump shrinks below `limit`, a discontinuity's does not.
 */
function isDiscontinuity(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  limit: number,
) {
  let [lo, hi, flo, fhi] = [a, b, fa, fb];
  for (let i = 0; i < JUMP_BISECTIONS; i++) {
    const mid = (lo + hi) / 2;
    const fmid = f(mid);
    if (!Number.isFinite(fmid)) return true;
    if (Math.abs(fmid - flo) >= Math.abs(fhi - fmid)) [hi, fhi] = [mid, fmid];
    else [lo, flo] = [mid, fmid];
    if (Math.abs(fhi - flo) <= limit) return false;
  }
  return true;
}

/** Keeps far-off values near the box so SVG coordinates stay small; the part outside is clipped anyway. */
const clampPx = (v: number, size: number) => Math.min(size * 3, Math.max(-size * 2, v));

export function plotFunction(
  f: (x: number) => number,
  window: PlotWindow,
  width: number,
  height: number,
): PlotPoint[][] {
  if (!(width > 0 && height > 0 && window.xMax > window.xMin && window.yMax > window.yMin)) return [];
  const samples = Math.min(MAX_PLOT_SAMPLES, Math.max(2, Math.ceil(width) + 1));
  const { toPx } = windowTransform(window, width, height);
  // a jump taller than the whole window between neighbouring pixels is worth a closer look
  const jumpLimit = window.yMax - window.yMin;
  const segments: PlotPoint[][] = [];
  let current: PlotPoint[] = [];
  let previous: { x: number; y: number } | null = null;
  const breakPath = () => {
    if (current.length > 1) segments.push(current);
    current = [];
  };
  for (let i = 0; i < samples; i++) {
    const x = window.xMin + ((window.xMax - window.xMin) * i) / (samples - 1);
    const y = f(x);
    if (!Number.isFinite(y)) {
      breakPath();
      previous = null;
      continue;
    }
    if (
      previous &&
      Math.abs(y - previous.y) > jumpLimit &&
      isDiscontinuity(f, previous.x, x, previous.y, y, jumpLimit)
    ) {
      breakPath();
    }
    const px = toPx(x, y);
    current.push({ x: px.x, y: clampPx(px.y, height) });
    previous = { x, y };
  }
  breakPath();
  return segments;
}

/** An SVG path (`M…L…`) for the segments, coordinates rounded to 0.01 px. */
export function segmentsToPath(segments: readonly PlotPoint[][]): string {
  const r = (v: number) => Math.round(v * 100) / 100;
  return segments
    .map((segment) => segment.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)} ${r(p.y)}`).join(''))
    .join('');
}
