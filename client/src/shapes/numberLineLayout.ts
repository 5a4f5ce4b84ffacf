import type { NumberLineAxis } from '@conjecture/shared/board/index';

/**
 * Where things sit in a number line shape of w×h: the line runs between two margins (so end labels are not
 * cut off), point labels above it, tick labels below. Shared by the canvas, the SVG export and the handles.
 */
export const NUMBER_LINE_MARGIN_PX = 24;

export function numberLineLayout(w: number, h: number) {
  const x0 = NUMBER_LINE_MARGIN_PX;
  const x1 = Math.max(x0 + 1, w - NUMBER_LINE_MARGIN_PX);
  const lineY = Math.round(h * 0.5);
  return { x0, x1, lineY, length: x1 - x0 };
}

export function valueToX(value: number, axis: NumberLineAxis, w: number, h: number): number {
  const { x0, length } = numberLineLayout(w, h);
  return x0 + ((value - axis.min) / (axis.max - axis.min)) * length;
}

/** The value under a shape-local x, clamped to the line's range. */
export function xToValue(x: number, axis: NumberLineAxis, w: number, h: number): number {
  const { x0, length } = numberLineLayout(w, h);
  const value = axis.min + ((x - x0) / length) * (axis.max - axis.min);
  return Math.min(axis.max, Math.max(axis.min, value));
}
