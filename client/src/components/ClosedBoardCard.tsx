import { useEffect, useRef } from 'react';
import { YjsCloseCode } from '@conjecture/shared';
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
  /**
   * On a move's close, opens the board of the group she is in now (the page asks the server which): the
   * card then offers it, so she is never left on a board that is no longer hers.
   */
  onOpenGroupBoard?: (() => void) | null;
}

/**
 * Why the board closed for good, over its last picture; for a close a fresh session may get past (room freed
 * on a full board), a "Try again" that opens the board in place, so the class bar's raised hand and draft stay.
 * A try that is closed again brings the card back: nothing retries on its own. A move's card offers the board
 * of her group now, where the page has not opened it by itself (`onOpenGroupBoard`).
 */
export function ClosedBoardCard({
  code,
  failure = null,
  afterTryAgain = false,
  onTryAgain,
  onOpenGroupBoard = null,
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
      {code === YjsCloseCode.moved && onOpenGroupBoard && (
        <Button variant="primary" onClick={onOpenGroupBoard}>
          Open my group’s board
        </Button>
      )}
    </div>
  );
}
