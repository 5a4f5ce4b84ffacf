import { useCallback, useEffect, useState } from 'react';
import type { StudentDiagnostic } from '@conjecture/shared';
import { getStudentDiagnostic } from './diagnosticApi.js';
import { unlessSame } from '../classroom/sameAnswer.js';
import { useReloadOnConnect, useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';

/**
 * The server tells the class when the teacher chooses a diagnostic (`diagnosticChanged`); a student still
 * waiting also asks again now and then and when the page comes back into view, in case the event was missed
 * while the socket was reconnecting.
 */
const DIAGNOSTIC_RECHECK_MS = 60_000;

/**
 * The student's diagnostic as the server has it (items, what was answered, the summary once complete).
 * Undefined while loading or if it could not be fetched: the class page then carries on without it.
 */
export function useStudentDiagnostic(
  classId: string,
  token: string | null,
  waiting: boolean,
  socket: ClassSocket | null,
) {
  const [diagnostic, setDiagnostic] = useState<StudentDiagnostic | undefined>(undefined);
  const fetchNow = useCallback(
    (isCancelled: () => boolean) => {
      if (!token) return;
      getStudentDiagnostic(classId, token).then(
        (d) => !isCancelled() && setDiagnostic((held) => unlessSame(held, d)),
        () => {},
      );
    },
    [classId, token],
  );
  useEffect(() => {
    let cancelled = false;
    fetchNow(() => cancelled);
    return () => {
      cancelled = true;
    };
  }, [fetchNow]);

  useSocketEvent(socket, 'diagnosticChanged', () => fetchNow(() => false));
  // A choice made while the socket was not connected (before its first connection, or during a reconnect).
  const refetch = useCallback(async () => fetchNow(() => false), [fetchNow]);
  useReloadOnConnect(socket, refetch);

  const noneYet = diagnostic !== undefined && diagnostic.title === null;
  useEffect(() => {
    if (!waiting || !noneYet) return;
    let cancelled = false;
    const recheck = () => fetchNow(() => cancelled);
    const timer = setInterval(recheck, DIAGNOSTIC_RECHECK_MS);
    const onVisible = () => document.visibilityState === 'visible' && recheck();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [waiting, noneYet, fetchNow]);

  return { diagnostic, setDiagnostic };
}
