import { useState } from 'react';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { emitWithAck } from '../classroom/useClassSocket.js';

/**
 * Raise or lower a hand. The student is not told when the teacher clears it (the server sends
 * `handsChanged` to the teacher only), so the button shows what this student last asked for.
 */
export function RaiseHandButton({ socket }: { socket: ClassSocket }) {
  const [raised, setRaised] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    const result = await emitWithAck(socket, 'raiseHand', { raised: !raised });
    if (result.ok) {
      setRaised(!raised);
      setError(null);
    } else setError(result.error.message);
  };
  return (
    <>
      <button type="button" aria-pressed={raised} onClick={() => void toggle()}>
        {raised ? 'Lower my hand' : 'Raise my hand'}
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
