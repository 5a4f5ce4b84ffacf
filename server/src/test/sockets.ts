import { io as connectSocket } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, Result, ServerToClientEvents } from '@conjecture/shared';
import { PROTOCOL_VERSION, SHARD_PARAM, shardOfHandshake } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import { onCleanup } from './testServer.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A stock socket.io client: a token (student, projector) or the teacher's cookie with its class id. */
export function socketFor(
  server: RunningServer,
  auth: { token?: string; classId?: string },
  cookie?: string,
): ClientSocket {
  const socket: ClientSocket = connectSocket(server.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, ...auth },
    transports: ['websocket'],
    // As the browser does: the load balancer (and a cluster process) routes the handshake by it.
    query: { [SHARD_PARAM]: String(shardOfHandshake(auth)) },
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
  });
  onCleanup(() => socket.disconnect());
  return socket;
}

/** A stock socket.io client with no class credential, as the standalone board page opens one. */
export function socketWithoutClass(
  server: RunningServer,
  headers: Record<string, string> = {},
): ClientSocket {
  const socket: ClientSocket = connectSocket(server.url, {
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
  });
  onCleanup(() => socket.disconnect());
  return socket;
}

/** A refused handshake as socket.io-client reports it: the server's code in `data`. */
export type Refusal = Error & { data?: { code?: string } };

/** How the server took a handshake: connected, or the refusal it sent. */
export const verdictOn = (socket: ClientSocket) =>
  new Promise<'connected' | Refusal>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', resolve);
  });

/** Emits an event with any payload (also ones the types forbid) and resolves with its acknowledgement. */
export const emitRaw = <T>(socket: ClientSocket, event: string, payload: unknown) =>
  new Promise<Result<T>>((resolve) => (socket.emit as (...a: unknown[]) => void)(event, payload, resolve));

/**
 * Posts a critique reply on a shape (the group's 'shape:line' unless named) and resolves with its ids; a refusal
 * throws with the server's reason, so a setup that went wrong says so where it did.
 */
export async function postReply(
  socket: ClientSocket,
  boardId: string,
  stance: string,
  text: string,
  shapeId = 'shape:line',
): Promise<{ threadId: string; replyId: string }> {
  const posted = await emitRaw<{ threadId: string; replyId: string }>(socket, 'postCritique', {
    boardId,
    shapeId,
    stance,
    text,
  });
  if (!posted.ok) throw new Error(`postCritique refused: ${posted.error.message}`);
  return posted.value;
}
