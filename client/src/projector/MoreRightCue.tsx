import { ArrowRightIcon } from '../ui/icons.js';
import './moreBelowCue.css';

/**
 * Says, at back-row size, that a board goes on right of its cell: a wide board (a number line, a row of
 * notes) is held at a readable size from its left (`BOARD_FIT`'s readableZoom) rather than shrunk whole, so
 * the class is told the rest is there — and the teacher can spotlight it.
 */
export function MoreRightCue() {
  return (
    <div className="projector-more projector-more--right" data-testid="projector-more-right">
      <span className="projector-more__label">
        More to the right
        <ArrowRightIcon size={24} aria-hidden="true" />
      </span>
    </div>
  );
}
