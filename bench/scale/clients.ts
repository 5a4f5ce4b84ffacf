import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  YDOC_RECORDS_KEY,
  YJS_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@conjecture/shared';
import type { StateVector } from './accounting.js';

/** A stock y-websocket client on a board: a student's, or the teacher dashboard's read-only watcher. */
export interface BoardClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  records: YKeyValue<Record<string, unknown>>;
  /** Epoch ms of its latest sync with the server. */
  syncedAt: number;
}

export type TeacherSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const wallClockMs = () => performance.timeOrigin + performance.now();

export const stateVectorOf = (doc: Y.Doc): StateVector => Y.decodeStateVector(Y.encodeStateVector(doc));

/** As the web client connects (y-websocket's own reconnect backoff, no BroadcastChannel). */
export function boardClient(
  url: string,
  boardId: string,
  params: Record<string, string>,
  options: { maxBackoffTime?: number } = {},
): BoardClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}${YJS_PATH}`, boardId, doc, {
    params,
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
    ...options,
  });
  const client: BoardClient = {
    doc,
    provider,
    records: new YKeyValue(doc.getArray(YDOC_RECORDS_KEY)),
    syncedAt: 0,
  };
  provider.on('sync', (synced: boolean) => {
    if (synced) client.syncedAt = wallClockMs();
  });
  return client;
}

export function closeBoardClient(client: BoardClient): void {
  client.provider.destroy();
  client.doc.destroy();
}

/** The teacher dashboard's socket.io connection to its class (the teacher cookie's value as bearer). */
export function teacherSocket(
  url: string,
  classId: string,
  token: string,
  query: Record<string, string>,
): TeacherSocket {
  return io(url, {
    auth: { protocolVersion: PROTOCOL_VERSION, classId, token },
    query,
    transports: ['websocket'],
  });
}

const WITNESS_TIMEOUT_MS = 20_000;
/** A witness retries fast: it should be the first to read a board after a failover. */
const WITNESS_BACKOFF_MS = 50;

/**
 * What the server holds of a board now: a fresh read-only connection's doc after its first sync. Read-only,
 * so nothing it holds can flow back into the board.
 */
export async function readBoard(
  url: string,
  boardId: string,
  params: Record<string, string>,
): Promise<StateVector> {
  const witness = boardClient(
    url,
    boardId,
    { ...params, mode: 'view' },
    { maxBackoffTime: WITNESS_BACKOFF_MS },
  );
  let lastClose = 'none';
  witness.provider.on('connection-close', (event: { code?: number; reason?: string } | null) => {
    lastClose = `${event?.code ?? '?'} ${event?.reason ?? ''}`.trim();
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no sync of board ${boardId} within ${WITNESS_TIMEOUT_MS} ms (last close: ${lastClose})`,
            ),
          ),
        WITNESS_TIMEOUT_MS,
      );
      witness.provider.once('sync', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return stateVectorOf(witness.doc);
  } finally {
    closeBoardClient(witness);
  }
}
