import { useCallback, useState } from 'react';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { useSocketEvent } from '../classroom/useClassSocket.js';
import { studentCommands } from '../classroom/studentCommands.js';
import { Button } from '../ui/Button.js';
import { Tooltip } from '../ui/Tooltip.js';

/** Whether her hand is up, the server's last refusal of a change, and the change itself. */
export interface RaisedHand {
  raised: boolean;
  error: string | null;
  toggle: () => void;
}

/**
 * Her hand as the class's raised hands say (the teacher clearing it shows), held by the page rather than by a
 * button: a button mounted later (the following screen's, a class bar mounted anew on another board) shows
 * a hand already up as up, where a button of its own started lowered until the next change.
 */
export function useRaisedHand(socket: ClassSocket | null, studentId: string | null): RaisedHand {
  const [raised, setRaised] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useSocketEvent(socket, 'handsChanged', (hands) =>
    setRaised(studentId !== null && hands.raised.includes(studentId)),
  );
  const toggle = useCallback(() => {
    if (!socket) return;
    void studentCommands(socket)
      .raiseHand(!raised)
      .then((result) => {
        if (result.ok) {
          setRaised(!raised);
          setError(null);
        } else setError(result.error.message);
      });
  }, [socket, raised]);
  return { raised, error, toggle };
}

/**
 * Raise or lower her hand (`useRaisedHand`). Greyed out with `disabledReason` while the class is paused (the
 * server refuses the hand then): the reason in our tooltip on hover and focus. `aria-disabled` rather than
 * `disabled`, so the button stays focusable and hoverable and its reason can be reached at all.
 */
export function RaiseHandButton({
  hand,
  disabledReason = null,
}: {
  hand: RaisedHand;
  disabledReason?: string | null;
}) {
  const disabled = disabledReason !== null;
  return (
    <>
      <Tooltip content={disabledReason} enabled={disabled}>
        <Button
          size="sm"
          aria-pressed={hand.raised}
          aria-disabled={disabled || undefined}
          onClick={() => {
            if (!disabled) hand.toggle();
          }}
        >
          {hand.raised ? 'Lower my hand' : 'Raise my hand'}
        </Button>
      </Tooltip>
      {hand.error && <span role="alert">{hand.error}</span>}
    </>
  );
}
