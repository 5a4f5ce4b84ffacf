import { useState } from 'react';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { useSocketEvent } from '../classroom/useClassSocket.js';
import { studentCommands } from '../classroom/studentCommands.js';
import { Button } from '../ui/Button.js';
import { Tooltip } from '../ui/Tooltip.js';

/**
 * Raise or lower a hand; the button follows the class's raised hands, so the teacher clearing it shows.
 * Greyed out with `disabledReason` while the class is paused (the server refuses the hand then): the reason
 * in our tooltip on hover and focus. `aria-disabled` rather than `disabled`, so the button stays focusable
 * and hoverable and its reason can be reached at all.
 */
export function RaiseHandButton({
  socket,
  studentId,
  disabledReason = null,
}: {
  socket: ClassSocket;
  studentId: string;
  disabledReason?: string | null;
}) {
  const disabled = disabledReason !== null;
  const [raised, setRaised] = useState(false);
  useSocketEvent(socket, 'handsChanged', (hands) => setRaised(hands.raised.includes(studentId)));
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    const result = await studentCommands(socket).raiseHand(!raised);
    if (result.ok) {
      setRaised(!raised);
      setError(null);
    } else setError(result.error.message);
  };
  return (
    <>
      <Tooltip content={disabledReason} enabled={disabled}>
        <Button
          size="sm"
          aria-pressed={raised}
          aria-disabled={disabled || undefined}
          onClick={() => {
            if (!disabled) void toggle();
          }}
        >
          {raised ? 'Lower my hand' : 'Raise my hand'}
        </Button>
      </Tooltip>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
