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
    return () => {
      unexpose();
      created.disconnect();
      setSocket(null);
    };
  }, [key]);
  return socket;
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
