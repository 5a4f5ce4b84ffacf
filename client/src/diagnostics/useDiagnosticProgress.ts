import { useCallback, useEffect, useState } from 'react';
import { useReloadOnConnect, useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';
import type { DiagnosticRow } from '@conjecture/shared';
import { getDiagnosticRows } from './diagnosticApi.js';

/**
 * Each student's progress through the class diagnostic: the table once (and again on reconnect or when
 * asked, e.g. after the bank changed or a student joined), then live `diagnosticProgress` events.
 */
export function useDiagnosticProgress(classId: string, socket: ClassSocket | null, ready: boolean) {
  const [rows, setRows] = useState<DiagnosticRow[]>([]);
  const reload = useCallback(async () => setRows(await getDiagnosticRows(classId)), [classId]);

  useEffect(() => {
    if (ready) void reload().catch(() => {});
  }, [ready, reload]);
  useReloadOnConnect(socket, reload);
  // A student who joined after the table was fetched: their first answer adds the row.
  // The profile is stored on completion: fetch the table again then to get it.
  useSocketEvent(socket, 'diagnosticProgress', ({ studentId, answered, total }) => {
    const complete = total > 0 && answered >= total;
    setRows((current) => {
      const before = current.find((r) => r.studentId === studentId);
      const row: DiagnosticRow = {
        studentId,
        answered,
        total,
        complete,
        profile: before?.profile ?? null,
        portrait: before?.portrait ?? null,
      };
      return current.some((r) => r.studentId === studentId)
        ? current.map((r) => (r.studentId === studentId ? row : r))
        : [...current, row];
    });
    if (complete) void reload().catch(() => {});
  });
  useSocketEvent(socket, 'rosterChanged', () => void reload().catch(() => {}));

  return { rows, reload };
}
