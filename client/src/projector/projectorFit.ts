import type { FitOptions } from '@conjecture/shared';
import {
  ARROW_LABEL_FONT_PX,
  CARD_HEADING_PX,
  LABEL_FONT_PX,
  TEXT_FONT_PX,
} from '@conjecture/shared/board/textMarkup';

/** The least a board's text may measure on the classroom screen (`--text-min`): readable from the back row. */
export const READABLE_TEXT_PX = 14;

/** The smallest type on a board: a student's text, label or arrow label at tldraw's size s, the task card's heading. */
export const SMALLEST_BOARD_TEXT_PX = Math.min(
  CARD_HEADING_PX,
  ...[TEXT_FONT_PX, LABEL_FONT_PX, ARROW_LABEL_FONT_PX].flatMap((sizes) => Object.values(sizes)),
);

/**
 * Boards shown together: all their work, captions clear — but never so small that their smallest text drops
 * under READABLE_TEXT_PX: a longer or wider board is shown from its top-left corner with a "More below" or
 * "More to the right" cue (`fitCamera`'s readableZoom). The 2× cap still wins for a short note.
 */
export const BOARD_FIT: FitOptions = {
  paddingPx: 16,
  maxZoom: 2,
  readableZoom: READABLE_TEXT_PX / SMALLEST_BOARD_TEXT_PX,
  insets: { top: 28 },
};

/** A spotlight fills the screen: no zoom cap but tldraw's own, and room for the caption at the top. */
export const SPOTLIGHT_FIT: FitOptions = { paddingPx: 24, maxZoom: 8, insets: { top: 32 } };

/**
 * A presented step of the discussion: each snapshot's work fills its cell, clear of its caption, under the
 * live boards' back-row rule (a long or wide snapshot held readable from its top-left, "More below" or "More
 * to the right"; cells arranged by `arrangeBoards`). Shrunk whole, a long column of work came out at 5 px on
 * a laptop projector, a wide row at 8 px.
 */
export const STEP_FIT: FitOptions = {
  paddingPx: 32,
  maxZoom: 3,
  readableZoom: BOARD_FIT.readableZoom,
  insets: { top: 36 },
};

/** The gap between the boards' cells (`.projector`'s grid gap). */
export const BOARD_GAP_PX = 4;
