import { describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import type { ClientToServerEvents, Result, ServerToClientEvents } from '@conjecture/shared';
import { PROTOCOL_VERSION } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import {
  connectClient,
  createBoard,
  geoShape,
  onCleanup,
  startTestServer,
  synced,
  waitFor,
} from '../test/testServer.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function connect(
  server: RunningServer,
  auth: Record<string, unknown> = { protocolVersion: PROTOCOL_VERSION },
) {
  const socket: ClientSocket = connectSocket(server.url, {
    auth,
    transports: ['websocket'],
    reconnection: false,
  });
  onCleanup(() => socket.disconnect());
  return socket;
}

const emitRaw = (socket: ClientSocket, event: string, ...args: unknown[]) =>
  new Promise<Result<unknown>>((resolve) =>
    (socket.emit as (...a: unknown[]) => void)(event, ...args, resolve),
  );

describe('socket.io protocol', () => {
  it('refuses a client speaking another protocol version', async () => {
    const server = await startTestServer();
    const socket = connect(server, { protocolVersion: PROTOCOL_VERSION + 1 });
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) =>
      socket.on('connect_error', resolve),
    );
    expect(error.data?.code).toBe('protocol_mismatch');
    expect(error.message).toMatch(/reload/);
  });

  it('refuses a handshake without a protocol version', async () => {
    const server = await startTestServer();
    const socket = connect(server, {});
    const error = await new Promise<Error & { data?: { code: string } }>((resolve) =>
      socket.on('connect_error', resolve),
    );
    expect(error.data?.code).toBe('bad_request');
  });

  it('answers a payload that fails its schema with bad_request and the issues, and keeps the socket', async () => {
    const server = await startTestServer();
    const socket = connect(server);
    const notAnObject = await emitRaw(socket, 'watchBoard', 'board-1');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const badId = await emitRaw(socket, 'watchBoard', { boardId: '../../etc' });
    expect(badId.ok).toBe(false);
    if (!badId.ok) expect(badId.error.issues?.[0]?.path).toEqual(['boardId']);
    const extra = await emitRaw(socket, 'watchBoard', { boardId: 'abcdefgh', admin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const unknown = await emitRaw(socket, 'watchBoard', { boardId: 'abcdefgh' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(socket.connected).toBe(true);
  });

  it('confirms local changes by pushing the server’s stored state vector', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const client = connectClient(server, boardId, { user: 'alice' });
    await synced(client);
    const socket = connect(server);
    const vectors: Map<number, number>[] = [];
    socket.on('boardStateVector', (p) =>
      vectors.push(Y.decodeStateVector(Buffer.from(p.stateVector, 'base64'))),
    );
    const first = await emitRaw(socket, 'watchBoard', { boardId });
    expect(first.ok).toBe(true);

    client.records.set('shape:1', geoShape('shape:1'));
    const localClock = Y.decodeStateVector(Y.encodeStateVector(client.doc)).get(client.doc.clientID) ?? 0;
    expect(localClock).toBeGreaterThan(0);
    await waitFor(
      () => vectors.some((v) => (v.get(client.doc.clientID) ?? 0) >= localClock),
      'a state vector covering the client’s change',
    );
  });
});
