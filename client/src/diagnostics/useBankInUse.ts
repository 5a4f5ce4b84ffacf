import { useEffect, useState } from 'react';
import type { ItemBank } from '@conjecture/shared';
import { getDiagnosticBank } from './diagnosticApi.js';

/**
 * The bank the class uses, for the teacher to read (its title and description) and to start a new one from;
 * null before it is fetched, and when none is chosen or it was skipped. `reload` after the teacher changed it.
 */
export function useBankInUse(classId: string): { bank: ItemBank | null; reload: () => void } {
  const [bank, setBank] = useState<ItemBank | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let cancelled = false;
    getDiagnosticBank(classId)
      .then((next) => !cancelled && setBank(next))
      .catch(() => {}); // what the bank is about stays unsaid; the chooser and the form work without it
    return () => {
      cancelled = true;
    };
  }, [classId, version]);
  return { bank, reload: () => setVersion((v) => v + 1) };
}
