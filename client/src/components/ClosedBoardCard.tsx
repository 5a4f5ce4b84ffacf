import { closeMessage, mayTryAgainAfter } from '../sync/boardSession.js';
import { Button } from '../ui/Button.js';

interface ClosedBoardCardProps {
  /** The server's close code; null when the board failed to load here (the message says why). */
  code: number | null;
  /** The words for a failure without a close code. */
  failure?: string | null;
  /** Opens a fresh session of the board in place: offered only where it may get past the close. */
  onTryAgain: () => void;
}

/**
 * Why the board closed for good, over its last picture; for a close a fresh session may get past (room freed
 * on a full board), a "Try again" that opens the board in place, so the class bar's raised hand and draft stay.
 * A try that is closed again brings the card back: nothing retries on its own.
 */
export function ClosedBoardCard({ code, failure = null, onTryAgain }: ClosedBoardCardProps) {
  return (
    <div className="board-closed" role="alert">
      <p>{code === null ? failure : closeMessage(code)}</p>
      {code !== null && mayTryAgainAfter(code) && (
        <Button variant="primary" onClick={onTryAgain}>
          Try again
        </Button>
      )}
    </div>
  );
}
