import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { boardStoreContract } from './boardStore.contract.js';
import type { BoardStore } from './boardStore.js';
import { SqliteStore } from './sqliteStore.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-sqlite-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const opened = new WeakMap<BoardStore, string>();
boardStoreContract(
  'SqliteStore',
  () => {
    const dir = freshDir();
    const store = SqliteStore.open(dir);
    opened.set(store, dir);
    return store;
  },
  (store) => {
    const dir = opened.get(store) as string;
    store.close();
    return SqliteStore.open(dir);
  },
);

describe('SqliteStore specifics', () => {
  it('runs in WAL mode, holding its locks for as long as it is open', () => {
    const dir = freshDir();
    const store = SqliteStore.open(dir);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('locking_mode', { simple: true })).toBe('exclusive');
    // No shared-memory index: nothing else may open the file meanwhile, so none is needed.
    expect(fs.existsSync(path.join(dir, 'conjecture.sqlite-shm'))).toBe(false);
    store.close();
  });

  it('refuses a file that is not a database with a clear error', () => {
    const dir = freshDir();
    fs.writeFileSync(
      path.join(dir, 'conjecture.sqlite'),
      'this is not a database, just some text '.repeat(200),
    );
    expect(() => SqliteStore.open(dir)).toThrow(/cannot open the database .*conjecture\.sqlite/);
  });

  it('keeps only the latest snapshots but the whole update log', () => {
    const store = SqliteStore.open(freshDir());
    store.createBoard({ boardId: 'board-1', title: 't', createdAt: 1 });
    for (let i = 1; i <= 5; i++) {
      const [seq] = store.appendUpdates('board-1', [{ update: new Uint8Array([i]), author: 'a', at: i }]);
      store.writeSnapshot('board-1', { upToSeq: seq as number, state: new Uint8Array([i]), at: i });
    }
    const count = store.db.prepare('SELECT COUNT(*) AS n FROM board_snapshots').get() as { n: number };
    expect(count.n).toBe(2);
    expect(store.updatesAfter('board-1', 0)).toHaveLength(5);
    store.close();
  });
});
