import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { YDOC_META, YDOC_META_KEY, YDOC_RECORDS_KEY } from '@conjecture/shared';
import type { BoardRecord, BoardStore } from '../storage/boardStore.js';
import type { Cancel, Scheduler } from '../util/scheduler.js';
import { UnknownBoardError } from '../storage/boardStore.js';
import { initialBoardRecords, SERVER_BOARD_SCHEMA_JSON } from './boardSchema.js';
import { SERVER_AUTHOR } from './boardRecords.js';
import type { RoomDeps } from './boardRoom.js';
import { BoardRoom } from './boardRoom.js';

import { anyId, type InShard } from '../cluster/inShard.js';

export interface BoardRoomsOptions extends RoomDeps {
  /** How long a room with no connections and no watchers stays loaded. */
  idleMs: number;
  /** Runs the idle timers. */
  scheduler: Scheduler;
  /** Makes new ids land in this server's shard (scale-out); absent: any id. */
  inShard?: InShard;
}

/**
 * The registry of loaded boards: creates boards (seeded by the server), loads a board on first use,
 * keeps it while anyone holds it, and unloads it (with a final snapshot) after it has been idle.
 */
export class BoardRooms {
  private readonly rooms = new Map<string, BoardRoom>();
  private readonly holds = new Map<string, number>();
  private readonly idleTimers = new Map<string, Cancel>();
  private readonly openedListeners = new Set<(room: BoardRoom) => void>();
  private closed = false;

  constructor(private readonly options: BoardRoomsOptions) {}

  get store(): BoardStore {
    return this.options.store;
  }

  /** Creates a board with tldraw's initial records, authored by the server, so no client ever seeds one. */
  createBoard(title: string): BoardRecord {
    const boardId = (this.options.inShard ?? anyId)(() => randomBytes(9).toString('base64url'));
    const record: BoardRecord = { boardId, title, createdAt: this.options.now() };
    const doc = new Y.Doc();
    doc.transact(() => {
      doc.getArray(YDOC_RECORDS_KEY).push(initialBoardRecords().map((r) => ({ key: r.id, val: r })));
      doc.getMap(YDOC_META_KEY).set(YDOC_META.schema, JSON.parse(SERVER_BOARD_SCHEMA_JSON));
    });
    this.options.store.createBoard(record);
    this.options.store.appendUpdates(boardId, [
      { update: Y.encodeStateAsUpdate(doc), author: SERVER_AUTHOR, at: record.createdAt },
    ]);
    doc.destroy();
    return record;
  }

  getBoard(boardId: string): BoardRecord | undefined {
    return this.options.store.getBoard(boardId);
  }

  /** Called for every room as it is loaded (e.g. to wire state-vector notifications). */
  onOpened(listener: (room: BoardRoom) => void): void {
    this.openedListeners.add(listener);
  }

  /**
   * Returns the loaded room, loading it completely first; the caller holds it until `release`.
   * Throws UnknownBoardError for a board that was never created.
   */
  hold(boardId: string): BoardRoom {
    if (this.closed) throw new Error('shutting down');
    let room = this.rooms.get(boardId);
    if (!room) {
      if (!this.options.store.getBoard(boardId)) throw new UnknownBoardError(boardId);
      room = BoardRoom.load(boardId, this.options);
      const loaded = room;
      loaded.onFailure(() => this.unload(boardId, loaded));
      this.rooms.set(boardId, room);
      for (const listener of this.openedListeners) listener(room);
    }
    this.holds.set(boardId, (this.holds.get(boardId) ?? 0) + 1);
    this.idleTimers.get(boardId)?.();
    this.idleTimers.delete(boardId);
    return room;
  }

  release(boardId: string): void {
    const count = (this.holds.get(boardId) ?? 0) - 1;
    if (count > 0) {
      this.holds.set(boardId, count);
      return;
    }
    this.holds.delete(boardId);
    const room = this.rooms.get(boardId);
    if (!room || this.closed) return;
    this.idleTimers.set(
      boardId,
      this.options.scheduler.timeout(this.options.idleMs, () => this.unload(boardId, room)),
    );
  }

  /**
   * The one way a service reads or writes a board: the room is held (loaded first) for the call and released
   * after it, whatever `work` does. Throws UnknownBoardError for a board that was never created.
   */
  transact<T>(boardId: string, work: (room: BoardRoom) => T): T {
    const room = this.hold(boardId);
    try {
      return work(room);
    } finally {
      this.release(boardId);
    }
  }

  /** Holds every board for one call (a question posed to several groups is written to all or none). */
  transactAll<T>(boardIds: readonly string[], work: (rooms: BoardRoom[]) => T): T {
    const held: string[] = [];
    try {
      const rooms = boardIds.map((id) => {
        const room = this.hold(id);
        held.push(id);
        return room;
      });
      return work(rooms);
    } finally {
      for (const id of held) this.release(id);
    }
  }

  get(boardId: string): BoardRoom | undefined {
    return this.rooms.get(boardId);
  }

  get loadedCount(): number {
    return this.rooms.size;
  }

  /** Deletes a board for good: its connections are closed and its log and snapshots removed. */
  deleteBoard(boardId: string, closeCode: number, reason: string): void {
    const room = this.rooms.get(boardId);
    if (room) {
      this.rooms.delete(boardId);
      this.holds.delete(boardId);
      this.idleTimers.get(boardId)?.();
      this.idleTimers.delete(boardId);
      room.destroy(closeCode, reason, { snapshot: false });
    }
    this.options.store.deleteBoard(boardId);
  }

  private unload(boardId: string, room: BoardRoom): void {
    if (this.rooms.get(boardId) !== room) return;
    this.rooms.delete(boardId);
    this.holds.delete(boardId);
    this.idleTimers.get(boardId)?.();
    this.idleTimers.delete(boardId);
    room.destroy();
  }

  /** Snapshots and closes every room (graceful shutdown). */
  /** The server is shutting down: no room loads again, so background work (a debounced match) stands down. */
  get isClosed(): boolean {
    return this.closed;
  }

  closeAll(): void {
    this.closed = true;
    for (const [boardId, room] of [...this.rooms]) this.unload(boardId, room);
  }
}
