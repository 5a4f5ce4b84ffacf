import { useCallback, useEffect, useRef, useState } from 'react';
import {
  PROTOCOL_VERSION,
  SERVER_DID_NOT_ANSWER,
  type ClassState,
  type GroupActivity,
  type Question,
} from '@conjecture/shared';
import { asSentence } from '../api/asSentence.js';
import { ApiRequestError } from '../api/http.js';
import { getActivity, getClassState, getHands, listQuestions, startTeacherSession } from './classApi.js';
import { clearLocalBoards, takeKeyOnce } from './credentials.js';
import { forgetClassHere } from './forgetClassHere.js';
import { LoadOrder } from './loadOrder.js';
import {
  foldTeacherEvent,
  RELOAD_RACING_EVENTS,
  withoutWipesOf,
  type TeacherEvent,
  type UndoneWipe,
} from './teacherEvents.js';
import {
  emitWithAck,
  useClassSocket,
  useRecheckOnServerDisconnect,
  useReloadOnConnect,
  type Recheck,
  useSocketEvent,
  type ClassSocket,
} from './useClassSocket.js';

export type TeacherClassState =
  | { phase: 'loading' }
  /** `temporary`: the server did not answer or could not open the class now; trying again may open it. */
  | { phase: 'failed'; message: string; temporary: boolean }
  | { phase: 'deleted' }
  | {
      phase: 'ready';
      cls: ClassState;
      questions: Question[];
      activity: GroupActivity[];
      hands: string[];
      undoneWipes: UndoneWipe[];
    };

type Ready = Extract<TeacherClassState, { phase: 'ready' }>;

/** Why the class cannot be shown: on first load, or when the server cut the socket and refuses a reload. */
function failureMessage(error: unknown): string {
  if (error instanceof ApiRequestError && error.code === 'unauthorized')
    return 'This browser is not signed in as the teacher of this class: open your teacher link again.';
  if (error instanceof ApiRequestError && error.code === 'not_found')
    return 'This class does not exist (it may have been deleted).';
  if (!(error instanceof ApiRequestError) || error.code === 'network')
    return `${SERVER_DID_NOT_ANSWER}. A school Wi-Fi may ask you to sign in first.`;
  return `The server could not open the class just now. ${asSentence(error.message)}`;
}

const endsTheSession = (error: unknown): boolean =>
  error instanceof ApiRequestError && (error.code === 'unauthorized' || error.code === 'not_found');

/**
 * The teacher's live view of the class. On first open the teacher link's `#key=` is traded for the httpOnly
 * cookie and removed from the address bar; then the class state, questions, activity and hands are loaded
 * and kept current by the teacher's socket.io events.
 */
export function useTeacherClass(classId: string) {
  const [state, setState] = useState<TeacherClassState>({ phase: 'loading' });
  // Each Try again after a failure that ended nothing loads the class again (with the link's key, if any).
  const [attempt, setAttempt] = useState(0);
  const [signedIn, setSignedIn] = useState(false);
  const socket: ClassSocket | null = useClassSocket(
    signedIn && state.phase !== 'deleted' && state.phase !== 'failed'
      ? { protocolVersion: PROTOCOL_VERSION, classId }
      : null,
  );

  const update = useCallback(
    (change: (ready: Ready) => Ready) => setState((s) => (s.phase === 'ready' ? change(s) : s)),
    [],
  );

  useEffect(() => {
    let cancelled = false;
    const key = takeKeyOnce();
    void (async () => {
      try {
        if (key) await startTeacherSession(classId, key);
        const [cls, questions, activity, hands] = await Promise.all([
          getClassState(classId),
          listQuestions(classId),
          getActivity(classId),
          getHands(classId),
        ]);
        if (cancelled) return;
        setSignedIn(true);
        setState({ phase: 'ready', cls, questions, activity, hands: hands.raised, undoneWipes: [] });
      } catch (error) {
        if (cancelled) return;
        setState({ phase: 'failed', message: failureMessage(error), temporary: !endsTheSession(error) });
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

  /** After a REST call that answers with the class state, or to resync after a reconnect. */
  const setClass = useCallback((cls: ClassState) => update((s) => ({ ...s, cls })), [update]);
  /** Merges a change into the current class state (not a snapshot taken before an await). */
  const patchClass = useCallback(
    (patch: Partial<ClassState>) => update((s) => ({ ...s, cls: { ...s.cls, ...patch } })),
    [update],
  );
  // A roster reload races the live events that change the same state (a student's socket connecting just
  // after the join that asked for the reload): an answer asked before such an event is stale, so ask again.
  const order = useRef(new LoadOrder());
  const reload = useCallback(async (): Promise<void> => {
    const ticket = order.current.begin();
    const cls = await getClassState(classId);
    const verdict = order.current.verdict(ticket);
    if (verdict === 'askAgain') return reload();
    if (verdict === 'apply') setClass(cls);
  }, [classId, setClass]);

  /**
   * An optimistic change: shown at once, settled by the server's answer, and undone by a reload (then
   * rethrown) when the server refuses it.
   */
  const optimistic = useCallback(
    async <T>(
      patch: Partial<ClassState>,
      call: () => Promise<T>,
      settle: (answer: T) => Partial<ClassState>,
    ) => {
      patchClass(patch);
      try {
        patchClass(settle(await call()));
      } catch (error) {
        await reload();
        throw error;
      }
    },
    [patchClass, reload],
  );

  /** Lowers a student's raised hand (over the class socket: its answer is the server's decision). */
  const clearHand = useCallback(
    async (studentId: string) => {
      if (!socket) throw new Error('not connected');
      const result = await emitWithAck(socket, 'clearHand', { studentId });
      if (!result.ok) throw new Error(result.error.message);
    },
    [socket],
  );

  /** The teacher looked at the board: its undone wipes leave the attention strip. */
  const seenWipesOf = useCallback((boardId: string) => update((s) => withoutWipesOf(s, boardId)), [update]);

  // Joins, removals, moves and new groups: the server says so, and the roster is fetched again.
  useSocketEvent(socket, 'rosterChanged', () => void reload().catch(() => {}));
  // Every other live event is folded by a pure reducer (teacherEvents.ts).
  const fold = (event: TeacherEvent) => {
    if (RELOAD_RACING_EVENTS.has(event.name)) order.current.event();
    update((s) => foldTeacherEvent(s, event));
  };
  useSocketEvent(socket, 'presenceChanged', (payload) => fold({ name: 'presenceChanged', payload }));
  useSocketEvent(socket, 'activityChanged', (payload) => fold({ name: 'activityChanged', payload }));
  useSocketEvent(socket, 'handsChanged', (payload) => fold({ name: 'handsChanged', payload }));
  useSocketEvent(socket, 'classPaused', (payload) => fold({ name: 'classPaused', payload }));
  useSocketEvent(socket, 'questionPosed', (payload) => fold({ name: 'questionPosed', payload }));
  useSocketEvent(socket, 'answerPosted', (payload) => fold({ name: 'answerPosted', payload }));
  useSocketEvent(socket, 'projectionChanged', (payload) => fold({ name: 'projectionChanged', payload }));
  useSocketEvent(socket, 'wipeUndone', (payload) => fold({ name: 'wipeUndone', payload }));
  useSocketEvent(socket, 'classDeleted', ({ boardIds }) => {
    setState({ phase: 'deleted' });
    forgetClassHere(classId);
    void clearLocalBoards(boardIds);
  });
  // Students join and groups change without an event to the teacher: resync on (re)connect.
  useReloadOnConnect(socket, reload);
  // Cut by the server (the cookie's session expired, or a cut that ended nothing), or a reconnecting
  // handshake refused (it expired while the network was down): a refused reload says which. A deleted
  // class's own event came first and wins.
  const recheck = useCallback(async (): Promise<Recheck> => {
    try {
      await reload();
      return 'holds';
    } catch (error) {
      if (!endsTheSession(error)) return 'holds';
      const message = failureMessage(error);
      setState((s) => (s.phase === 'ready' ? { phase: 'failed', message, temporary: false } : s));
      return 'ended';
    }
  }, [reload]);
  useRecheckOnServerDisconnect(socket, recheck);

  return {
    state,
    socket,
    setClass,
    patchClass,
    optimistic,
    clearHand,
    reload,
    retry,
    markDeleted: () => {
      setState({ phase: 'deleted' });
      forgetClassHere(classId);
    },
    seenWipesOf,
  };
}
