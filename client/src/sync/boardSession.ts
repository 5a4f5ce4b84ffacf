import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { io, type Socket } from 'socket.io-client';
import {
  SHARD_PARAM,
  shardOf,
  PROTOCOL_VERSION,
  YJS_PATH,
  YjsCloseCode,
  type BoardId,
  type ClientToServerEvents,
  type ContributionTag,
  type HandshakeAuth,
  type ServerToClientEvents,
  type UserId,
} from '@conjecture/shared';
import { hasBoardContent, openBoardDoc, type BoardDoc } from './boardDoc.js';
import { LocalBoardCopy } from './localCopy.js';
import { watchLocalRestore } from './localRestore.js';
import { connectionState, type ConnectionInputs, type ConnectionState } from './connectionState.js';
import { decodeStateVectorBase64, hasUnconfirmedChanges } from './confirmation.js';
import * as authProtocol from 'y-protocols/auth';
import { applyFirstSyncQuietly } from './quietFirstSync.js';
import { localCopyNotes } from './localCopyNotes.js';
import { SOCKET_TRANSPORT } from '../api/socketTransport.js';
import { BoardSocketLink } from './boardSocketLink.js';
import { AddressCapRetry } from './addressCapRetry.js';

export interface BoardSessionStatus {
  /** `ready` once the doc holds the board (from the server or from IndexedDB): only then mount the editor. */
  phase: 'loading' | 'ready' | 'failed';
  failure: string | null;
  connection: ConnectionState;
  unconfirmed: boolean;
  /**
   * The socket.io connection (save confirmations, tags) does not reach the server while the board itself may
   * (see BoardSocketLink): the badge says which part is not working. False where there is no such socket.
   */
  socketUnreachable: boolean;
  /** The server's close code when it closed the board for good (e.g. 4409 moved, 4410 removed). */
  closeCode: number | null;
  /**
   * The latest reason the server gave for undoing part of this browser's changes (`YjsRefusal`), numbered so
   * the same reason given again is a new notice; null until one came.
   */
  refused: { reason: string; count: number } | null;
}

/**
 * How this browser reaches one board: the Yjs query parameters (`user` on boards outside a class, `token`
 * for a student or projector, nothing for a teacher whose cookie goes with the upgrade; `mode=view` for a
 * read-only view), the socket.io handshake for confirmations (null: no confirmations, e.g. a thumbnail),
 * and whether to keep an IndexedDB copy (only where this browser may edit offline).
 */
export interface BoardConnection {
  userId: UserId;
  yjsParams: Record<string, string>;
  socketAuth: HandshakeAuth | null;
  localCopy: boolean;
}

/** The foundation's boards outside any class: an opaque id in `?user=`, confirmations, an offline copy. */
export const guestConnection = (userId: UserId): BoardConnection => ({
  userId,
  yjsParams: { user: userId },
  socketAuth: { protocolVersion: PROTOCOL_VERSION, userId },
  localCopy: true,
});

/** y-websocket's outer message type for y-protocols' auth messages. */
const MESSAGE_AUTH = 2;

/** The longest the server's first answer waits for the local copy (normally opened in tens of ms). */
const LOCAL_COPY_WAIT_MS = 3000;

export const localDbName = (boardId: BoardId) => `conjecture:board:${boardId}`;

/**
 * Everything one open board needs below React: the Y.Doc, its IndexedDB copy (edits go on offline), the
 * y-websocket provider, and a socket.io connection that tells us what the server has stored durably.
 * Create it inside an effect and `destroy()` it in the cleanup (StrictMode mounts twice).
 */
export class BoardSession {
  readonly doc = new Y.Doc();
  readonly board: BoardDoc = openBoardDoc(this.doc);
  readonly provider: WebsocketProvider;
  private readonly localCopy: LocalBoardCopy | null;
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents> | null;
  private readonly socketLink: BoardSocketLink | null;
  private readonly addressCapRetry = new AddressCapRetry(
    () => this.provider.connect(),
    () => this.inputs.wanted && !this.destroyed,
  );
  private readonly ownClientIds = new Set<number>([this.doc.clientID]);
  private serverVector: Map<number, number> | null = null;
  private inputs: ConnectionInputs;
  private phase: BoardSessionStatus['phase'] = 'loading';
  private failure: string | null = null;
  private closeCode: number | null = null;
  private refused: BoardSessionStatus['refused'] = null;
  private status: BoardSessionStatus;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: Array<() => void> = [];
  private destroyed = false;

  constructor(
    readonly boardId: BoardId,
    readonly connection: BoardConnection,
    location: Pick<Location, 'protocol' | 'host'> = window.location,
  ) {
    const wsBase = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${YJS_PATH}`;
    this.provider = new WebsocketProvider(wsBase, boardId, this.doc, {
      // The load balancer routes by shard; the board's id names it.
      params: { ...connection.yjsParams, [SHARD_PARAM]: String(shardOf(boardId)) },
      disableBc: true, // tabs sync through the server only, so what a tab shows is what the server has
      connect: !connection.localCopy || !localCopyNotes.mayHave(boardId), // see connectAfterLocalCopy
      shouldReconnect: (event) => reconnectsAfter(event.code),
    });
    this.localCopy = connection.localCopy
      ? new LocalBoardCopy(localDbName(boardId), this.doc, {
          // Before the provider's first exchange: it sends the server what it lacks then.
          applyQuietly: () => !this.provider.wsconnected,
        })
      : null;
    applyFirstSyncQuietly(this.provider, (update) => {
      // Stored as received, in the server's parts, not encoded again from the doc.
      this.localCopy?.store(update);
      this.refresh();
    });
    this.socket = connection.socketAuth
      ? io({
          ...SOCKET_TRANSPORT,
          auth: connection.socketAuth,
          query: { [SHARD_PARAM]: String(shardOf(boardId)) },
        })
      : null;
    this.socketLink = this.socket
      ? new BoardSocketLink(
          this.socket,
          () => this.inputs.wanted && !this.destroyed,
          () => this.refresh(),
        )
      : null;
    this.inputs = {
      browserOnline: navigator.onLine,
      wanted: true,
      websocket: 'connecting',
      synced: false,
      everSynced: false,
      failedAttempts: 0,
      refusedAtAddressCap: false,
    };
    this.status = {
      phase: 'loading',
      failure: null,
      connection: 'connecting',
      unconfirmed: false,
      socketUnreachable: false,
      closeCode: null,
      refused: null,
    };
    this.wireProvider();
    this.wireLocalCopy();
    this.connectAfterLocalCopy();
    this.wireSocket();
    this.wireBrowser();
    const onUpdate = () => this.refresh();
    this.doc.on('update', onUpdate);
    this.cleanups.push(() => this.doc.off('update', onUpdate));
  }

  get userId(): UserId {
    return this.connection.userId;
  }

  getStatus = (): BoardSessionStatus => this.status;

  /**
   * Tags of this board's contributions as the server emits them to the board's watchers (the chips). Only
   * sessions with a confirmation socket hear them; read-only views get them from the class socket instead.
   */
  onTagged(listener: (tag: ContributionTag) => void): () => void {
    const socket = this.socket;
    if (!socket) return () => {};
    const onTag = ({ tag }: { tag: ContributionTag }) => {
      if (tag.boardId === this.boardId) listener(tag);
    };
    socket.on('contributionTagged', onTag);
    return () => socket.off('contributionTagged', onTag);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stop talking to the server (and resume with `connect`); the doc and IndexedDB keep every edit. */
  disconnect(): void {
    this.inputs.wanted = false;
    this.provider.disconnect();
    this.addressCapRetry.cancel();
    this.socketLink?.cancelRetry();
    this.socket?.disconnect();
    this.refresh();
  }

  connect(): void {
    this.inputs.wanted = true;
    this.inputs.failedAttempts = 0;
    this.addressCapRetry.resetAttempts();
    this.socketLink?.resetAttempts();
    this.provider.connect();
    this.socket?.connect();
    this.refresh();
  }

  destroy(): void {
    this.destroyed = true;
    this.cleanups.forEach((cleanup) => cleanup());
    this.listeners.clear();
    this.addressCapRetry.cancel();
    this.socketLink?.destroy();
    this.socket?.disconnect();
    this.provider.destroy();
    void this.localCopy?.destroy();
    this.doc.destroy();
  }

  private wireProvider(): void {
    const onStatus = ({ status }: { status: ConnectionInputs['websocket'] }) => {
      this.inputs.websocket = status;
      if (status !== 'connected') this.inputs.synced = false;
      this.refresh();
    };
    const onSync = (synced: boolean) => {
      this.inputs.synced = synced;
      if (synced) {
        this.inputs.everSynced = true;
        this.inputs.failedAttempts = 0;
        this.inputs.refusedAtAddressCap = false;
        this.addressCapRetry.resetAttempts();
        this.markReady();
      }
      this.refresh();
    };
    // A connection that closes before syncing is a failed attempt (refused, timed out, or a captive portal's
    // answer to the upgrade); the one that drops after syncing is not. Read before y-websocket's own status
    // event, while `synced` still describes the connection that closed.
    const onConnectionClose = () => {
      if (!this.inputs.synced) this.inputs.failedAttempts += 1;
      this.refresh();
    };
    const onClosed = ({ code }: { code: number }) => {
      // The address's cap frees as others close: not final, unlike the codes below (AddressCapRetry).
      if (code === YjsCloseCode.tooManyFromAddress) {
        this.inputs.refusedAtAddressCap = true;
        this.addressCapRetry.refused();
        return this.refresh();
      }
      this.inputs.wanted = false;
      this.closeCode = code;
      this.fail(closeMessage(code));
    };
    // y-protocols' "permission denied": the server undid part of what we sent and says why (y-websocket's
    // own handler only logs it).
    this.provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) =>
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => {
        this.refused = { reason, count: (this.refused?.count ?? 0) + 1 };
        this.refresh();
      });
    this.provider.on('status', onStatus);
    this.provider.on('sync', onSync);
    this.provider.on('closed', onClosed);
    this.provider.on('connection-close', onConnectionClose);
    this.cleanups.push(() => {
      this.provider.off('connection-close', onConnectionClose);
      this.provider.off('status', onStatus);
      this.provider.off('sync', onSync);
      this.provider.off('closed', onClosed);
    });
  }

  private wireLocalCopy(): void {
    if (!this.localCopy) return;
    const local = watchLocalRestore(this.doc, this.localCopy);
    this.cleanups.push(() => local.stop());
    void this.localCopy.whenSynced.then(() => {
      local.stop();
      localCopyNotes.note(this.boardId);
      // Earlier sessions' edits restored from IndexedDB are ours to confirm too — only what the copy brought:
      // when the server answered first (no copy was noted), the doc also holds other clients' live edits,
      // which the server may relay a moment before it reports them stored.
      for (const clientId of local.restoredClients()) this.ownClientIds.add(clientId);
      // Only a board the local copy held opens before the server's answer is complete (see localRestore.ts).
      if (local.restored() && hasBoardContent(this.board)) this.markReady();
      this.refresh();
    });
  }

  /**
   * Asks the server for the board once the local copy is in the doc, so the answer is what this browser
   * lacks rather than the whole board again (5,000 shapes: 2 MB decoded a second time, and stored again).
   * A local copy that is slow to open does not hold the board back for long. A board this browser keeps no
   * copy of (none noted, localCopyNotes.ts) was asked for at once, in the constructor: opening an empty
   * copy would only delay the answer.
   */
  private connectAfterLocalCopy(): void {
    const copy = this.localCopy;
    if (!copy || this.provider.shouldConnect) return;
    const start = () => {
      clearTimeout(fallback);
      if (!this.destroyed && this.inputs.wanted && !this.provider.shouldConnect) this.provider.connect();
    };
    const fallback = setTimeout(start, LOCAL_COPY_WAIT_MS);
    void copy.whenSettled.then(start);
    this.cleanups.push(() => clearTimeout(fallback));
  }

  private wireSocket(): void {
    const socket = this.socket;
    if (!socket) return;
    const watch = () =>
      socket.emit('watchBoard', { boardId: this.boardId }, (result) => {
        if (result.ok) this.setServerVector(result.value.stateVector);
        else console.warn(`watchBoard refused: ${result.error.code} ${result.error.message}`);
      });
    socket.on('connect', watch);
    socket.on('boardStateVector', ({ boardId, stateVector }) => {
      if (boardId === this.boardId) this.setServerVector(stateVector);
    });
  }

  private wireBrowser(): void {
    const onNetwork = () => {
      this.inputs.browserOnline = navigator.onLine;
      // Attempts made on another network (or none) say nothing of this one.
      this.inputs.failedAttempts = 0;
      this.addressCapRetry.resetAttempts();
      this.socketLink?.resetAttempts();
      this.refresh();
    };
    window.addEventListener('online', onNetwork);
    window.addEventListener('offline', onNetwork);
    this.cleanups.push(() => {
      window.removeEventListener('online', onNetwork);
      window.removeEventListener('offline', onNetwork);
    });
  }

  private setServerVector(base64: string): void {
    this.serverVector = decodeStateVectorBase64(base64);
    this.refresh();
  }

  private markReady(): void {
    if (this.phase === 'loading') this.phase = 'ready';
  }

  private fail(failure: string): void {
    this.phase = 'failed';
    this.failure = failure;
    this.refresh();
  }

  private refresh(): void {
    const local = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    const next: BoardSessionStatus = {
      phase: this.phase,
      failure: this.failure,
      connection: connectionState(this.inputs),
      // Without a confirmation channel (read-only views) there is nothing of ours to confirm.
      unconfirmed: this.socket !== null && hasUnconfirmedChanges(local, this.serverVector, this.ownClientIds),
      socketUnreachable: this.socketLink?.unreachable ?? false,
      closeCode: this.closeCode,
      refused: this.refused,
    };
    const s = this.status;
    if (
      next.connection === s.connection &&
      next.unconfirmed === s.unconfirmed &&
      next.socketUnreachable === s.socketUnreachable &&
      next.phase === s.phase &&
      next.closeCode === s.closeCode &&
      next.refused === s.refused
    )
      return;
    this.status = next;
    this.listeners.forEach((listener) => listener());
  }
}

/**
 * Whether a close of the board is worth retrying. y-websocket stops at 4400–4499 and retries every other code;
 * a full board (4507: "try again later" for stock clients, as deletions free room) ends the session here too.
 * Each retry sent the change that did not fit again and was closed again, while the badge read
 * "Reconnecting… · changes kept on this device" and never said the board was full.
 */
export const reconnectsAfter = (code: number): boolean =>
  code !== YjsCloseCode.boardFull && !(code >= 4400 && code <= 4499);

/**
 * Whether a fresh session of the board, opened when the student asks ("Try again" on the closed board's card),
 * may get past this close: room freed on a full board, tabs closed, a refused change not sent again. Not a
 * move, a removal or a lost sign-in: a new session is closed the same way (the page follows a move itself,
 * StudentClassPage's `onClosed`). Never retried on its own: each try sends what did not fit once more.
 */
export function mayTryAgainAfter(code: number): boolean {
  switch (code) {
    case YjsCloseCode.boardFull:
    case YjsCloseCode.tooManyConnections:
    case YjsCloseCode.tooLarge:
    case YjsCloseCode.rateLimited:
    case YjsCloseCode.incompleteUpdate:
    case YjsCloseCode.clientIdTaken:
    case YjsCloseCode.rejectedContent:
      return true;
    default:
      return false;
  }
}

/** Words for the server's permanent close codes (see `YjsCloseCode`). */
export function closeMessage(code: number): string {
  switch (code) {
    case YjsCloseCode.unknownBoard:
      return 'This board does not exist.';
    case YjsCloseCode.unauthorized:
      return 'Your session is no longer valid: join the class again.';
    case YjsCloseCode.forbidden:
      return 'This board is not open to you.';
    case YjsCloseCode.moved:
      return 'You were moved to another group.';
    case YjsCloseCode.removed:
      return 'You were removed from the class, or the class was deleted.';
    // The board still takes deletions (the server's boardCap.ts); this page's change that did not fit is
    // sent again on "Try again", so room has to be freed first, by a classmate still on the board or the teacher.
    case YjsCloseCode.boardFull:
      return 'This board is full, so your last change was not saved. Deleting shapes frees room: ask your teacher or a classmate on this board to delete some, then try again.';
    case YjsCloseCode.tooManyConnections:
      return 'This board is open in too many tabs or windows: close some, then try again.';
    case YjsCloseCode.tooLarge:
    case YjsCloseCode.rateLimited:
    case YjsCloseCode.incompleteUpdate:
    case YjsCloseCode.clientIdTaken:
    case YjsCloseCode.rejectedContent:
      return 'The board refused changes from this page: try again to carry on.';
    default:
      return `The server closed the board (${code}).`;
  }
}
