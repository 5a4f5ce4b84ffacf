import { ArrowDownIcon } from '../ui/icons.js';
import './moreBelowCue.css';

/**
 * Says, at back-row size, that a board goes on below its cell: a long board is held at a readable size
 * (`BOARD_FIT`'s readableZoom) rather than shrunk whole, so the class is told the rest is there — and the
 * teacher can spotlight it.
 */
export function MoreBelowCue() {
  return (
    <div className="projector-more" data-testid="projector-more-below">
      <span className="projector-more__label">
        <ArrowDownIcon size={24} aria-hidden="true" />
        More below
      </span>
    </div>
  );
}
