import { useState } from 'react';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { useSocketEvent } from '../classroom/useClassSocket.js';
import { studentCommands } from '../classroom/studentCommands.js';
import { Button } from '../ui/Button.js';

/**
 * Raise or lower a hand; the button follows the class's raised hands, so the teacher clearing it shows.
 * `disabled` while the class is paused or ended (the server refuses the hand then).
 */
export function RaiseHandButton({
  socket,
  studentId,
  disabled = false,
}: {
  socket: ClassSocket;
  studentId: string;
  disabled?: boolean;
}) {
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
      <Button
        size="sm"
        aria-pressed={raised}
        disabled={disabled}
        title={disabled ? 'The class is paused' : undefined}
        onClick={() => void toggle()}
      >
        {raised ? 'Lower my hand' : 'Raise my hand'}
      </Button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
