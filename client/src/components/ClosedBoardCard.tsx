import { useEffect, useRef } from 'react';
import { closeMessage, mayTryAgainAfter } from '../sync/boardSession.js';
import { Button } from '../ui/Button.js';

interface ClosedBoardCardProps {
  /** The server's close code; null when the board failed to load here (the message says why). */
  code: number | null;
  /** The words for a failure without a close code. */
  failure?: string | null;
  /** Shown again because a Try again was closed too (not the board's first close). */
  afterTryAgain?: boolean;
  /** Opens a fresh session of the board in place: offered only where it may get past the close. */
  onTryAgain: () => void;
}

/**
 * Why the board closed for good, over its last picture; for a close a fresh session may get past (room freed
 * on a full board), a "Try again" that opens the board in place, so the class bar's raised hand and draft stay.
 * A try that is closed again brings the card back: nothing retries on its own.
 */
export function ClosedBoardCard({
  code,
  failure = null,
  afterTryAgain = false,
  onTryAgain,
}: ClosedBoardCardProps) {
  const tryAgain = useRef<HTMLButtonElement>(null);
  // The Try again she pressed went with the card, her focus to the page: it comes back to the new Try again.
  // Never on a first close, nor from a control she has moved to since, for that would take her from her work.
  useEffect(() => {
    const focusLost = document.activeElement === null || document.activeElement === document.body;
    if (afterTryAgain && focusLost) tryAgain.current?.focus();
  }, [afterTryAgain]);
  return (
    <div className="board-closed" role="alert">
      <p>{code === null ? failure : closeMessage(code)}</p>
      {code !== null && mayTryAgainAfter(code) && (
        <Button ref={tryAgain} variant="primary" onClick={onTryAgain}>
          Try again
        </Button>
      )}
    </div>
  );
}
