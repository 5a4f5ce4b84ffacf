/** The type a drawn group's names start from, and the least they may shrink to (still readable at the back). */
export const DRAW_FONT_MAX_PX = 44;
export const DRAW_FONT_MIN_PX = 18;
const DRAW_FONT_STEP_PX = 2;

/** At most this many groups side by side: past it a group is too narrow for a name at readable size. */
const MAX_COLUMNS = 6;

/**
 * The column counts worth trying for `count` groups, widest first: the page keeps whichever lets the names be
 * largest (four groups of two read larger in two rows of two than in one row of four; eight groups of four
 * need four columns). Widest first, so a tie goes to the wider layout, which suits a 16:9 screen.
 */
export function columnChoices(count: number): number[] {
  const widest = Math.min(MAX_COLUMNS, Math.max(1, count));
  return Array.from({ length: widest }, (_, i) => widest - i);
}

/**
 * The largest type, from DRAW_FONT_MAX_PX down in steps, at which `fits` says the groups fit their box;
 * DRAW_FONT_MIN_PX when none does (past that, the names would be too small to read from the back).
 */
export function largestFittingFont(fits: (px: number) => boolean): number {
  for (let px = DRAW_FONT_MAX_PX; px > DRAW_FONT_MIN_PX; px -= DRAW_FONT_STEP_PX) if (fits(px)) return px;
  return DRAW_FONT_MIN_PX;
}
