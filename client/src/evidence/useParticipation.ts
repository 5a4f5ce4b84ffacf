import { useEffect, useRef, useState } from 'react';
import type { ParticipationReport } from '@conjecture/shared';
import { api } from '../api/http.js';
import { useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';

/** Board activity comes in bursts: count again at most this often. */
const RECOUNT_AFTER_MS = 2_000;

/**
 * Every group's participation balance, computed by the server from its logs. Fetched once signed in, and
 * again a moment after the events that change it (board activity, answers, tags, the roster) — no polling,
 * never more than one request waiting. The quiet flag moves with the dashboard's clock on its own
 * (`quietMembers`), so a silent member is flagged without a new report.
 */
export function useParticipation(
  classId: string,
  socket: ClassSocket | null,
  signedIn: boolean,
): ParticipationReport | null {
  const [report, setReport] = useState<ParticipationReport | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const load = useRef<() => void>(() => {});

  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    load.current = () =>
      void api.participation({ params: { classId } }).then(
        (value) => !cancelled && setReport(value),
        () => {}, // the bars keep their last figures; the next event asks again
      );
    load.current();
    return () => {
      cancelled = true;
      load.current = () => {};
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [classId, signedIn]);

  const recountSoon = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      load.current();
    }, RECOUNT_AFTER_MS);
  };
  useSocketEvent(socket, 'activityChanged', recountSoon);
  useSocketEvent(socket, 'answerPosted', recountSoon);
  useSocketEvent(socket, 'contributionTagged', recountSoon);
  useSocketEvent(socket, 'rosterChanged', recountSoon);
  return report;
}
