import { useEffect, useState } from 'react';
import type { TLStore } from 'tldraw';
import { apiFor, type ClassAuth } from '../api/http.js';
import type { BoardAuthorship } from './attributionModel.js';
import { createDebouncer } from './debounce.js';

/** Refetch this long after the last change to the board (local or remote): one request per burst of edits. */
export const AUTHORSHIP_REFRESH_MS = 1000;

/** Each shape's creator and editors from the server's authorship log (never from the records themselves). */
export const getBoardAuthorship = (boardId: string, auth: ClassAuth | null): Promise<BoardAuthorship> =>
  apiFor(auth ?? { teacher: true }).boardAuthorship({ params: { boardId } });

/**
 * The board's authorship while `active` (colour by author on, or a thread open): fetched at once, then again
 * a second after each burst of changes. Null until the first answer. Inactive, nothing is fetched: the
 * server reads its whole update log for each answer.
 */
export function useAuthorship(
  boardId: string,
  store: TLStore,
  auth: ClassAuth | null,
  active: boolean,
): BoardAuthorship | null {
  const [authorship, setAuthorship] = useState<BoardAuthorship | null>(null);
  const authKey = JSON.stringify(auth);
  useEffect(() => {
    if (!active) return;
    let latest = 0;
    let stopped = false;
    const fetchNow = () => {
      const request = ++latest;
      getBoardAuthorship(boardId, JSON.parse(authKey) as ClassAuth | null)
        .then((answer) => {
          // an older request that answers late must not overwrite a newer answer
          if (!stopped && request === latest) setAuthorship(answer);
        })
        .catch((error: unknown) => console.warn('authorship not loaded', error));
    };
    const debouncer = createDebouncer(fetchNow, AUTHORSHIP_REFRESH_MS);
    fetchNow();
    const stopListening = store.listen(() => debouncer.trigger(), { scope: 'document' });
    return () => {
      stopped = true;
      stopListening();
      debouncer.cancel();
    };
  }, [boardId, store, authKey, active]);
  return authorship;
}
