import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { YDOC_META_KEY, YDOC_RECORDS_KEY } from '@conjecture/shared';
import type { RoomLimits, SyncPeer } from '../boards/boardRoom.js';
import { BoardRooms } from '../boards/boardRooms.js';
import type { BoardRoom } from '../boards/boardRoom.js';
import { GroupCommit } from '../boards/groupCommit.js';
import { MAX_CONNECTIONS_PER_BOARD } from '../boards/userBudgets.js';
import { encodeUpdate, MessageType } from '../boards/syncMessages.js';
import { MemoryStore } from '../storage/memoryStore.js';
import { silentLogger } from '../util/logger.js';
import { Scheduler } from '../util/scheduler.js';
import { ManualClock } from './manualClock.js';

/**
 * A room driven message by message, with no sockets and no timers: every commit happens at once (no group
 * commit), each fake peer holds what the room sent it until the test delivers it, and the clock is the
 * test's. What a test sees is decided by the order it calls things in, never by a scheduler.
 */

export const HARNESS_LIMITS: RoomLimits = {
  maxUpdateBytes: 1024 * 1024,
  maxBoardBytes: 32 * 1024 * 1024,
  maxUpdatesPerSecond: 1000,
  maxItemsPerUpdate: 10_000,
  maxRejectedPerSecond: 20,
  maxOthersDeleted: 30,
  maxRecordsCreated: 500,
  snapshotEveryUpdates: 500,
  maxAwarenessPerSecond: 30,
  maxAwarenessBytes: 64 * 1024,
};

const FROM_ROOM = Symbol('from the room');

/** A client of the room: a Y.Doc speaking y-websocket's sync protocol, its messages delivered on demand. */
export class FakePeer implements SyncPeer {
  readonly doc = new Y.Doc();
  readonly records: YKeyValue<Record<string, unknown>>;
  /** What the room sent and the test has not delivered yet. */
  readonly inbox: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;
  /** When false, the doc's own changes wait in `outbox` until `flushOut()`. */
  autoSend = true;
  readonly outbox: Uint8Array[] = [];

  constructor(
    readonly userId: string,
    private readonly room: BoardRoom,
  ) {
    this.records = new YKeyValue(this.doc.getArray(YDOC_RECORDS_KEY));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_ROOM) return;
      this.outbox.push(encodeUpdate(update));
      if (this.autoSend) this.flushOut();
    });
  }

  send(message: Uint8Array): void {
    if (!this.closed) this.inbox.push(message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = { code, reason };
    this.room.leave(this); // as the endpoint does when the socket closes
  }

  /** Sends the doc's pending changes to the room, in order. */
  flushOut(): void {
    while (this.outbox.length > 0 && !this.closed) this.room.receive(this, this.outbox.shift() as Uint8Array);
  }

  /** Sends raw bytes of an update (well-formed or not) as a sync update message. */
  sendUpdate(update: Uint8Array): void {
    this.room.receive(this, encodeUpdate(update));
  }

  /** The reasons of the "permission denied" messages the room sent, as `deliver` read them. */
  readonly refusals: string[] = [];

  /** Applies everything the room sent; answers a sync step 1 with step 2, as y-websocket does. */
  deliver(): void {
    while (this.inbox.length > 0 && !this.closed) {
      const message = this.inbox.shift() as Uint8Array;
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      if (type === MessageType.auth) {
        authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.refusals.push(reason));
        continue;
      }
      if (type !== MessageType.sync) continue; // awareness: not modelled here
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.sync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, FROM_ROOM);
      if (encoding.length(reply) > 1) this.room.receive(this, encoding.toUint8Array(reply));
    }
  }

  /** Joins and completes the first sync: the room's step 1 answered, our step 1 answered. */
  sync(): this {
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, MessageType.sync);
    syncProtocol.writeSyncStep1(step1, this.doc);
    this.room.receive(this, encoding.toUint8Array(step1));
    this.deliver();
    return this;
  }

  get meta(): Y.Map<unknown> {
    return this.doc.getMap(YDOC_META_KEY);
  }
}

export interface RoomHarness {
  store: MemoryStore;
  rooms: BoardRooms;
  boardId: string;
  room: BoardRoom;
  /**
   * Joins a writable (or read-only) peer and syncs it; one past `maxConnections` (a student's cap unless
   * told) is closed at once, as the room refuses it. `address`: a connection without a credential (a
   * `?user=` claim) from that client address.
   */
  join(
    userId: string,
    options?: { writable?: boolean; sync?: boolean; maxConnections?: number; address?: string },
  ): FakePeer;
  /** Advances the room's clock, running the room's timers that fall due (in time order). */
  tick(ms: number): void;
  /** Timers the rooms have set and not yet run or cleared. */
  timersWaiting(): number;
  /** Unloads the room and loads the board again from storage (a restart). */
  reload(): BoardRoom;
}

export function roomHarness(limits: Partial<RoomLimits> = {}): RoomHarness {
  const store = new MemoryStore();
  let time = 1_000_000;
  // Commits happen at once (no group commit) and idle rooms stay loaded; the room's own timers run only as
  // the test moves the clock on.
  const clock = new ManualClock();
  const scheduler = new Scheduler(clock);
  const options = () => ({
    store,
    commits: new GroupCommit(store, scheduler, false),
    now: () => time,
    log: silentLogger,
    idleMs: 3_600_000,
    scheduler,
    limits: { ...HARNESS_LIMITS, ...limits },
  });
  const rooms = new BoardRooms(options());
  const { boardId } = rooms.createBoard('harness');
  const harness: RoomHarness = {
    store,
    rooms,
    boardId,
    room: rooms.hold(boardId),
    join(userId, options = {}) {
      const peer = new FakePeer(userId, harness.room);
      const joined = harness.room.join(peer, {
        writable: options.writable ?? true,
        maxConnections: options.maxConnections ?? MAX_CONNECTIONS_PER_BOARD.student,
        ...(options.address !== undefined ? { address: options.address } : {}),
      });
      if (joined && (options.sync ?? true)) peer.sync();
      return peer;
    },
    tick(ms) {
      time += ms;
      clock.advanceNow(ms);
    },
    timersWaiting: () => clock.waiting,
    reload() {
      harness.rooms.closeAll();
      const next = new BoardRooms(options());
      harness.rooms = next;
      harness.room = next.hold(boardId);
      return harness.room;
    },
  };
  return harness;
}

/** The board as storage has it: every record a fresh load would serve. */
export function storedRecords(store: MemoryStore, boardId: string): Map<string, Record<string, unknown>> {
  const doc = new Y.Doc();
  const snapshot = store.latestSnapshot(boardId);
  if (snapshot) Y.applyUpdate(doc, snapshot.state);
  for (const u of store.updatesAfter(boardId, snapshot?.upToSeq ?? 0)) Y.applyUpdate(doc, u.update);
  const kv = new YKeyValue<Record<string, unknown>>(doc.getArray(YDOC_RECORDS_KEY));
  return new Map([...kv.map].map(([k, v]) => [k, v.val]));
}

/** An update holding only a delete set: `len` clocks of `client` from `clock` (V1 encoding). */
export function deleteOnlyUpdate(client: number, clock: number, len: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // no structs
  encoding.writeVarUint(e, 1); // one client in the delete set
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 1); // one range
  encoding.writeVarUint(e, clock);
  encoding.writeVarUint(e, len);
  return encoding.toUint8Array(e);
}
