import * as Y from 'yjs';
import { encodeStateInParts } from '@conjecture/shared/ydoc/syncParts';
import { withoutUpdateObservers } from './quietFirstSync.js';

/** Bytes of stored updates applied in one task while opening: the size of the server's first-sync parts. */
export const LOCAL_PART_BYTES = 256 * 1024;
/** Stored updates past which the copy is rewritten as the doc's state in parts (y-indexeddb's figure). */
export const COMPACT_AT_UPDATES = 500;
/** Edits come in bursts: the rewrite waits for a pause in storing. */
const COMPACT_AFTER_MS = 1000;

// The layout y-indexeddb uses, so a browser's existing copies stay readable (and a copy stays readable
// by it): the updates as they were stored, under auto-incremented keys, and a spare key-value store.
const UPDATES = 'updates';
const CUSTOM = 'custom';

export interface LocalCopyOptions {
  partBytes?: number;
  compactAt?: number;
  compactAfterMs?: number;
  /** Resolves in a later task, so the page can paint and take input between two batches. */
  nextTask?: () => Promise<void>;
  /**
   * Whether a batch may be applied without the doc's `update` observers, sparing Yjs encoding it again for
   * them (half the cost of applying): true while nothing observes updates to pass them on (the session's
   * provider has not synced with the server yet, and will send what the server lacks when it does).
   */
  applyQuietly?: () => boolean;
}

/**
 * A board's copy in this browser's IndexedDB, so edits survive a reload offline. In place of
 * y-indexeddb, which applies every stored update in one transaction (a 5,000-shape board: one 280 ms task
 * on a returning student's load) and compacts the copy into one update of the whole board: this copy is
 * applied in batches of about `partBytes`, a task each, and compacted into the slices the server sends a
 * first sync in (`encodeStateInParts`). Updates are stored as they came: the doc's own, and those handed
 * to `store` (the first sync, applied without the doc's observers). Applying happens under this copy as
 * the transaction origin, which is how a restore is told apart (see localRestore.ts).
 */
export class LocalBoardCopy {
  /** Resolves once everything stored when the copy opened is in the doc (never, if IndexedDB fails). */
  readonly whenSynced: Promise<void>;
  /** Resolves once the copy is in the doc, or will never be (IndexedDB failed, or the copy was destroyed). */
  readonly whenSettled: Promise<void>;
  private markSynced!: () => void;
  private markSettled!: () => void;
  private synced = false;
  private db: IDBDatabase | null = null;
  private destroyed = false;
  /** Updates stored before the database was open: written when it opens. */
  private pending: Uint8Array[] = [];
  /** Bytes stored before the stored copy was in the doc: the server's answer to a page that did not wait. */
  private bytesBeforeSynced = 0;
  /** How many updates the database holds, as far as this copy knows (others' tabs write too). */
  private count = 0;
  /** The highest key whose update this doc is known to hold: a rewrite reads what came after it. */
  private heldUpTo = 0;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly partBytes: number;
  private readonly compactAt: number;
  private readonly compactAfterMs: number;
  private readonly nextTask: () => Promise<void>;
  private readonly applyQuietly: () => boolean;
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this) this.store(update);
  };

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    options: LocalCopyOptions = {},
  ) {
    this.partBytes = options.partBytes ?? LOCAL_PART_BYTES;
    this.compactAt = options.compactAt ?? COMPACT_AT_UPDATES;
    this.compactAfterMs = options.compactAfterMs ?? COMPACT_AFTER_MS;
    this.nextTask = options.nextTask ?? nextTask;
    this.applyQuietly = options.applyQuietly ?? (() => false);
    this.whenSynced = new Promise((resolve) => (this.markSynced = resolve));
    this.whenSettled = new Promise((resolve) => (this.markSettled = resolve));
    doc.on('update', this.onUpdate);
    void this.open().catch((error: unknown) => {
      // Private browsing, a full disk, a blocked upgrade: the board still works, from the server only.
      console.warn(`The board's local copy is unavailable (${this.name}):`, error);
      this.stopStoring();
    });
  }

  /** Keeps `update` (already in the doc) in the copy. */
  store(update: Uint8Array): void {
    if (this.destroyed) return;
    if (!this.synced) this.bytesBeforeSynced += update.byteLength;
    if (!this.db) {
      this.pending.push(update);
      return;
    }
    const updates = updatesStore(this.db);
    settled(updates.add(update)).catch(warnWriteFailed);
    this.count++;
    this.scheduleCompaction();
  }

  /** Stops storing and closes the database; what is stored stays. */
  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.stopStoring();
    this.db?.close();
  }

  private stopStoring(): void {
    this.destroyed = true;
    this.markSettled();
    this.pending = [];
    if (this.compactTimer !== null) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    this.doc.off('update', this.onUpdate);
  }

  private async open(): Promise<void> {
    const db = await openDatabase(this.name);
    if (this.destroyed) {
      db.close();
      return;
    }
    this.db = db;
    const updates = updatesStore(db);
    const stored = await entries(updates);
    // Still inside the read's transaction: what arrived before the database opened is written after the
    // stored updates it read, which are applied below (the pending ones are in the doc already).
    const written = this.pending.map((update) => settled(updates.add(update)));
    this.pending = [];
    const keys = [...stored.keys, ...(await Promise.all(written))];
    this.heldUpTo = highestKey(keys, 0);
    this.count = keys.length;

    await this.applyInBatches(stored.values);
    if (this.destroyed) return;
    this.synced = true;
    this.markSynced();
    this.markSettled();
    // A copy kept by y-indexeddb may hold the whole board in one update, and a page that asked the server
    // before its copy was in (see BoardSession) stored the board a second time: rewrite such a copy once.
    const oversized = stored.values.some((update) => update.byteLength > 2 * this.partBytes);
    const storedTwice = stored.values.length > 0 && this.bytesBeforeSynced > 2 * this.partBytes;
    if (oversized || storedTwice) this.compactSoon(0);
    else this.scheduleCompaction();
  }

  private async applyInBatches(updates: Uint8Array[]): Promise<void> {
    let next = 0;
    while (next < updates.length && !this.destroyed) {
      const batch: Uint8Array[] = [];
      let bytes = 0;
      for (; next < updates.length; next++) {
        const update = updates[next] as Uint8Array;
        if (batch.length > 0 && bytes + update.byteLength > this.partBytes) break;
        batch.push(update);
        bytes += update.byteLength;
      }
      const apply = () =>
        Y.transact(this.doc, () => batch.forEach((update) => Y.applyUpdate(this.doc, update)), this, false);
      if (this.applyQuietly()) withoutUpdateObservers(this.doc, apply);
      else apply();
      if (next < updates.length) await this.nextTask();
    }
  }

  private scheduleCompaction(): void {
    if (this.count >= this.compactAt) this.compactSoon(this.compactAfterMs);
  }

  private compactSoon(delayMs: number): void {
    if (!this.synced || this.destroyed) return;
    if (this.compactTimer !== null) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      this.compact().catch(warnWriteFailed);
    }, delayMs);
  }

  /**
   * Rewrites the copy as the doc's state in parts, in one transaction: first what other tabs stored since
   * this doc last read the copy goes into the doc, so deleting the old updates loses nothing of theirs.
   */
  private async compact(): Promise<void> {
    const db = this.db;
    if (!db || this.destroyed) return;
    const updates = updatesStore(db);
    const since = await entries(updates, IDBKeyRange.lowerBound(this.heldUpTo, true));
    if (this.destroyed) return;
    Y.transact(
      this.doc,
      () => since.values.forEach((update) => Y.applyUpdate(this.doc, update)),
      this,
      false,
    );
    const replaced = highestKey(since.keys, this.heldUpTo);
    const parts = encodeStateInParts(this.doc, Y.encodeStateVector(new Map()), this.partBytes);
    const keys = await Promise.all(parts.map((part) => settled(updates.add(part))));
    await settled(updates.delete(IDBKeyRange.upperBound(replaced)));
    this.heldUpTo = highestKey(keys, replaced);
    this.count = await settled(updates.count());
  }
}

function openDatabase(name: string): Promise<IDBDatabase> {
  const request = indexedDB.open(name);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(UPDATES, { autoIncrement: true });
    request.result.createObjectStore(CUSTOM);
  };
  return settled(request);
}

/** A request's result. Awaiting it keeps its transaction usable: IndexedDB transactions stay active
 * through the microtasks of a request's success event. */
function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The stored updates in `range`, with their keys, read in one transaction's snapshot. */
async function entries(store: IDBObjectStore, range?: IDBKeyRange) {
  const [keys, values] = await Promise.all([settled(store.getAllKeys(range)), settled(store.getAll(range))]);
  return { keys, values: values as Uint8Array[] };
}

/** The updates' store, in a transaction of its own that may write. */
function updatesStore(db: IDBDatabase): IDBObjectStore {
  return db.transaction(UPDATES, 'readwrite').objectStore(UPDATES);
}

/** The highest of the auto-incremented keys, or `floor` (a loop: a copy may hold more keys than fit in
 * a call's arguments). */
function highestKey(keys: readonly unknown[], floor: number): number {
  let highest = floor;
  for (const key of keys) if (typeof key === 'number' && key > highest) highest = key;
  return highest;
}

/** A later task without setTimeout's clamping of nested timers to 4 ms. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function warnWriteFailed(error: unknown): void {
  console.warn("Could not write the board's local copy:", error);
}
