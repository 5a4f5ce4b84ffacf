import { useEffect, useRef, useState } from 'react';
import { useSocketEvent, type ClassSocket } from './useClassSocket.js';

/** Class activity comes in bursts: fetch again at most this often. */
const REFETCH_AFTER_MS = 2_000;

type RefetchEvent = 'activityChanged' | 'answerPosted' | 'contributionTagged' | 'rosterChanged';

/**
 * Something the dashboard reads from the server and keeps current without polling: fetched once signed in,
 * then again a moment after any of `events` — never more than one request waiting. A failed fetch keeps the
 * last value; the next event asks again.
 */
export function useRefetchedOnEvents<T>(
  fetch: () => Promise<T>,
  key: string,
  socket: ClassSocket | null,
  signedIn: boolean,
  events: readonly RefetchEvent[],
): T | null {
  const [value, setValue] = useState<T | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const load = useRef<() => void>(() => {});
  const latestFetch = useRef(fetch);
  latestFetch.current = fetch;

  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    load.current = () =>
      void latestFetch.current().then(
        (next) => !cancelled && setValue(next),
        () => {},
      );
    load.current();
    return () => {
      cancelled = true;
      load.current = () => {};
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [key, signedIn]);

  const refetchSoon = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      load.current();
    }, REFETCH_AFTER_MS);
  };
  const on = (event: RefetchEvent) => () => {
    if (events.includes(event)) refetchSoon();
  };
  useSocketEvent(socket, 'activityChanged', on('activityChanged'));
  useSocketEvent(socket, 'answerPosted', on('answerPosted'));
  useSocketEvent(socket, 'contributionTagged', on('contributionTagged'));
  // A tag taken away (a deleted reply) changes what tags count for as much as a new one.
  useSocketEvent(socket, 'contributionUntagged', on('contributionTagged'));
  useSocketEvent(socket, 'rosterChanged', on('rosterChanged'));
  return value;
}
