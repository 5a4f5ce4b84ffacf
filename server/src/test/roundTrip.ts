import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import type { TestClient } from './testServer.js';
import { synced } from './testServer.js';

const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;

function syncStep1(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  encoding.writeVarUint(e, SYNC_STEP_1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

const isSyncStep2 = (data: unknown) => {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data as Buffer);
  return bytes[0] === MESSAGE_SYNC && bytes[1] === SYNC_STEP_2;
};

/**
 * Sends a sync step 1 on `ws` and resolves on the server's sync step 2 reply. The server handles one
 * connection's messages in order and stores (then relays) what it accepted before it answers a step 1, so
 * once the reply is in: everything sent earlier on this connection has been handled (stored, reverted or
 * dropped), and everything the server sent this connection before — relays, reverts — has arrived.
 * It says nothing about other connections: round-trip each one whose state a test reads.
 */
function roundTripOn(ws: WebSocket, stateVector: Uint8Array): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onMessage = (data: unknown) => {
      if (!isSyncStep2(data)) return;
      done();
      resolve();
    };
    const onClose = (code: number) => {
      done();
      reject(new Error(`the connection closed (${code}) before the round trip`));
    };
    const done = () => {
      ws.off('message', onMessage);
      ws.off('close', onClose);
    };
    ws.on('message', onMessage);
    ws.on('close', onClose);
    ws.send(syncStep1(stateVector));
  });
}

/** A round trip on a stock client's own connection (after its first sync, so no earlier step 2 is pending). */
export async function roundTrip(client: TestClient): Promise<void> {
  await synced(client);
  const ws = client.provider.ws as unknown as WebSocket | null;
  if (!ws) throw new Error('the client has no open connection');
  await roundTripOn(ws, Y.encodeStateVector(client.doc));
}

/** A round trip on a raw socket (which holds no document: it asks for everything). */
export const rawRoundTrip = (ws: WebSocket) => roundTripOn(ws, Y.encodeStateVector(new Y.Doc()));
