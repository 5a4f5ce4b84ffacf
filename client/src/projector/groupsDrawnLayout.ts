/** The type a drawn group's names start from, and the least they may shrink to (still readable at the back). */
export const DRAW_FONT_MAX_PX = 44;
export const DRAW_FONT_MIN_PX = 18;
const DRAW_FONT_STEP_PX = 2;

/**
 * Columns for `count` groups on a 16:9 screen: up to four side by side, then two rows (5–6: three columns,
 * 7–8: four), then three rows, at most six columns — so eight groups of four fit 1366×768 at large type.
 */
export function drawColumns(count: number): number {
  if (count <= 4) return Math.max(1, count);
  if (count <= 8) return Math.ceil(count / 2);
  return Math.min(6, Math.ceil(count / 3));
}

/**
 * The largest type, from DRAW_FONT_MAX_PX down in steps, at which `fits` says the groups fit their box;
 * DRAW_FONT_MIN_PX when none does (past that, the names would be too small to read from the back).
 */
export function largestFittingFont(fits: (px: number) => boolean): number {
  for (let px = DRAW_FONT_MAX_PX; px > DRAW_FONT_MIN_PX; px -= DRAW_FONT_STEP_PX) if (fits(px)) return px;
  return DRAW_FONT_MIN_PX;
}
