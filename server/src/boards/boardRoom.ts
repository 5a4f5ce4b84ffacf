import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { YjsCloseCode, YjsRefusal, type UndoneChange } from '@conjecture/shared';
import type { BoardStore } from '../storage/boardStore.js';
import type { Logger } from '../util/logger.js';
import type { Scheduler } from '../util/scheduler.js';
import type { Rejection } from './boardRecords.js';
import { BoardRecords, isGated, SERVER_AUTHOR, SERVER_ORIGIN } from './boardRecords.js';
import { clientIdOwners, recordAuthorship } from './authorship.js';
import { admitUpdate } from './updateAdmission.js';
import { deletedBytes, freeingSlackBytes, FULL_BOARD_FOLD_EVERY_MS, takenOnAFullBoard } from './boardCap.js';
import {
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  MalformedMessageError,
  parseAwarenessUpdate,
  parseMessage,
} from './syncMessages.js';
import type { GroupCommit } from './groupCommit.js';
import { KeyedBudget } from './keyedBudget.js';
import { AddressBudgets } from './addressBudgets.js';
import { SharedBudgets, type BudgetLease } from '../util/sharedBudgets.js';
import type { CapturedUpdate } from './updateCapture.js';
import { UpdateCapture } from './updateCapture.js';
import { applyAwarenessEntries, PresenceCheck } from './presenceCheck.js';
import {
  newUserBudget,
  REJECTION_BURST_FACTOR,
  UPDATE_BURST_FACTOR,
  USER_BUDGETS_REST_MS,
  type UserBudget,
} from './userBudgets.js';
import { PresenceOwners } from './presenceOwners.js';
import { HiddenInFrames } from './hiddenInFrames.js';
import { encodeStateInParts } from '@conjecture/shared/ydoc/syncParts';

/** One connection to a board, whatever carries it (a websocket in production, anything in tests). */
export interface SyncPeer {
  /** The authenticated identity: what the authorship log records beside each accepted update. */
  readonly userId: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomLimits {
  maxUpdateBytes: number;
  maxBoardBytes: number;
  /** Per user and board, over all their connections (bursts of 4× absorbed). */
  maxUpdatesPerSecond: number;
  /** Structs, values and deleted ranges in one update: bounds what applying (and reverting) it costs. */
  maxItemsPerUpdate: number;
  /**
   * Values a user may have reverted per second on a board, over all their connections (bursts of 10×
   * absorbed), before the connection that sends more is closed.
   */
  maxRejectedPerSecond: number;
  /**
   * Records someone else wrote that one student may delete at once, earned back over a minute: more in one
   * change (or faster) is refused and undone — a wipe of the group's work — while their own go as asked.
   */
  maxOthersDeleted: number;
  /**
   * Records new to the board one student may add at once, earned back over ten minutes: a bigger paste (or a
   * script's flood of valid shapes) is refused whole. Far above a student's drawing and writing by hand.
   */
  maxRecordsCreated: number;
  snapshotEveryUpdates: number;
  /** Per user and board (bursts of 2×). Awareness floods are dropped, not punished: presence is best-effort. */
  maxAwarenessPerSecond: number;
  maxAwarenessBytes: number;
}

export interface RoomDeps {
  store: BoardStore;
  /** Shared by all rooms: one commit per event-loop turn. */
  commits: GroupCommit;
  limits: RoomLimits;
  now: () => number;
  log: Logger;
  /** Runs the room's own timers (putting shapes hidden in frames back in sight). */
  scheduler: Scheduler;
}

interface PeerState {
  writable: boolean;
  user: BudgetLease<UserBudget>;
  /** The client's address, when its user is only a `?user=` claim: its writes spend that too (AddressBudgets). */
  address: string | null;
  /** The awareness client ids this connection publishes under (its user's `presences` count them). */
  clientIds: Set<number>;
  presence: PresenceCheck;
  /** Updates in a row that referred to this user's own changes the room lacks (we asked for them). */
  incompleteStreak: number;
}

const LOAD_ORIGIN = Symbol('load');
/** The creation budget (`maxRecordsCreated`) is earned back over this long. */
const CREATED_REFILL_SECONDS = 600;
/**
 * A client whose update builds on its own changes the room lacks (sent while it was read-only, or refused)
 * is asked for them instead of being cut off; one that keeps sending such updates is closed.
 */
const MAX_INCOMPLETE_STREAK = 20;
/** Awareness client ids one connection may publish presence under (a browser uses one; a few for slack). */
const MAX_PRESENCES_PER_CONNECTION = 4;
/** …and one user over all their connections to a board (one per connection, within MAX_CONNECTIONS_PER_BOARD). */
const MAX_PRESENCES_PER_USER = 8;
/**
 * A sync answer over this size goes in parts of about this size: a 5,000-shape board (2.1 MB) in 9, each
 * a task of ~25 ms for a browser at full speed rather than one of ~200 ms.
 */
const FIRST_SYNC_PART_BYTES = 256 * 1024;
/**
 * Per user and board, sync answers of this many parts at once and two parts a second after that. A browser
 * asks once per connection, and a returning one (or a client resyncing every few seconds) gets a small
 * answer; a teacher opening one big board on the dashboard, the projector and in the editor at once needs 27
 * parts. Asking again and again for a whole big board, or reconnecting to ask again, would cost the server
 * the board's encoding each time: the budget is the user's, not the connection's, so a new connection does
 * not refill it.
 */
const SYNC_ANSWER_BURST_PARTS = 48;
const SYNC_ANSWER_PARTS_PER_SECOND = 2;
/** Past this many users' budgets on a board, those that are full again (idle long enough) are forgotten. */
const SYNC_BUDGETS_SWEEP_AT = 1_000;
/**
 * A loaded board and its connections. The room owns the sync protocol: per connection it decides whether
 * updates are accepted, appends every accepted change durably (with its author) *before* relaying it, and
 * validates what clients write. It knows nothing of websockets or HTTP.
 */
export class BoardRoom {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly records: BoardRecords;
  private readonly peers = new Map<SyncPeer, PeerState>();
  /**
   * Each user's budgets on this board, shared by their connections (sync answers are budgeted per user
   * beyond them, below); made with the first connection, kept USER_BUDGETS_REST_MS after the last. A kept
   * set counts no presence (`leave` takes each connection's out), and it goes with the room, which is
   * unloaded only once nobody is connected.
   */
  private readonly users = new SharedBudgets<UserBudget>(
    () => newUserBudget(this.deps.limits, this.deps.now()),
    {
      ms: USER_BUDGETS_REST_MS,
      now: () => this.deps.now(),
    },
  );
  /** Awareness client ids, each bound to the connection that uses it, and to its user while she is away. */
  private readonly presenceOwners = new PresenceOwners<SyncPeer>();
  /** Each user's sync answers, in parts of FIRST_SYNC_PART_BYTES (see SYNC_ANSWER_BURST_PARTS). */
  private readonly syncAnswers = new KeyedBudget(
    SYNC_ANSWER_PARTS_PER_SECOND,
    SYNC_ANSWER_BURST_PARTS,
    () => this.deps.now(),
    SYNC_BUDGETS_SWEEP_AT,
  );
  private readonly addressBudgets: AddressBudgets;
  /** Yjs client ids a user has written under (a cache of the log's answer, see `writerOf`). */
  private readonly writers = new Map<number, string>();
  /** Bytes of reverted content since the last snapshot: they do not count against the board's cap. */
  private rejectedBytes = 0;
  private readonly capture: UpdateCapture;
  private readonly hiddenInFrames: HiddenInFrames;
  private storedBytes: number;
  /** The latest snapshot's bytes (0 without one): of `storedBytes`, the rest is the log since it. */
  private snapshotBytes: number;
  private lastSeq: number;
  private sinceSnapshot = 0;
  /** Bytes a fold would free of the content deleted since the last snapshot (see hasRoomFor); Infinity: unmeasured. */
  private deletedSinceSnapshot = 0;
  /** When deletions last made a full board fold (FULL_BOARD_FOLD_EVERY_MS). */
  private lastDeletionFoldAt = -Infinity;
  private failed = false;
  /** Updates received from read-only connections and dropped (observable for tests and metrics). */
  discardedUpdates = 0;
  private readonly storedListeners = new Set<(room: BoardRoom, authors: string[]) => void>();
  private readonly wipeListeners = new Set<(author: string, count: number, undone: UndoneChange) => void>();
  private readonly failureListeners = new Set<(room: BoardRoom) => void>();

  /** Loads a board completely (latest snapshot + the log after it) before anyone can sync with it. */
  static load(boardId: string, deps: RoomDeps): BoardRoom {
    return new BoardRoom(boardId, deps);
  }

  private constructor(
    readonly boardId: string,
    private readonly deps: RoomDeps,
  ) {
    const { store } = deps;
    const snapshot = store.latestSnapshot(boardId);
    const tail = store.updatesAfter(boardId, snapshot?.upToSeq ?? 0);
    this.doc.transact(() => {
      if (snapshot) Y.applyUpdate(this.doc, snapshot.state, LOAD_ORIGIN);
      for (const u of tail) Y.applyUpdate(this.doc, u.update, LOAD_ORIGIN);
    }, LOAD_ORIGIN);
    this.lastSeq = tail.at(-1)?.seq ?? snapshot?.upToSeq ?? 0;
    this.sinceSnapshot = tail.length;
    this.storedBytes = store.loadBytes(boardId);
    this.snapshotBytes = snapshot?.state.byteLength ?? 0;

    this.writers.set(this.doc.clientID, SERVER_AUTHOR);
    const { maxUpdatesPerSecond, maxRejectedPerSecond } = this.deps.limits;
    this.addressBudgets = new AddressBudgets(
      {
        updates: { perSecond: maxUpdatesPerSecond, burst: maxUpdatesPerSecond * UPDATE_BURST_FACTOR },
        rejections: { perSecond: maxRejectedPerSecond, burst: maxRejectedPerSecond * REJECTION_BURST_FACTOR },
      },
      this.deps.now,
    );
    // Per user, not per connection: reconnecting does not earn the budget back.
    const { maxOthersDeleted, maxRecordsCreated } = this.deps.limits;
    const othersDeleted = new KeyedBudget(maxOthersDeleted / 60, maxOthersDeleted, this.deps.now);
    const created = new KeyedBudget(
      maxRecordsCreated / CREATED_REFILL_SECONDS,
      maxRecordsCreated,
      this.deps.now,
    );
    this.records = new BoardRecords(
      this.doc,
      (rejection, origin) => this.onRejected(rejection, origin),
      (origin) => this.authorOf(origin),
      {
        writerOf: (client) => this.writerOf(client),
        creators: () => {
          const authorship = recordAuthorship(this.deps.store, this.boardId);
          return (key) => authorship.get(key)?.creator;
        },
        allowOthersTaken: (author, count) => othersDeleted.take(author, count),
        allowCreated: (author, count) => created.take(author, count),
      },
      (origin) => this.capture.receivedUpdate(origin),
    );
    this.capture = new UpdateCapture(this.doc);
    this.hiddenInFrames = new HiddenInFrames(this.records, deps.scheduler, deps.now, (placed) =>
      this.onPlacedInSight(placed),
    );
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.deleteSet.clients.size === 0) return;
      // Measured only near the cap, where a fold is weighed: every move deletes the record it replaces, and
      // encoding that on each update of a roomy board would be sync cost for nothing (issue 19). Deletions
      // unmeasured count as freeing whatever is missing, so the first fold near the cap is not refused.
      const nearFull = this.storedBytes >= this.deps.limits.maxBoardBytes / 2;
      this.deletedSinceSnapshot += nearFull ? deletedBytes(tr) : Infinity;
    });
    // A client's update is flushed once applying it has returned (see acceptUpdate).
    this.doc.on('afterAllTransactions', () => {
      if (!this.capture.applying) this.flush();
    });
    const repaired = this.records.repair();
    if (repaired.length > 0)
      deps.log.info('repaired a board on load', { boardId, removed: repaired.slice(0, 5) });

    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relayAwareness);
  }

  get connectionCount(): number {
    return this.peers.size;
  }

  /** The connections of a user (e.g. to make them read-only or close them). */
  peersOf(userId: string): SyncPeer[] {
    return [...this.peers.keys()].filter((p) => p.userId === userId);
  }

  /** What the server has stored durably; clients compare it with their own to confirm local changes. */
  stateVector(): Uint8Array {
    this.deps.commits.flushNow();
    return Y.encodeStateVector(this.doc);
  }

  /**
   * The stored state vector, handed over once it is durable: at once on SQLite, after PostgreSQL committed
   * it otherwise (never, if it does not: the room fails then). For confirmations sent outside an ack.
   */
  durableStateVector(fn: (vector: Uint8Array) => void): void {
    const vector = this.stateVector();
    this.deps.commits.whenDurable(
      () => fn(vector),
      () => {},
    );
  }

  /**
   * Called when a student's change was undone: deleting (or emptying) more of others' records, or adding more
   * records, than a student may at once; or leaving shapes wholly outside a frame (moved back into sight).
   */
  onWipeUndone(listener: (author: string, count: number, undone: UndoneChange) => void): () => void {
    this.wipeListeners.add(listener);
    return () => this.wipeListeners.delete(listener);
  }

  /** Called after each stored batch, with the authors of its changes. */
  onStored(listener: (room: BoardRoom, authors: string[]) => void): () => void {
    this.storedListeners.add(listener);
    return () => this.storedListeners.delete(listener);
  }

  /**
   * Called with the record keys each author changed (including the server's own changes and reverts), as
   * soon as the change is applied; listeners read the current values from `records`.
   */
  onRecordsChanged(listener: (keys: string[], author: string) => void): void {
    this.records.onChange((keys, origin) => listener(keys, this.authorOf(origin)));
  }

  onFailure(listener: (room: BoardRoom) => void): void {
    this.failureListeners.add(listener);
  }

  /**
   * Joins a connection, or refuses it (closed with 4430, nothing sent) when its user already holds
   * `maxConnections` to this board (MAX_CONNECTIONS_PER_BOARD for their role). Returns whether it joined.
   * `address`: the client's, for a connection whose user is a `?user=` claim, not a credential.
   */
  join(peer: SyncPeer, options: { writable: boolean; maxConnections: number; address?: string }): boolean {
    const user = this.users.join(peer.userId, options.maxConnections);
    if (!user) {
      peer.close(
        YjsCloseCode.tooManyConnections,
        `already ${options.maxConnections} connections of this user to the board`,
      );
      return false;
    }
    this.peers.set(peer, {
      writable: options.writable,
      user,
      address: options.address ?? null,
      clientIds: new Set(),
      presence: new PresenceCheck(peer.userId),
      incompleteStreak: 0,
    });
    // Ask a writer for what we lack (its sync step 2); a read-only peer's state is of no interest.
    if (options.writable) peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    const states = [...this.awareness.getStates().keys()];
    // Her ids removed when she left, as removals at the clock they were removed at. Her page announces itself
    // on the way back at the clock it had, which that removal took, so the server and her classmates would
    // ignore her until she moved (or her page renewed its state, 15 s on). A page told that its own live id
    // was removed keeps it and sends its state at the next clock (y-protocols' awareness), which everyone
    // takes: she shows again at once. Only her own connections hear of her away ids.
    const removed = this.presenceOwners
      .awayOf(peer.userId)
      .filter((id) => !this.awareness.states.has(id) && this.awareness.meta.has(id));
    const ids = [...states, ...removed];
    if (ids.length > 0)
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
    return true;
  }

  leave(peer: SyncPeer): void {
    const state = this.peers.get(peer);
    if (!state) return;
    this.peers.delete(peer);
    state.user.budgets.presences -= state.clientIds.size;
    state.user.release();
    this.presenceOwners.release(state.clientIds, peer.userId);
    const present = [...state.clientIds].filter((id) => this.awareness.getStates().has(id));
    if (present.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, present, null);
  }

  /**
   * Makes a connection read-only or writable at once. On the way back to writable the server asks for the
   * client's state, so whatever it kept sending while read-only (and we discarded) comes over now.
   */
  setWritable(peer: SyncPeer, writable: boolean): void {
    const state = this.peers.get(peer);
    if (!state || state.writable === writable) return;
    state.writable = writable;
    if (writable) peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
  }

  isWritable(peer: SyncPeer): boolean {
    return this.peers.get(peer)?.writable ?? false;
  }

  /** A change the server makes itself (seeding, locks, reverts): stored with author `server`, relayed to all. */
  change(fn: (records: BoardRecords) => void): void {
    this.doc.transact(() => fn(this.records), SERVER_ORIGIN);
  }

  /**
   * Whether the server may write about `bytes` more on a user's behalf (a critique reply, a question card,
   * the template, a restore): the same limits as a client's update — one update at most `maxUpdateBytes`,
   * and the board (rejected content aside) within `maxBoardBytes`. A write that takes away at least as much
   * as it adds (`freedBytes`: what it deletes or replaces, measured alike) never grows the board, so it is
   * taken on a full one: the teacher can always recover a board. Callers check before `change`, so a
   * refused write leaves nothing behind.
   */
  serverWriteRefusal(bytes: number, freedBytes = 0): 'tooLarge' | 'boardFull' | null {
    if (bytes > this.deps.limits.maxUpdateBytes) return 'tooLarge';
    return this.hasRoomFor(bytes) || bytes <= freedBytes ? null : 'boardFull';
  }

  /**
   * Whether `bytes` more fit under `maxBoardBytes` (rejected content aside) — or, for an update a full board
   * takes (`takenOnAFullBoard`: it deletes, or adds nothing), under the cap and its slack. The cap is on what
   * the board holds, not on its history: when the log since the last snapshot is what fills it, a snapshot
   * folds the log in first. That is worth it when the log is half the cap or more (one note rewritten again
   * and again: 32 rewrites of 1 MB locked the whole group out) or when what was deleted since frees at least
   * what is missing (a flood taken away: deleted content stops counting once folded) — for an update that
   * writes, at most every FULL_BOARD_FOLD_EVERY_MS. Otherwise a board truly near full is not encoded again on
   * every update, nor for a client that deletes a little before each update that does not fit.
   */
  private hasRoomFor(bytes: number, frees = false): boolean {
    const max = this.deps.limits.maxBoardBytes;
    const limit = frees ? max + freeingSlackBytes(max) : max;
    const missing = () => this.storedBytes - this.rejectedBytes + bytes - limit;
    const fits = () => missing() <= 0;
    if (fits()) return true;
    if (this.storedBytes - this.snapshotBytes < max / 2) {
      if (this.deletedSinceSnapshot < missing()) return false;
      // An update that frees room folds once per slack's worth of them; one that writes, at most so often.
      if (!frees) {
        const at = this.deps.now();
        if (at - this.lastDeletionFoldAt < FULL_BOARD_FOLD_EVERY_MS) return false;
        this.lastDeletionFoldAt = at;
      }
    }
    this.snapshot();
    return fits();
  }

  receive(peer: SyncPeer, data: Uint8Array): void {
    const state = this.peers.get(peer);
    if (!state || this.failed) return;
    try {
      // A buffer of its own, exactly the frame: lib0 reads through a view's ArrayBuffer, and what Yjs applies
      // must be exactly the bytes the room stores and relays (see UpdateCapture).
      const message = parseMessage(new Uint8Array(data));
      switch (message.kind) {
        case 'syncStep1': {
          if (!this.syncAnswers.take(peer.userId)) {
            return peer.close(YjsCloseCode.rateLimited, 'too many sync requests');
          }
          this.deps.commits.flushNow(); // never serve state that is not stored yet
          // A big answer goes as updates and then a last part as the step 2, so a browser applies it in
          // several short tasks and is still "synced" only once it has all of it. A board whose stored
          // bytes fit in a part (its encoding is no bigger) is answered as Yjs encodes it, without slicing.
          const parts =
            this.storedBytes <= FIRST_SYNC_PART_BYTES
              ? [Y.encodeStateAsUpdate(this.doc, message.stateVector)]
              : encodeStateInParts(this.doc, message.stateVector, FIRST_SYNC_PART_BYTES);
          this.syncAnswers.charge(peer.userId, Math.min(parts.length, SYNC_ANSWER_BURST_PARTS) - 1);
          const replies = parts.map((part, i) =>
            i < parts.length - 1 ? encodeUpdate(part) : encodeSyncStep2(part),
          );
          this.deps.commits.whenDurable(
            () => replies.forEach((reply) => peer.send(reply)),
            (err) => this.fail(err),
          );
          return;
        }
        case 'update':
          // A read-only connection's updates are discarded: never applied, stored or relayed.
          if (state.writable) this.acceptUpdate(peer, state, message.update, message.relayable);
          else this.discard(peer, message.update);
          return;
        case 'awareness':
          if (state.writable) this.acceptAwareness(peer, state, message.update, message.message);
          return;
        case 'queryAwareness': {
          // Past the user's budget, ignored: no encoding, no reply (presence is best-effort, and a stock
          // client never asks — see userBudgets.ts' QUERY_AWARENESS_BURST).
          if (!state.user.budgets.queries.take(this.deps.now())) return;
          const ids = [...this.awareness.getStates().keys()];
          peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
          return;
        }
        case 'auth':
          return;
      }
    } catch (err) {
      const reason =
        err instanceof MalformedMessageError ? err.message : `bad message: ${(err as Error).message}`;
      this.deps.log.info('closing a connection that sent a bad message', { boardId: this.boardId, reason });
      peer.close(YjsCloseCode.malformed, reason.slice(0, 120));
    }
  }

  private acceptUpdate(
    peer: SyncPeer,
    state: PeerState,
    update: Uint8Array,
    message: Uint8Array | null,
  ): void {
    const { limits, now } = this.deps;
    if (update.byteLength > limits.maxUpdateBytes) {
      return peer.close(
        YjsCloseCode.tooLarge,
        `update of ${update.byteLength} bytes exceeds ${limits.maxUpdateBytes}`,
      );
    }
    // The user's budget, over all their connections. Only the connection that went over it is closed: its
    // siblings spend the same empty budget, so one that floods next is closed in turn, while an honest tab
    // of the same student (a stuck one flooding beside it) keeps its board.
    // A `?user=` claim's address pays as well (AddressBudgets); over either, the connection is closed.
    if (!state.user.budgets.updates.take(now()) || !this.addressBudgets.take(state.address, 'updates')) {
      return peer.close(
        YjsCloseCode.rateLimited,
        `more than ${limits.maxUpdatesPerSecond} updates per second`,
      );
    }
    const store = this.doc.store;
    const admission = admitUpdate(update, (client) => Y.getState(store, client), limits.maxItemsPerUpdate);
    // Read from the scan admission made anyway: on a full board, deleting stays possible (boardCap.ts).
    if (admission.ok && !this.hasRoomFor(update.byteLength, takenOnAFullBoard(admission))) {
      return peer.close(YjsCloseCode.boardFull, `the board is full (${limits.maxBoardBytes} bytes)`);
    }
    if (!admission.ok) {
      switch (admission.kind) {
        case 'malformed':
        case 'unsupported':
          throw new MalformedMessageError(admission.reason);
        case 'tooManyItems':
          return peer.close(YjsCloseCode.tooLarge, admission.reason);
        case 'incomplete':
          return this.refuseIncomplete(peer, state, admission.reason, admission.missingFrom ?? []);
      }
    }
    for (const client of admission.writes) {
      const writer = this.writerOf(client);
      if (writer !== undefined && writer !== peer.userId) {
        return peer.close(YjsCloseCode.clientIdTaken, `client id ${client} belongs to another user`);
      }
    }
    state.incompleteStreak = 0;
    for (const client of admission.writes) this.writers.set(client, peer.userId);
    try {
      this.capture.applyReceived(update, peer, message);
    } finally {
      this.flush();
    }
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      // The admission check is meant to make this impossible; if it ever happens, keep nothing pending.
      store.pendingStructs = null;
      store.pendingDs = null;
      this.deps.log.error('an admitted update left changes pending; dropped them', { boardId: this.boardId });
      peer.close(YjsCloseCode.incompleteUpdate, 'the update could not be applied completely');
    }
  }

  /**
   * An update that the room cannot apply completely is never applied. If what it lacks is the sender's
   * own (changes discarded while it was read-only, say), the room asks for them — the client's answer
   * carries everything — and drops this one; if it refers to another user's changes, or to changes of a
   * client id nobody has written under, it is an attack (a delete set over a classmate's future clocks,
   * structs that would wait in memory forever) and the connection is closed.
   */
  private refuseIncomplete(peer: SyncPeer, state: PeerState, reason: string, missingFrom: number[]): void {
    const foreign = missingFrom.some((client) => this.writerOf(client) !== peer.userId);
    if (foreign || ++state.incompleteStreak > MAX_INCOMPLETE_STREAK) {
      this.deps.log.info('refused an incomplete update', {
        boardId: this.boardId,
        author: peer.userId,
        reason,
      });
      return peer.close(YjsCloseCode.incompleteUpdate, reason);
    }
    if (state.incompleteStreak === 1) peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)));
  }

  /**
   * Updates from a read-only connection are dropped, but the client ids they wrote under are noted as the
   * sender's: once writable again, its next update builds on them, and the room asks for them.
   */
  private discard(peer: SyncPeer, update: Uint8Array): void {
    this.discardedUpdates++;
    let written: Map<number, number>;
    try {
      written = Y.parseUpdateMeta(update).to;
    } catch {
      return; // malformed: it was dropped anyway
    }
    for (const client of written.keys()) {
      if (this.writerOf(client) === undefined) this.writers.set(client, peer.userId);
    }
  }

  /**
   * The user who owns a Yjs client id on this board: the first to write under it. After a reload the room
   * knows only the ids written since; older ones are read from the authorship log (once, then cached).
   */
  private writerOf(client: number): string | undefined {
    const cached = this.writers.get(client);
    if (cached !== undefined || Y.getState(this.doc.store, client) === 0) return cached;
    const owner = clientIdOwners(this.deps.store, this.boardId).get(client);
    if (owner !== undefined) this.writers.set(client, owner);
    return owner;
  }

  /** Reverted content costs its sender: a connection that keeps sending it is closed. */
  private onRejected(rejection: Rejection, origin: unknown): void {
    this.rejectedBytes += rejection.bytes;
    const author = this.authorOf(origin);
    this.deps.log.info('reverted refused board changes', {
      boardId: this.boardId,
      author,
      rejected: rejection.changes.slice(0, 5),
    });
    const peer = origin as SyncPeer;
    const state = this.peers.get(peer);
    // Told, so a student whose classmates' work came back knows why (an honest "clear" looks the same).
    if (state && rejection.othersDeleted > 0) peer.send(encodePermissionDenied(YjsRefusal.othersDeleted));
    // …and one whose long paste or endless stroke vanished, why it did.
    if (state && rejection.tooLarge > 0) peer.send(encodePermissionDenied(YjsRefusal.tooLarge));
    // …and one whose paste (or script) added more than a student may at once, that it was taken back.
    if (state && rejection.tooMany > 0) peer.send(encodePermissionDenied(YjsRefusal.tooMany));
    // …and one who faded or shrank a shape out of sight (a script hiding work, or an honest edge), that.
    if (state && rejection.outOfSight > 0) peer.send(encodePermissionDenied(YjsRefusal.outOfSight));
    // …and one whose undo brought back what the teacher removed, that it stays removed.
    if (state && rejection.removedByTeacher > 0)
      peer.send(encodePermissionDenied(YjsRefusal.removedByTeacher));
    // …and that anything else was: a change that silently came undone looks like a broken board.
    const toldAbove =
      rejection.othersDeleted +
      rejection.tooLarge +
      rejection.tooMany +
      rejection.outOfSight +
      rejection.removedByTeacher;
    if (state && rejection.changes.length > toldAbove)
      peer.send(encodePermissionDenied(YjsRefusal.notAccepted));
    for (const listener of this.wipeListeners) {
      if (rejection.othersDeleted > 0) listener(author, rejection.othersDeleted, 'deleted');
      if (rejection.tooMany > 0) listener(author, rejection.tooMany, 'added');
    }
    if (!state || rejection.values === 0) return;
    const now = this.deps.now();
    // A refused flood looks like an honest big paste: it runs the connection into debt (so a second one soon
    // after closes it) instead of closing it at once, and the student sees it taken back, with the reason.
    // The budget is the user's, over all their connections: the one that sent the content is closed.
    // A `?user=` claim's address pays as well (AddressBudgets).
    const { rejections } = state.user.budgets;
    const { address } = state;
    const take = (cost: number) =>
      rejections.take(now, cost) && this.addressBudgets.take(address, 'rejections', cost);
    const charge = (cost: number) => {
      rejections.charge(now, cost);
      this.addressBudgets.charge(address, 'rejections', cost);
    };
    const within =
      rejection.tooMany > 0 ? take(1) && (charge(rejection.values - 1), true) : take(rejection.values);
    if (!within) peer.close(YjsCloseCode.rejectedContent, 'too much content the board refuses');
  }

  /** Shapes hidden in frames were moved out onto the page: whoever's change hid them is told. */
  private onPlacedInSight(keysByOrigin: Map<unknown, string[]>): void {
    for (const [origin, keys] of keysByOrigin) {
      const author = this.authorOf(origin);
      this.deps.log.info('moved shapes hidden by their frames back into sight', {
        boardId: this.boardId,
        author,
        keys: keys.slice(0, 5),
      });
      const peer = origin as SyncPeer;
      if (this.peers.has(peer)) peer.send(encodePermissionDenied(YjsRefusal.hiddenInFrame));
      // The teacher hears of a student's, as of a wipe (the server's and the teacher's own are not news).
      if (isGated(author)) for (const listener of this.wipeListeners) listener(author, keys.length, 'hidden');
    }
  }

  private acceptAwareness(peer: SyncPeer, state: PeerState, update: Uint8Array, message: Uint8Array): void {
    if (update.byteLength > this.deps.limits.maxAwarenessBytes) {
      throw new MalformedMessageError(`awareness update over ${this.deps.limits.maxAwarenessBytes} bytes`);
    }
    const user = state.user.budgets;
    const now = this.deps.now();
    if (!user.awareness.take(now) || !user.awarenessBytes.take(now, update.byteLength)) return;
    const entries = parseAwarenessUpdate(update);
    let newIds = 0;
    for (const entry of entries) {
      // Another connection's client id, or an away classmate's: ignore the whole message.
      if (!this.presenceOwners.mayPublish(entry.clientId, peer, peer.userId)) return;
      if (entry.state !== null && !state.presence.accepts(entry.state)) return;
      if (!state.clientIds.has(entry.clientId)) newIds += 1;
    }
    // A browser publishes one presence per connection (its doc's client id); a script publishing thousands
    // would put thousands of cursors on every classmate's board.
    if (state.clientIds.size + newIds > MAX_PRESENCES_PER_CONNECTION) return;
    if (user.presences + newIds > MAX_PRESENCES_PER_USER) return;
    const before = state.clientIds.size;
    for (const entry of entries) {
      this.presenceOwners.claim(entry.clientId, peer);
      state.clientIds.add(entry.clientId);
    }
    user.presences += state.clientIds.size - before;
    applyAwarenessEntries(this.awareness, entries);
    // Checked, so relayed as received (the frame itself): no re-encoding of states the sender encoded.
    for (const other of this.peers.keys()) if (other !== peer) other.send(message);
  }

  private readonly relayAwareness = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin !== null && this.peers.has(origin as SyncPeer)) return; // relayed raw in acceptAwareness
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (changed.length === 0) return;
    const message = encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
  };

  /**
   * Stores every change of the finished transactions, then relays it: nothing is relayed unstored. The
   * append joins the turn's group commit; relaying waits for it.
   */
  private flush(): void {
    const batch = this.capture.take();
    if (batch.length === 0) return;
    const at = this.deps.now();
    const authored = batch.map((p) => ({ update: p.update, author: this.authorOf(p.origin), at }));
    // Counted when accepted, not when committed, so the size cap holds within one turn too.
    for (const p of batch) this.storedBytes += p.update.byteLength;
    this.deps.commits.enqueue(this.boardId, authored, (result) => {
      if (result instanceof Error) return this.fail(result);
      if (this.failed) return;
      this.lastSeq = result.at(-1) ?? this.lastSeq;
      this.sinceSnapshot += batch.length;
      this.relay(batch);
      const authors = [...new Set(authored.map((u) => u.author))];
      for (const listener of this.storedListeners) listener(this, authors);
      if (this.sinceSnapshot >= this.deps.limits.snapshotEveryUpdates) this.snapshot();
    });
  }

  /** One message for every peer that sent none of the batch: usually the sender's own message, as received. */
  private relay(batch: CapturedUpdate[]): void {
    const all = relayMessage(batch);
    for (const peer of this.peers.keys()) {
      if (!sentAny(batch, peer)) {
        peer.send(all);
        continue;
      }
      // The sender already has its own changes; it still needs the server's (e.g. a revert of them).
      const others = batch.filter((p) => p.origin !== peer);
      if (others.length > 0) peer.send(relayMessage(others));
    }
  }

  /** Writes a snapshot if anything changed since the last one. Snapshots only speed up loading. */
  snapshot(): void {
    this.deps.commits.flushNow();
    if (this.failed || this.sinceSnapshot === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    try {
      this.deps.store.writeSnapshot(this.boardId, { upToSeq: this.lastSeq, state, at: this.deps.now() });
      this.sinceSnapshot = 0;
      this.storedBytes = this.snapshotBytes = state.byteLength;
      this.rejectedBytes = 0;
      this.deletedSinceSnapshot = 0;
    } catch (err) {
      this.deps.log.error('snapshot failed', { boardId: this.boardId, error: (err as Error).message });
    }
  }

  /**
   * Storage refused a write: the in-memory doc now holds changes that are not durable. Drop every
   * connection and let the registry unload the room; clients resync from storage and re-send what it lacks.
   */
  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.deps.log.error('storing an update failed; closing the board', {
      boardId: this.boardId,
      error: err.message,
    });
    for (const peer of [...this.peers.keys()]) peer.close(YjsCloseCode.shuttingDown, 'storage failure');
    for (const listener of this.failureListeners) listener(this);
  }

  get hasFailed(): boolean {
    return this.failed;
  }

  /** A connection's changes are its user's — even if it was closed by the time they are stored. */
  private authorOf(origin: unknown): string {
    const userId = (origin as Partial<SyncPeer> | null)?.userId;
    return typeof origin === 'object' && typeof userId === 'string' ? userId : SERVER_AUTHOR;
  }

  /** Closes every connection and frees the doc (after a final snapshot unless the room failed). */
  destroy(
    closeCode: number = YjsCloseCode.shuttingDown,
    reason = 'board closed',
    options = { snapshot: true },
  ): void {
    this.hiddenInFrames.close();
    this.deps.commits.flushNow(); // what was accepted is stored (or, for a deleted board, deleted with it)
    if (options.snapshot) this.snapshot();
    for (const peer of [...this.peers.keys()]) peer.close(closeCode, reason);
    this.peers.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Whether `peer` sent any of the batch (a loop, not a closure per peer and update relayed). */
function sentAny(batch: readonly CapturedUpdate[], peer: SyncPeer): boolean {
  for (const p of batch) if (p.origin === peer) return true;
  return false;
}

function relayMessage(updates: CapturedUpdate[]): Uint8Array {
  const [only] = updates;
  if (updates.length === 1 && only) return only.message ?? encodeUpdate(only.update);
  return encodeUpdate(Y.mergeUpdates(updates.map((p) => p.update)));
}

export { SERVER_ORIGIN };
