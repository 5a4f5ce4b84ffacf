import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { asSentence } from '../api/asSentence.js';
import { PROTOCOL_VERSION, SERVER_DID_NOT_ANSWER, type ClassView, type Group } from '@conjecture/shared';
import { ApiRequestError } from '../api/http.js';
import { classBoardCopies } from './classBoardCopies.js';
import { lastClassStates } from './lastClassState.js';
import { getClassView, getMe } from './classApi.js';
import { clearLocalBoards, credentials } from './credentials.js';
import { forgetClassHere } from './forgetClassHere.js';
import { LoadOrder } from './loadOrder.js';
import { unlessSame } from './sameAnswer.js';
import { foldStudentEvent, type StudentEvent } from './studentEvents.js';
import {
  useClassSocket,
  useRecheckOnServerDisconnect,
  useReloadOnConnect,
  useSocketEvent,
  type ClassSocket,
  type Recheck,
} from './useClassSocket.js';

const NAMES_REFRESH_MS = 5_000;

/** What a student reads when her class cannot be loaded for want of an answer from the server. */
const UNREACHABLE_MESSAGE = `${SERVER_DID_NOT_ANSWER}. A school Wi-Fi may ask you to sign in first; your class opens as soon as the server answers.`;

/** What a student reads when the server answered but could not open her class just now. */
const notOpenedMessage = (error: ApiRequestError) =>
  `The server could not open your class just now. ${asSentence(error.message)} It opens as soon as the server can.`;

export type StudentClassState =
  | { phase: 'loading' }
  | { phase: 'notJoined' }
  /** The session ended for good: removed, the class deleted, or a token the server no longer accepts. */
  | { phase: 'gone'; message: string }
  /**
   * The class could not be loaded and this browser holds no copy of it: the server did not answer (`network`:
   * no network, a captive portal, the server down) or could not open it just now (`server`: a 503 while its
   * class moves between servers, a 500, an answer of another version during an upgrade). Still in it, loaded
   * again when the class socket gets through (or on Try again).
   */
  | { phase: 'unreachable'; cause: 'network' | 'server'; message: string }
  | {
      phase: 'in';
      token: string;
      studentId: string;
      displayName: string;
      group: Group | null;
      paused: boolean;
      view: ClassView;
    };

/**
 * A student's class: who they are (`/api/me` with the stored token), the class view (names, pause), and
 * the live events that change them: moved to a group, paused, removed, class deleted. An event sent while
 * the socket was not connected (before its first connection, or during a reconnect) is never replayed, so
 * both are loaded again on every (re)connect.
 */
export function useStudentClass(classId: string): {
  state: StudentClassState;
  socket: ClassSocket | null;
  refreshNames: () => void;
  /** The board's connection was closed by the server for good (e.g. 4410): check what happened. */
  recheck: () => Promise<void>;
} {
  const [token] = useState(() => credentials.studentToken(classId));
  const [state, setState] = useState<StudentClassState>(
    token ? { phase: 'loading' } : { phase: 'notJoined' },
  );
  const socket = useClassSocket(
    token && state.phase !== 'gone' ? { protocolVersion: PROTOCOL_VERSION, token } : null,
  );

  const gone = useCallback(
    (message: string, deletedBoardIds: readonly string[] = []) => {
      // Whatever ended it (removed, deleted live, or found deleted or expired on a later visit), nothing of
      // this class can sync from here again: leave none of its work, nor its token or join code, on the machine.
      const copied = classBoardCopies.take(classId);
      forgetClassHere(classId);
      void clearLocalBoards([...new Set([...copied, ...deletedBoardIds])]);
      // The first reason wins: the socket event says more than the 401 that follows it.
      setState((s) => (s.phase === 'gone' ? s : { phase: 'gone', message }));
    },
    [classId],
  );

  const order = useRef(new LoadOrder());
  const load = useCallback(async (): Promise<Recheck> => {
    if (!token) return 'ended';
    const ticket = order.current.begin();
    try {
      const [me, view] = await Promise.all([getMe(token), getClassView(classId, { token })]);
      const verdict = order.current.verdict(ticket);
      if (verdict === 'superseded') return 'holds';
      if (verdict === 'askAgain') return load();
      if (me.role !== 'student' || me.classId !== classId) {
        gone('This session is not for this class.');
        return 'ended';
      }
      const loaded: StudentClassState = {
        phase: 'in',
        token,
        studentId: me.studentId,
        displayName: me.displayName,
        group: me.group,
        paused: view.paused,
        view,
      };
      setState((s) => unlessSame(s, loaded));
      return 'holds';
    } catch (error) {
      if (order.current.verdict(ticket) === 'superseded') return 'holds';
      if (error instanceof ApiRequestError && (error.code === 'unauthorized' || error.code === 'not_found')) {
        gone(asSentence(error.message));
        return 'ended';
      }
      // A network failure while in class is not the end: the board keeps working offline. Opened without a
      // network, the page opens the class as it last loaded it (its board from the local copy) and loads it
      // again when the socket connects. Without that copy, a failure to reach the server does not end the
      // session either: the page says so and waits for the server.
      else {
        // Only a refused session ends it (above): a server that fails now tells a student nothing of her place.
        const last = lastClassStates.read(classId);
        const noAnswer = !(error instanceof ApiRequestError) || error.code === 'network';
        setState((s) =>
          s.phase !== 'loading' && s.phase !== 'unreachable'
            ? s
            : last
              ? { phase: 'in', token, ...last }
              : noAnswer
                ? { phase: 'unreachable', cause: 'network', message: UNREACHABLE_MESSAGE }
                : { phase: 'unreachable', cause: 'server', message: notOpenedMessage(error) },
        );
        return 'holds';
      }
    }
  }, [classId, token, gone]);

  useEffect(() => {
    void load();
  }, [load]);

  // Kept as it changes (loaded, or moved by a live event: a group assigned after the load), for a reload
  // without a network.
  useEffect(() => {
    if (state.phase !== 'in') return;
    const { phase: _phase, token: _token, ...kept } = state;
    lastClassStates.save(classId, kept);
  }, [classId, state]);

  // Noted in a layout effect, in the commit that names the board, as the page's board session opens its copy
  // (useWarmBoardSession): a copy is never kept that the class's note does not name.
  const boardId = state.phase === 'in' ? (state.group?.boardId ?? null) : null;
  useLayoutEffect(() => {
    if (boardId) classBoardCopies.note(classId, boardId);
  }, [classId, boardId]);

  const lastRefresh = useRef(0);
  const refreshNames = useCallback(() => {
    // Called for every unknown id the board meets (a student who just joined, one since removed): at most
    // one request per NAMES_REFRESH_MS.
    if (!token || Date.now() - lastRefresh.current < NAMES_REFRESH_MS) return;
    lastRefresh.current = Date.now();
    getClassView(classId, { token })
      .then((view) => setState((s) => (s.phase === 'in' ? { ...s, view } : s)))
      .catch(() => {});
  }, [classId, token]);

  // Live events are folded by a pure reducer (studentEvents.ts); an answer asked before one is stale.
  const fold = (event: StudentEvent) => {
    order.current.event();
    setState((s) => (s.phase === 'in' ? foldStudentEvent(s, event) : s));
  };
  useSocketEvent(socket, 'groupAssigned', (payload) => {
    fold({ name: 'groupAssigned', payload });
    refreshNames();
    // The group was deleted with its board: nothing here can sync again, so leave no copy behind. (After an
    // ordinary move the copy stays: unsent edits upload if the student is moved back.)
    if (payload.deletedBoardId) void clearLocalBoards([payload.deletedBoardId]);
  });
  useSocketEvent(socket, 'classPaused', (payload) => fold({ name: 'classPaused', payload }));
  useSocketEvent(socket, 'taskPromptChanged', (payload) => fold({ name: 'taskPromptChanged', payload }));
  // Names anonymized or not: the labels every board resolves ids with.
  useSocketEvent(socket, 'classViewChanged', () => {
    if (!token) return;
    getClassView(classId, { token })
      .then((view) => setState((s) => (s.phase === 'in' ? { ...s, view } : s)))
      .catch(() => {});
  });
  useSocketEvent(socket, 'removedFromClass', () => gone('Your teacher removed you from this class.'));
  useSocketEvent(socket, 'classDeleted', ({ boardIds }) =>
    gone('Your teacher deleted this class and all its boards.', boardIds),
  );
  useReloadOnConnect(socket, load);
  // Cut by the server with no event first (expired before a board was open to hear its 4401), or a handshake
  // refused (the token revoked or expired while we were away): ask /me why, and show it.
  useRecheckOnServerDisconnect(socket, load);

  const recheck = useCallback(async () => void (await load()), [load]);
  return { state, socket, refreshNames, recheck };
}
