import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { LocalBoardCopy, type LocalCopyOptions } from './localCopy.js';

let opened: Array<{ destroy(): Promise<void> | void }> = [];
afterEach(async () => {
  await Promise.all(opened.map((copy) => copy.destroy()));
  opened = [];
});

let boards = 0;
const freshName = () => `conjecture:board:test-${++boards}`;

function openCopy(name: string, doc: Y.Doc, options: LocalCopyOptions = {}): LocalBoardCopy {
  const copy = new LocalBoardCopy(name, doc, options);
  opened.push(copy);
  return copy;
}

/** `count` records of about `bytes` each, written in one transaction (one stored update). */
function addRecords(doc: Y.Doc, prefix: string, count: number, bytes = 100): void {
  doc.transact(() => {
    const records = doc.getMap<string>('records');
    for (let i = 0; i < count; i++) records.set(`${prefix}-${i}`, `${prefix}-${i} `.padEnd(bytes, 'x'));
  });
}

const recordsOf = (doc: Y.Doc) => doc.getMap<string>('records').toJSON();

/** What the database holds. IndexedDB runs transactions on a store in the order they were made, so this
 * read answers after every write issued before it. */
function storedUpdates(name: string): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('updates').objectStore('updates').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result as Uint8Array[]);
      };
      all.onerror = () => reject(all.error);
    };
  });
}

/** Deleting a database is blocked while a connection to it is open. */
function deleteIsBlocked(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onblocked = () => resolve(true);
    request.onsuccess = () => resolve(false);
  });
}

/** A board's copy as a closed page left it: `rounds` stored updates of `records` records (~100 bytes) each. */
async function keptCopy(rounds: number, records: number) {
  const name = freshName();
  const doc = new Y.Doc();
  const copy = openCopy(name, doc);
  await copy.whenSynced;
  for (let round = 0; round < rounds; round++) addRecords(doc, `round${round}`, records);
  const stored = await storedUpdates(name);
  await copy.destroy();
  return { name, doc, stored };
}

/** Restores the copy into a new doc, noting each transaction the copy applies and the tasks between them. */
async function restore(name: string, options: LocalCopyOptions = {}) {
  const doc = new Y.Doc();
  let tasks = 0;
  const copy = openCopy(name, doc, {
    ...options,
    nextTask: async () => {
      tasks++;
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  });
  let synced = false;
  const appliedBeforeSynced: boolean[] = [];
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.origin === copy) appliedBeforeSynced.push(!synced);
  });
  await copy.whenSynced.then(() => (synced = true));
  return { doc, copy, transactions: appliedBeforeSynced, tasks };
}

describe('LocalBoardCopy', () => {
  it("keeps the doc's own updates and those handed to it, before and after the database opens", async () => {
    const name = freshName();
    const doc = new Y.Doc();
    const copy = openCopy(name, doc);
    addRecords(doc, 'before-open', 3); // the database is not open yet: kept and written when it opens
    const fromServer = new Y.Doc();
    addRecords(fromServer, 'server', 2);
    copy.store(Y.encodeStateAsUpdate(fromServer)); // the first sync's parts, applied without observers
    await copy.whenSynced;
    addRecords(doc, 'after-open', 2);
    expect(await storedUpdates(name)).toHaveLength(3);
    await copy.destroy();

    const { doc: restored } = await restore(name);
    expect(recordsOf(restored)).toEqual({ ...recordsOf(doc), ...recordsOf(fromServer) });
  });

  it('applies a big copy in batches of about partBytes, a task each, and is synced after the last', async () => {
    const { name, doc, stored } = await keptCopy(20, 30); // ~3 kB each

    const partBytes = 10_000;
    const total = stored.reduce((sum, update) => sum + update.byteLength, 0);
    const { doc: restored, transactions, tasks } = await restore(name, { partBytes });
    expect(recordsOf(restored)).toEqual(recordsOf(doc));
    expect(transactions.length).toBeGreaterThanOrEqual(Math.ceil(total / partBytes));
    expect(tasks).toBe(transactions.length - 1);
    expect(transactions.every((beforeSynced) => beforeSynced)).toBe(true);
  });

  it("applies without the doc's update observers only while applyQuietly says so", async () => {
    const { name, doc } = await keptCopy(4, 30);

    const updatesSeen = async (quietly: boolean) => {
      const restored = new Y.Doc();
      let seen = 0;
      restored.on('update', () => seen++);
      await openCopy(name, restored, { partBytes: 4_000, applyQuietly: () => quietly }).whenSynced;
      expect(recordsOf(restored)).toEqual(recordsOf(doc));
      return seen;
    };
    expect(await updatesSeen(true)).toBe(0);
    expect(await updatesSeen(false)).toBeGreaterThan(1);
  });

  it('reads a copy y-indexeddb kept, and cuts its whole-board update into parts that it still reads', async () => {
    const name = freshName();
    const original = new Y.Doc();
    addRecords(original, 'board', 400); // ~40 kB
    // y-indexeddb stores what the doc holds when it opens as one update
    const legacy = new IndexeddbPersistence(name, original);
    await legacy.whenSynced;
    const [whole] = await storedUpdates(name);
    expect(whole?.byteLength).toBeGreaterThan(40_000);
    await legacy.destroy();

    const partBytes = 8_000;
    const { doc: fromLegacy } = await restore(name, { partBytes });
    expect(recordsOf(fromLegacy)).toEqual(recordsOf(original));
    await vi.waitFor(async () => {
      const parts = await storedUpdates(name);
      expect(parts.length).toBeGreaterThan(1);
      expect(Math.max(...parts.map((part) => part.byteLength))).toBeLessThan(2 * partBytes);
    });
    const { doc: fromParts, transactions } = await restore(name, { partBytes });
    expect(recordsOf(fromParts)).toEqual(recordsOf(original));
    expect(transactions.length).toBeGreaterThan(1);

    const readByYIndexeddb = new Y.Doc();
    const reader = new IndexeddbPersistence(name, readByYIndexeddb);
    opened.push(reader);
    await reader.whenSynced;
    expect(recordsOf(readByYIndexeddb)).toEqual(recordsOf(original));
  });

  it('rewrites a copy once when the board was stored again before the copy was in', async () => {
    const { name, doc: original, stored } = await keptCopy(10, 40); // ~4 kB each
    const once = stored.reduce((sum, update) => sum + update.byteLength, 0);

    // a page that asked the server before its copy was in: the server's whole answer is stored again
    const doc = new Y.Doc();
    const returning = openCopy(name, doc, { partBytes: 8_000 });
    const answer = Y.encodeStateAsUpdate(original);
    Y.applyUpdate(doc, answer, 'the server');
    await returning.whenSynced;
    await vi.waitFor(async () => {
      const stored = await storedUpdates(name);
      expect(stored.reduce((sum, update) => sum + update.byteLength, 0)).toBeLessThan(1.2 * once);
    });
    const { doc: restored } = await restore(name);
    expect(recordsOf(restored)).toEqual(recordsOf(original));
  });

  it("rewrites a long copy as the doc's state, keeping what another tab stored meanwhile", async () => {
    const name = freshName();
    const options = { compactAt: 10, partBytes: 1_000, compactAfterMs: 0 };
    const doc = new Y.Doc();
    const otherTabDoc = new Y.Doc();
    const copy = openCopy(name, doc, options);
    const otherTab = openCopy(name, otherTabDoc, { ...options, compactAt: Infinity });
    await Promise.all([copy.whenSynced, otherTab.whenSynced]);
    addRecords(otherTabDoc, 'other-tab', 1);
    expect(await storedUpdates(name)).toHaveLength(1);

    for (let edit = 0; edit < 12; edit++) addRecords(doc, `edit${edit}`, 1);
    await vi.waitFor(async () => expect((await storedUpdates(name)).length).toBeLessThan(13));
    expect(recordsOf(doc)).toHaveProperty('other-tab-0');

    const { doc: restored } = await restore(name, options);
    expect(Object.keys(recordsOf(restored)).sort()).toEqual(
      ['other-tab-0', ...Array.from({ length: 12 }, (_, edit) => `edit${edit}-0`)].sort(),
    );
  });

  it('stops at destroy: nothing applied after it, nothing stored, the database closed', async () => {
    const { name } = await keptCopy(5, 30);

    const restored = new Y.Doc();
    let applied = 0;
    const stopped: LocalBoardCopy = new LocalBoardCopy(name, restored, {
      partBytes: 1,
      nextTask: (): Promise<void> => stopped.destroy(),
    });
    restored.on('afterTransaction', () => applied++);
    await vi.waitFor(() => expect(applied).toBe(1));
    addRecords(restored, 'after-destroy', 1);
    expect(await storedUpdates(name)).toHaveLength(5);
    expect(await deleteIsBlocked(name)).toBe(false);

    const neverOpened = new LocalBoardCopy(freshName(), new Y.Doc());
    await neverOpened.destroy();
    expect(await deleteIsBlocked(neverOpened.name)).toBe(false);
  });

  it('leaves the board to the server when IndexedDB refuses to open', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    });
    try {
      const doc = new Y.Doc();
      const copy = openCopy(freshName(), doc);
      await vi.waitFor(() =>
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('unavailable'), expect.anything()),
      );
      expect(() => addRecords(doc, 'edit', 1)).not.toThrow();
      expect(() => copy.store(new Uint8Array([0, 0]))).not.toThrow();
    } finally {
      open.mockRestore();
      warn.mockRestore();
    }
  });
});
