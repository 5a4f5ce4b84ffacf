import { useCallback, useEffect, useRef, useState } from 'react';
import { PROTOCOL_VERSION, SESSION_EXPIRED, type ClassView } from '@conjecture/shared';
import { ApiRequestError } from '../api/http.js';
import { getClassView, startProjectorSession } from './classApi.js';
import { clearLocalBoards, credentials, takeKeyOnce } from './credentials.js';
import { forgetClassHere } from './forgetClassHere.js';
import { LoadOrder } from './loadOrder.js';
import {
  useClassSocket,
  useRecheckOnServerDisconnect,
  useReloadOnConnect,
  useSocketEvent,
  type Recheck,
} from './useClassSocket.js';

export type ProjectorState =
  | { phase: 'loading' }
  /** `temporary`: the server did not answer or could not show the class now; trying again may show it. */
  | { phase: 'failed'; message: string; temporary?: boolean }
  | { phase: 'ready'; token: string; view: ClassView };

/**
 * The projector's view of the class: the link's `#key=` is traded for a token (kept in localStorage, the
 * key removed from the address bar), then the view follows the teacher's `projectionChanged` live. The
 * names it holds are what the server lets a projector see: pseudonyms when the teacher anonymizes.
 */
const NAMES_REFRESH_MS = 5_000;

/**
 * Why the server refuses this projector's token, in the projector's words: its session expired (the server's
 * SESSION_EXPIRED speaks to students), or the teacher made a new link.
 */
const refusedProjectorMessage = (error: ApiRequestError): string =>
  error.message === SESSION_EXPIRED
    ? "This projector link has expired: open the class's projector link again from the teacher's screen."
    : 'This projector link was replaced: open the new one.';

export function useProjectorView(classId: string): {
  state: ProjectorState;
  refreshNames: () => void;
  socket: ReturnType<typeof useClassSocket>;
  /** After a temporary failure: load the view again. */
  retry: () => void;
} {
  const [state, setState] = useState<ProjectorState>({ phase: 'loading' });
  // Each Try again after a failure that ended nothing loads the view again (with the link's key, if any).
  const [attempt, setAttempt] = useState(0);
  const token = state.phase === 'ready' ? state.token : null;
  const socket = useClassSocket(token ? { protocolVersion: PROTOCOL_VERSION, token } : null);

  useEffect(() => {
    let cancelled = false;
    const key = takeKeyOnce();
    void (async () => {
      try {
        let held = credentials.projectorToken(classId);
        if (key) {
          held = (await startProjectorSession(classId, key)).token;
          credentials.saveProjector(classId, held);
        }
        if (!held) throw new ApiRequestError('unauthorized', 'open the projector link from the teacher');
        const view = await getClassView(classId, { token: held }).catch((error: unknown) => {
          // The token itself refused (expired, or a newer link made): said as on a cut, not in the server's
          // words to students.
          throw error instanceof ApiRequestError && error.code === 'unauthorized'
            ? new ApiRequestError(error.code, refusedProjectorMessage(error))
            : error;
        });
        if (!cancelled) setState({ phase: 'ready', token: held, view });
      } catch (error) {
        if (cancelled) return;
        const refused =
          error instanceof ApiRequestError && (error.code === 'unauthorized' || error.code === 'not_found');
        if (error instanceof ApiRequestError && error.code === 'unauthorized')
          credentials.forgetProjector(classId);
        setState({
          phase: 'failed',
          message: error instanceof Error ? error.message : String(error),
          temporary: !refused,
        });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [classId, attempt]);
  const retry = useCallback(() => {
    setState({ phase: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  // What the teacher changed while the socket was not connected (before it first connected, or during a
  // reconnect) has no event to replay: the view is fetched again on every (re)connect, in order with events.
  const order = useRef(new LoadOrder());
  const reloadView = useCallback(async (): Promise<void> => {
    if (!token) return;
    const ticket = order.current.begin();
    const view = await getClassView(classId, { token });
    const verdict = order.current.verdict(ticket);
    if (verdict === 'askAgain') return reloadView();
    if (verdict === 'apply') setState((s) => (s.phase === 'ready' ? { ...s, view } : s));
  }, [classId, token]);
  useReloadOnConnect(socket, reloadView);
  const onEvent = (change: (view: ClassView) => ClassView) => {
    order.current.event();
    setState((s) => (s.phase === 'ready' ? { ...s, view: change(s.view) } : s));
  };
  useSocketEvent(socket, 'projectionChanged', (view) => onEvent(() => view));
  useSocketEvent(socket, 'classPaused', ({ paused, ended }) =>
    onEvent((view) => ({ ...view, paused: paused || ended, ended })),
  );
  useSocketEvent(socket, 'graphPaperChanged', ({ graphPaper }) =>
    onEvent((view) => ({ ...view, graphPaper })),
  );
  useSocketEvent(socket, 'classDeleted', ({ boardIds }) => {
    forgetClassHere(classId);
    void clearLocalBoards(boardIds);
    setState({ phase: 'failed', message: 'This class was deleted.' });
  });
  // The teacher made a new projector link, or the session expired: the socket is cut or refused, and the
  // server's refusal of the view says which. A cut that ended nothing connects again.
  const recheck = useCallback(async (): Promise<Recheck> => {
    try {
      await reloadView();
      return 'holds';
    } catch (error) {
      // A deleted class's own event (just before the cut) has said so already.
      if (error instanceof ApiRequestError && error.code === 'not_found') return 'ended';
      if (!(error instanceof ApiRequestError && error.code === 'unauthorized')) return 'holds';
      credentials.forgetProjector(classId);
      setState({ phase: 'failed', message: refusedProjectorMessage(error) });
      return 'ended';
    }
  }, [classId, reloadView]);
  useRecheckOnServerDisconnect(socket, recheck);

  const lastRefresh = useRef(0);
  /** For an id the view does not name yet (a student who joined after the last projection change). */
  const refreshNames = useCallback(() => {
    if (!token || Date.now() - lastRefresh.current < NAMES_REFRESH_MS) return;
    lastRefresh.current = Date.now();
    getClassView(classId, { token })
      .then((view) => setState((s) => (s.phase === 'ready' ? { ...s, view } : s)))
      .catch(() => {});
  }, [classId, token]);

  return { state, refreshNames, socket, retry };
}
