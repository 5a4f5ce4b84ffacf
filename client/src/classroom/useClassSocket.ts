import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
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

/**
 * One socket.io connection to the class for as long as the page is open: the student's (token), the
 * teacher's (`classId`, with the cookie the browser sends) or the projector's. Null until created, or when
 * `auth` is null (not signed in yet).
 */
export function useClassSocket(auth: HandshakeAuth | null): ClassSocket | null {
  const [socket, setSocket] = useState<ClassSocket | null>(null);
  const key = auth ? JSON.stringify(auth) : null;
  useEffect(() => {
    if (!key) return;
    const handshake = JSON.parse(key) as HandshakeAuth;
    const created: ClassSocket = io({
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
  }, [key]);
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
  const code = (error as { data?: { code?: unknown } } | null)?.data?.code;
  return !active && code === 'rate_limited' ? SOCKET_CAP_RETRY_MS : null;
}

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
