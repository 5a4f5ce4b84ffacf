import { useEffect, useRef, useState } from 'react';
import type { GroupRepresentations } from '@conjecture/shared/board/index';
import { api } from '../api/http.js';
import { useSocketEvent, type ClassSocket } from './useClassSocket.js';

/** Board activity comes in bursts: count again at most this often. */
const RECOUNT_AFTER_MS = 2_000;

/**
 * Per group, how many visual, symbolic, verbal, contextual and manipulative items its board holds (the
 * server counts with the shared `representationType`). Fetched once signed in, and again a moment after
 * board activity — never more than one request in flight.
 */
export function useGroupRepresentations(
  classId: string,
  socket: ClassSocket | null,
  signedIn: boolean,
): GroupRepresentations | null {
  const [counts, setCounts] = useState<GroupRepresentations | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const load = useRef<() => void>(() => {});

  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    load.current = () =>
      void api.representations({ params: { classId } }).then(
        (value) => !cancelled && setCounts(value),
        () => {}, // the column keeps its last counts; the next activity asks again
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
  useSocketEvent(socket, 'rosterChanged', recountSoon);
  return counts;
}
