import { useCallback, useEffect, useState } from 'react';
import type { MonitoringState } from '@conjecture/shared';
import { useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';
import { getMonitoring } from './anticipationApi.js';

/** The monitoring chart's state: loaded once signed in, then replaced by every `monitoringChanged`. */
export function useMonitoring(classId: string, socket: ClassSocket | null, signedIn: boolean) {
  const [state, setState] = useState<MonitoringState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void getMonitoring(classId).then(setState, (e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  }, [classId]);
  useEffect(() => {
    if (signedIn) reload();
  }, [signedIn, reload]);
  useSocketEvent(socket, 'monitoringChanged', (next) => {
    if (next.classId === classId) setState(next);
  });
  return { state, setState, error, setError, reload };
}
