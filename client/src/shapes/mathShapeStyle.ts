import type { PlotColor } from '@conjecture/shared/board/index';

/**
 * Colours and fonts of the math shapes, written into the SVG itself (no CSS variables, no classes), so the
 * canvas, an SVG export and a PNG export look the same.
 */
export const MATH_SHAPE_STYLE = {
  ink: '#1d1d1d',
  muted: '#6b6b6b',
  grid: '#e3e3e3',
  axis: '#1d1d1d',
  marker: '#e03131',
  background: '#ffffff',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  /** `--text-min` (tokens.css), as a number: a teacher reads these labels on the projector too. */
  fontSizePx: 14,
} as const;

export const PLOT_COLOR_HEX: Record<PlotColor, string> = {
  blue: '#1c7ed6',
  red: '#e03131',
  green: '#2f9e44',
  violet: '#7048e8',
  orange: '#f76707',
  black: '#1d1d1d',
};

/** An id usable in an SVG `url(#…)` reference (shape ids carry a colon). */
export const svgSafeId = (prefix: string, shapeId: string) =>
  `${prefix}-${shapeId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
