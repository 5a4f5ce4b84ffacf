import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { Role } from '@conjecture/shared';
import { BoardIdSchema, YJS_PATH, YjsCloseCode } from '@conjecture/shared';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { SyncPeer } from '../boards/boardRoom.js';
import { MAX_CONNECTIONS_PER_ADDRESS, maxConnectionsPerBoard } from '../boards/userBudgets.js';
import { UnknownBoardError } from '../storage/boardStore.js';
import type { Logger } from '../util/logger.js';
import type { Scheduler } from '../util/scheduler.js';
import type { ConnectionGauge } from '../util/connectionGauge.js';
import { SharedBudgets } from '../util/sharedBudgets.js';

export type YjsAuthResult =
  | {
      ok: true;
      userId: string;
      writable: boolean;
      role?: Role;
      /** Absent for a board outside any class: its user is whatever `?user=` claims, no credential. */
      classId?: string;
      /** When the session behind the connection expires (the realtime layer closes it then). */
      expiresAt?: number | null;
    }
  | { ok: false; code: number; reason: string };

type Admitted = Extract<YjsAuthResult, { ok: true }>;

/** Decides who a connection is and whether its updates are accepted. Later issues plug sessions in here. */
export type AuthenticateYjs = (request: IncomingMessage, url: URL, boardId: string) => YjsAuthResult;

export interface YjsEndpointOptions {
  httpServer: HttpServer;
  rooms: BoardRooms;
  authenticate: AuthenticateYjs;
  /** The largest websocket frame accepted; `ws` closes the connection (1009) above it. */
  maxMessageBytes: number;
  log: Logger;
  /** Runs the keep-alive pings. */
  scheduler: Scheduler;
  pingIntervalMs?: number;
  /** The client's address, as the REST routes' budgets see it (TRUST_PROXY): connections without a class are capped by it. */
  addressOf: (request: IncomingMessage) => string;
  /** Default MAX_CONNECTIONS_PER_ADDRESS. */
  maxConnectionsPerAddress?: number;
  /**
   * The count those are capped on, when other servers share it (a cluster process's shards: each is a whole
   * server, and counted per shard an address would get 64 times the cap); else this endpoint's own.
   */
  freeBoardConnections?: FreeBoardConnections;
  /** The same count across a cluster's processes (REDIS_URL), checked after this process's own. */
  clusterFreeBoardConnections?: ConnectionGauge;
}

/** Connections to boards outside any class, per client address (`?user=` is a claim: nothing else bounds them). */
export type FreeBoardConnections = SharedBudgets<null>;

export const freeBoardConnections = (): FreeBoardConnections => new SharedBudgets<null>(() => null);

/** A client that stops reading is cut off rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** On shutdown, how long a client has to answer the close frame before its socket is destroyed. */
const CLOSE_GRACE_MS = 2000;

class WebSocketPeer implements SyncPeer {
  constructor(
    private readonly ws: WebSocket,
    readonly userId: string,
  ) {}

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.terminate();
      return;
    }
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    // RFC 6455 limits a close reason to 123 bytes.
    if (this.ws.readyState === WebSocket.OPEN)
      this.ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
  }
}

export interface YjsConnection {
  boardId: string;
  peer: SyncPeer;
  userId: string;
  role: Role | null;
  classId: string | null;
  /** When its session expires; null outside any class (no session). */
  expiresAt: number | null;
}

export interface YjsEndpoint {
  /** The open connections (pause, moves and removals act on them). */
  connections(): YjsConnection[];
  /** Calls `listener` with each connection as it opens (its session's expiry is cut on time). */
  onOpen(listener: (connection: YjsConnection) => void): void;
  /** Closes every connection (4503) and resolves once all are closed: a silent client is cut off after a grace. */
  close(): Promise<void>;
}

/**
 * The Yjs websocket endpoint at `/yjs/<boardId>`, speaking the stock y-websocket protocol. Each upgrade is
 * authenticated first; the room (already loaded) then owns the protocol for the connection.
 */
export function createYjsEndpoint(options: YjsEndpointOptions): YjsEndpoint {
  const { httpServer, rooms, authenticate, log } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  const open = new Map<WebSocket, YjsConnection>();
  const openListeners: Array<(connection: YjsConnection) => void> = [];
  // Connections without a class, per client address: `?user=` is a claim, so the per-user cap alone bounds nothing.
  const byAddress = options.freeBoardConnections ?? freeBoardConnections();
  const maxPerAddress = options.maxConnectionsPerAddress ?? MAX_CONNECTIONS_PER_ADDRESS;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(`${YJS_PATH}/`)) return; // socket.io's, not ours
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request, url));
  };

  const accept = (ws: WebSocket, request: IncomingMessage, url: URL) => {
    ws.on('error', (err) => log.debug('yjs socket error', { error: err.message }));
    const refuse = (code: number, reason: string) => ws.close(code, reason);
    let boardId: string;
    try {
      boardId = decodeURIComponent(url.pathname.slice(YJS_PATH.length + 1));
    } catch {
      return refuse(YjsCloseCode.unknownBoard, 'bad board id');
    }
    if (!BoardIdSchema.safeParse(boardId).success) return refuse(YjsCloseCode.unknownBoard, 'bad board id');
    const auth = authenticate(request, url, boardId);
    if (!auth.ok) return refuse(auth.code, auth.reason);
    const address = auth.classId ? null : options.addressOf(request);
    if (address !== null) {
      const lease = byAddress.join(address, maxPerAddress);
      if (!lease)
        return refuse(
          YjsCloseCode.tooManyFromAddress,
          `already ${maxPerAddress} connections from this address to boards outside a class`,
        );
      ws.once('close', lease.release);
      const cluster = options.clusterFreeBoardConnections;
      if (cluster) {
        // Frames arriving while the cluster's count answers wait in the socket, not for a listener.
        ws.pause();
        void cluster.join(address, maxPerAddress).then((held) => {
          // Before any refusal too: a paused socket never reads the client's close frame. The frames come
          // on a later tick, once `enter` (same tick) listens.
          ws.resume();
          if (held === 'unavailable')
            return refuse(YjsCloseCode.shuttingDown, 'the limits store is out of reach: reconnect');
          if (held === 'limited')
            return refuse(
              YjsCloseCode.tooManyFromAddress,
              `already ${maxPerAddress} connections from this address to boards outside a class`,
            );
          if (ws.readyState !== WebSocket.OPEN) return held.release();
          ws.once('close', held.release);
          enter(ws, boardId, auth, address);
        });
        return;
      }
    }
    enter(ws, boardId, auth, address);
  };

  const enter = (ws: WebSocket, boardId: string, auth: Admitted, address: string | null) => {
    const refuse = (code: number, reason: string) => ws.close(code, reason);
    let room;
    try {
      room = rooms.hold(boardId);
    } catch (err) {
      if (err instanceof UnknownBoardError) return refuse(YjsCloseCode.unknownBoard, 'no such board');
      log.error('loading a board failed', { boardId, error: (err as Error).message });
      return refuse(YjsCloseCode.shuttingDown, 'board unavailable');
    }
    const peer = new WebSocketPeer(ws, auth.userId);
    open.set(ws, {
      boardId,
      peer,
      userId: auth.userId,
      role: auth.role ?? null,
      classId: auth.classId ?? null,
      expiresAt: auth.expiresAt ?? null,
    });
    let alive = true;
    ws.on('pong', () => (alive = true));
    const stopPinging = options.scheduler.interval(options.pingIntervalMs ?? 30_000, () => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    });
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return peer.close(YjsCloseCode.malformed, 'text frames are not part of the protocol');
      // The room copies the frame into a buffer of its own (see BoardRoom.receive): no copy here as well.
      const bytes = Array.isArray(data) ? Buffer.concat(data) : data;
      room.receive(peer, bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes);
    });
    ws.on('close', () => {
      stopPinging();
      open.delete(ws);
      room.leave(peer);
      rooms.release(boardId);
    });
    // Past the user's connections to this board, the room refuses it (4430) and its close cleans up.
    const joined = room.join(peer, {
      writable: auth.writable,
      maxConnections: maxConnectionsPerBoard(auth.role ?? null),
      // Rotating `?user=` must not multiply a client's write budgets: its address's bound them as well.
      ...(address !== null ? { address } : {}),
    });
    const connection = open.get(ws);
    if (!joined || !connection) {
      open.delete(ws);
      return;
    }
    for (const listener of openListeners) listener(connection);
  };

  httpServer.on('upgrade', onUpgrade);
  return {
    connections: () => [...open.values()],
    onOpen: (listener) => void openListeners.push(listener),
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.off('upgrade', onUpgrade);
        // Upgraded sockets are no longer the HTTP server's: closing it would leave them (and their handlers) open.
        for (const ws of wss.clients) ws.close(YjsCloseCode.shuttingDown, 'server shutting down');
        const cutOff = options.scheduler.timeout(CLOSE_GRACE_MS, () => {
          for (const ws of wss.clients) ws.terminate();
        });
        wss.close(() => {
          cutOff();
          resolve();
        });
      }),
  };
}
