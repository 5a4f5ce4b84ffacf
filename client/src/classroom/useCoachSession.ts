import { useCallback, useEffect, useState } from 'react';
import type { ClassState } from '@conjecture/shared';
import { getClassState, startCoachSession } from './classApi.js';
import { openCoachSession, readAgainOnReturn, type CoachSessionDeps } from './coachSession.js';
import { credentials, takeKeyOnce } from './credentials.js';

export type CoachState =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  /**
   * `round` counts the loads: what the page shows from the class is fetched again when it changes. `readAt`:
   * when the class was last read.
   */
  | { phase: 'ready'; token: string; cls: ClassState; round: number; readAt: number };

const DEPS: CoachSessionDeps = { credentials, startSession: startCoachSession, loadClass: getClassState };

/**
 * The coach's read-only session: the link's `#key=` traded for a token (the key taken off the address bar),
 * then the class loaded with it. No live socket: the evidence is read as it stands, and `refresh` reads it
 * again (the class and, through `round`, everything the page fetched) — by itself too, when the page is
 * shown again after a minute (`readAgainOnReturn`).
 */
export function useCoachSession(classId: string): {
  state: CoachState;
  refreshing: boolean;
  refresh: () => void;
} {
  const [state, setState] = useState<CoachState>({ phase: 'loading' });
  const [refreshing, setRefreshing] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const key = takeKeyOnce();
    void openCoachSession(classId, key, DEPS).then((session) => {
      if (cancelled) return;
      setState(
        session.ok
          ? { phase: 'ready', token: session.token, cls: session.cls, round: 0, readAt: Date.now() }
          : { phase: 'failed', message: session.message },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [classId]);

  const refresh = useCallback(() => {
    setRefreshing(true);
    // No key this time: the session this browser holds, or the message that it is over.
    void openCoachSession(classId, null, DEPS)
      .then((session) =>
        setState((s) =>
          session.ok
            ? {
                phase: 'ready',
                token: session.token,
                cls: session.cls,
                round: s.phase === 'ready' ? s.round + 1 : 0,
                readAt: Date.now(),
              }
            : { phase: 'failed', message: session.message },
        ),
      )
      .finally(() => setRefreshing(false));
  }, [classId]);

  // Brought back to its tab after a while, the page reads the evidence again by itself.
  const readAt = state.phase === 'ready' ? state.readAt : null;
  useEffect(() => {
    if (readAt === null) return;
    const onShown = () => {
      if (document.visibilityState === 'visible' && readAgainOnReturn(readAt, Date.now(), refreshing))
        refresh();
    };
    document.addEventListener('visibilitychange', onShown);
    return () => document.removeEventListener('visibilitychange', onShown);
  }, [readAt, refreshing, refresh]);

  return { state, refreshing, refresh };
}
