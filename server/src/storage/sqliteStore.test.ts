import type Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOARD_MIGRATIONS } from './boardMigrations.js';
import { boardStoreContract } from './boardStore.contract.js';
import type { BoardStore } from './boardStore.js';
import { DATABASE_FILE, migrate, openDatabase, WAL_CHECKPOINT_PAGES } from './database.js';
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

  it('copies the WAL into the database file only every WAL_CHECKPOINT_PAGES pages, not at the 1,000 of SQLite by default', () => {
    const dir = freshDir();
    const store = SqliteStore.open(dir);
    store.createBoard({ boardId: 'board-1', title: 't', createdAt: 1 });
    // One commit each, as at low load: every commit rewrites the log's last page and the board's index page.
    for (let i = 1; i <= 600; i++)
      store.appendUpdates('board-1', [{ update: new Uint8Array(200).fill(i % 256), author: 'a', at: i }]);
    const frameBytes = (store.db.pragma('page_size', { simple: true }) as number) + 24;
    const walPages = fs.statSync(path.join(dir, `${DATABASE_FILE}-wal`)).size / frameBytes;
    // At SQLite's default the WAL starts over once past 1,000 pages, the commit that went past them at most.
    expect(walPages).toBeGreaterThan(1_100);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_CHECKPOINT_PAGES);
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

  it('upgrades a log written with AUTOINCREMENT: every row kept, no counter written per commit, seq still grows', () => {
    const dir = freshDir();
    const old = openDatabase(path.join(dir, DATABASE_FILE));
    migrate(old, 'boards', BOARD_MIGRATIONS.slice(0, 2));
    old.exec(`
      INSERT INTO boards VALUES ('board-1', 'one', 1), ('board-2', 'two', 2);
      INSERT INTO board_updates (board_id, update_bytes, author, at) VALUES
        ('board-1', x'0102', 'alice', 10), ('board-2', x'03', 'bob', 11), ('board-1', x'04', 'server', 12),
        ('board-2', x'05', 'bob', 13);
      INSERT INTO board_snapshots VALUES ('board-1', 3, x'09', 14);
      DELETE FROM boards WHERE board_id = 'board-2';
    `);
    const logOf = (db: Database.Database) =>
      db.prepare('SELECT seq, board_id, update_bytes, author, at FROM board_updates').all();
    const before = logOf(old);
    old.close();

    const store = SqliteStore.open(dir);
    expect(logOf(store.db)).toEqual(before);
    expect(before).toHaveLength(2);
    const tableSql = store.db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'board_updates'")
      .pluck()
      .get() as string;
    expect(tableSql).not.toMatch(/AUTOINCREMENT/i);
    // (SQLite keeps its sqlite_sequence table once made, but no counter of the log is left in it.)
    expect(store.db.prepare('SELECT name FROM sqlite_sequence').all()).toEqual([]);
    expect(
      store.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'board_updates'")
        .all(),
    ).toEqual([{ name: 'board_updates_by_board' }]);
    expect(store.latestSnapshot('board-1')?.upToSeq).toBe(3);
    const [seq] = store.appendUpdates('board-1', [{ update: new Uint8Array([6]), author: 'alice', at: 15 }]);
    expect(seq).toBeGreaterThan(3);
    expect(store.updatesAfter('board-1', 3).map((u) => Array.from(u.update))).toEqual([[6]]);
    // The rebuilt table still belongs to its board: deleting the board takes its log.
    store.deleteBoard('board-1');
    expect(logOf(store.db)).toEqual([]);
    store.close();
  });
});
