import { useRef, useState } from 'react';
import { Button } from '../ui/Button.js';

/**
 * The teacher's "New group": busy while its request is in flight, so a double click makes one group. The ref
 * refuses a second click that lands before React has drawn the button disabled.
 */
export function NewGroupButton({ onCreate }: { onCreate: () => Promise<unknown> }) {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      await onCreate();
    } catch {
      // The caller tells the teacher what went wrong; the button is ready again either way.
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return (
    <Button onClick={() => void create()} disabled={busy} aria-busy={busy}>
      New group
    </Button>
  );
}
