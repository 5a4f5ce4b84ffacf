import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { fail, SHARD_PARAM, shardOfHandshake } from '@conjecture/shared';
import type {
  ClientEventAck,
  ClientEventName,
  ClientEventPayload,
  ClientToServerEvents,
  HandshakeAuth,
  Result,
  ServerToClientEvents,
} from '@conjecture/shared';
import { exposeClassSocketForDebugging } from '../debug.js';
import { SOCKET_TRANSPORT } from '../api/socketTransport.js';

export type ClassSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Opens the page's class socket. */
export type OpenClassSocket = (options: Partial<ManagerOptions & SocketOptions>) => ClassSocket;

/**
 * How pages open their class socket: socket.io's `io` to this origin. A component test hands in its own
 * socket here (test/fakeClassSocket.ts) to play the server's side of a cut, without mocking a module.
 */
export const ClassSocketOpener = createContext<OpenClassSocket>((options) => io(options));

/**
 * One socket.io connection to the class for as long as the page is open: the student's (token), the
 * teacher's (`classId`, with the cookie the browser sends) or the projector's. Null until created, or when
 * `auth` is null (not signed in yet).
 */
export function useClassSocket(auth: HandshakeAuth | null): ClassSocket | null {
  const [socket, setSocket] = useState<ClassSocket | null>(null);
  const key = auth ? JSON.stringify(auth) : null;
  const open = useContext(ClassSocketOpener);
  useEffect(() => {
    if (!key) return;
    const handshake = JSON.parse(key) as HandshakeAuth;
    const created: ClassSocket = open({
      ...SOCKET_TRANSPORT,
      auth: handshake,
      query: { [SHARD_PARAM]: shardOfHandshake(handshake) },
    });
    setSocket(created);
    const unexpose = exposeClassSocketForDebugging(created);
    // socket.io does not retry a handshake the server refused; one refused for too many sockets at once
    // (reconnections overlapping stale sockets the server has not noticed gone yet) is tried again later.
    let retry: ReturnType<typeof setTimeout> | undefined;
    created.on('connect_error', (error) => {
      const wait = retryAfterRefusal(error, created.active);
      if (wait !== null && retry === undefined)
        retry = setTimeout(() => {
          retry = undefined;
          created.connect();
        }, wait);
    });
    return () => {
      clearTimeout(retry);
      unexpose();
      created.disconnect();
      setSocket(null);
    };
  }, [key, open]);
  return socket;
}

/** How long after a refused handshake before connecting again (the server drops a stale socket within ~45 s). */
export const SOCKET_CAP_RETRY_MS = 15_000;

/**
 * When to connect again after `connect_error`: only for a handshake refused as `rate_limited` (the session's
 * sockets at their cap), and only when socket.io will not retry by itself (`active` false); null otherwise —
 * a revoked token is the page's to explain, a network error socket.io retries on its own.
 */
export function retryAfterRefusal(error: unknown, active: boolean): number | null {
  return !active && refusalCode(error) === 'rate_limited' ? SOCKET_CAP_RETRY_MS : null;
}

/**
 * A `connect_error` that leaves the socket for good: the server refused the handshake (socket.io stops,
 * `active` false) for a reason `useClassSocket` does not retry — an expired or revoked session, most often.
 */
export function isRefusedForGood(error: unknown, active: boolean): boolean {
  return !active && refusalCode(error) !== 'rate_limited';
}

const refusalCode = (error: unknown): unknown => (error as { data?: { code?: unknown } } | null)?.data?.code;

/** Listens to one server event while mounted; the latest handler is called without resubscribing. */
export function useSocketEvent<E extends keyof ServerToClientEvents>(
  socket: ClassSocket | null,
  event: E,
  handler: ServerToClientEvents[E],
): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!socket) return;
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) =>
      (latest.current as (...a: unknown[]) => void)(...args)) as never;
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}

/** Emits with an acknowledgement as a promise: the server's Result, or a network error as one. */
export function emitWithAck<E extends ClientEventName>(
  socket: ClassSocket,
  event: E,
  payload: ClientEventPayload<E>,
): Promise<Result<ClientEventAck<E>>> {
  return new Promise((resolve) => {
    (socket.timeout(10_000).emit as (...args: unknown[]) => void)(
      event,
      payload,
      (error: Error | null, result: Result<ClientEventAck<E>>) =>
        resolve(error ? fail('internal', 'the server did not answer') : result),
    );
  });
}

/** Calls `reload` whenever the socket (re)connects: what changed while it was away has no event to replay. */
export function useReloadOnConnect(socket: ClassSocket | null, reload: () => Promise<unknown>): void {
  useEffect(() => {
    const onConnect = () => void reload().catch(() => {});
    socket?.on('connect', onConnect);
    return () => {
      socket?.off('connect', onConnect);
    };
  }, [socket, reload]);
}

/** What a page found when it asked the server again: its session ended (the page says why), or it holds. */
export type Recheck = 'ended' | 'holds';

/**
 * The server let go of the page's socket, and socket.io will not connect it again by itself: it disconnected
 * it ('io server disconnect': a session expired, revoked or removed, a class deleted — or a cut that ended
 * nothing), or refused its handshake (a session that ended while the network was down; `rate_limited` is
 * `useClassSocket`'s to retry). The page asks the server (`recheck` shows why it ended, if it did) and
 * connects again unless it ended; a recheck that could not reach the server connects too, and socket.io
 * retries a network failure by itself. The one place a page handles either: no page listens for them itself.
 */
export function useRecheckOnServerDisconnect(
  socket: ClassSocket | null,
  recheck: () => Promise<Recheck>,
): void {
  const latest = useRef(recheck);
  latest.current = recheck;
  useEffect(() => {
    if (!socket) return;
    let unmounted = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const askThen = (connect: () => void) => {
      const connectUnless = (found: Recheck) => {
        if (found === 'holds' && !unmounted) connect();
      };
      void latest.current().then(connectUnless, () => connectUnless('holds'));
    };
    const onDisconnect = (reason: string) => {
      if (reason === 'io server disconnect') askThen(() => socket.connect());
    };
    // A handshake refused while the session holds would be refused again at once (a server on another
    // protocol version): connect again later, as for too many sockets, not in a loop.
    const onRefused = (error: unknown) => {
      if (isRefusedForGood(error, socket.active))
        askThen(() => {
          clearTimeout(retry);
          retry = setTimeout(() => socket.connect(), SOCKET_CAP_RETRY_MS);
        });
    };
    socket.on('disconnect', onDisconnect);
    socket.on('connect_error', onRefused);
    return () => {
      unmounted = true;
      clearTimeout(retry);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onRefused);
    };
  }, [socket]);
}
