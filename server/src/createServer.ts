import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BoardRooms } from './boards/boardRooms.js';
import type { Config } from './config.js';
import { createApp } from './http/app.js';
import { createSocketServer } from './socket/socketServer.js';
import type { BoardStore } from './storage/boardStore.js';
import { MemoryStore } from './storage/memoryStore.js';
import { SqliteStore } from './storage/sqliteStore.js';
import type { Logger } from './util/logger.js';
import { createLogger } from './util/logger.js';
import { queryParamAuth } from './yjs/queryParamAuth.js';
import type { AuthenticateYjs } from './yjs/yjsEndpoint.js';
import { createYjsEndpoint } from './yjs/yjsEndpoint.js';

export interface ServerOverrides {
  store?: BoardStore;
  log?: Logger;
  now?: () => number;
  authenticate?: AuthenticateYjs;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:53211 */
  url: string;
  port: number;
  rooms: BoardRooms;
  store: BoardStore;
  /** Stops accepting, closes every connection, snapshots loaded boards and closes storage. */
  close(): Promise<void>;
}

/** Awareness is presence, not content: a small budget per connection keeps an N² fan-out in check. */
const AWARENESS_PER_SECOND = 30;
const MAX_AWARENESS_BYTES = 64 * 1024;

export function openStore(config: Config): BoardStore {
  return config.STORAGE === 'memory' ? new MemoryStore() : SqliteStore.open(config.DATA_DIR);
}

/** Builds http + express + socket.io + the Yjs endpoint on one HTTP server and starts listening. */
export async function startServer(config: Config, overrides: ServerOverrides = {}): Promise<RunningServer> {
  const log = overrides.log ?? createLogger(config.LOG_LEVEL);
  const now = overrides.now ?? Date.now;
  const store = overrides.store ?? openStore(config);
  const rooms = new BoardRooms({
    store,
    now,
    log,
    idleMs: config.ROOM_IDLE_MS,
    limits: {
      maxUpdateBytes: config.MAX_UPDATE_BYTES,
      maxBoardBytes: config.MAX_BOARD_BYTES,
      maxUpdatesPerSecond: config.MAX_UPDATES_PER_SECOND,
      snapshotEveryUpdates: config.SNAPSHOT_EVERY_UPDATES,
      maxAwarenessPerSecond: AWARENESS_PER_SECOND,
      maxAwarenessBytes: MAX_AWARENESS_BYTES,
    },
  });

  const app = createApp({ config, rooms, store, log, now });
  const httpServer = http.createServer(app);
  const io = createSocketServer(httpServer, rooms, log);
  const yjs = createYjsEndpoint({
    httpServer,
    rooms,
    log,
    authenticate: overrides.authenticate ?? queryParamAuth,
    // The frame carries a little framing around the update itself.
    maxMessageBytes: config.MAX_UPDATE_BYTES + 1024,
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      rooms.closeAll();
      yjs.close();
      await io.close().catch(() => {});
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      store.close();
    })());

  return { url: `http://${host}:${port}`, port, rooms, store, close };
}
