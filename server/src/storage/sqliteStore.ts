import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type {
  BoardRecord,
  BoardStore,
  NewUpdate,
  StoredAsset,
  StoredSnapshot,
  StoredUpdate,
} from './boardStore.js';
import { UnknownBoardError } from './boardStore.js';

const SCHEMA_VERSION = 1;
/** Snapshots are only a cache for loading; older ones beyond these are dropped (the update log stays). */
const SNAPSHOTS_KEPT = 2;

const MIGRATIONS: Record<number, string> = {
  1: `
    CREATE TABLE boards (
      board_id   TEXT PRIMARY KEY,
      title      TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE TABLE board_updates (
      seq          INTEGER PRIMARY KEY AUTOINCREMENT,
      board_id     TEXT NOT NULL REFERENCES boards(board_id) ON DELETE CASCADE,
      update_bytes BLOB NOT NULL,
      author       TEXT NOT NULL,
      at           INTEGER NOT NULL
    );
    CREATE INDEX board_updates_by_board ON board_updates(board_id, seq);
    CREATE TABLE board_snapshots (
      board_id  TEXT NOT NULL REFERENCES boards(board_id) ON DELETE CASCADE,
      up_to_seq INTEGER NOT NULL,
      state     BLOB NOT NULL,
      at        INTEGER NOT NULL,
      PRIMARY KEY (board_id, up_to_seq)
    );
    CREATE TABLE assets (
      asset_id   TEXT PRIMARY KEY,
      mime_type  TEXT NOT NULL,
      bytes      BLOB NOT NULL,
      created_at INTEGER NOT NULL
    );
  `,
};

export interface SqliteStoreOptions {
  /** `NORMAL` survives a crash of the process (the WAL is in the OS's hands); `FULL` also power loss. */
  synchronous?: 'NORMAL' | 'FULL';
}

/**
 * The embedded default store: one SQLite file in WAL mode. Every append is a synchronous transaction,
 * so an update the server relayed is already in the WAL when a `kill -9` hits.
 */
export class SqliteStore implements BoardStore {
  readonly db: Database.Database;
  private readonly stmts;

  static open(dataDir: string, options: SqliteStoreOptions = {}): SqliteStore {
    fs.mkdirSync(dataDir, { recursive: true });
    return new SqliteStore(path.join(dataDir, 'conjecture.sqlite'), options);
  }

  constructor(file: string, options: SqliteStoreOptions = {}) {
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      this.migrate();
    } catch (err) {
      this.db.close();
      throw new Error(`cannot open the database ${file}: ${(err as Error).message}`, { cause: err });
    }
    const db = this.db;
    this.stmts = {
      insertBoard: db.prepare('INSERT INTO boards (board_id, title, created_at) VALUES (?, ?, ?)'),
      getBoard: db.prepare<[string], { board_id: string; title: string; created_at: number }>(
        'SELECT board_id, title, created_at FROM boards WHERE board_id = ?',
      ),
      insertUpdate: db.prepare(
        'INSERT INTO board_updates (board_id, update_bytes, author, at) VALUES (?, ?, ?, ?)',
      ),
      updatesAfter: db.prepare<
        [string, number],
        { seq: number; update_bytes: Buffer; author: string; at: number }
      >(
        'SELECT seq, update_bytes, author, at FROM board_updates WHERE board_id = ? AND seq > ? ORDER BY seq',
      ),
      tailBytes: db.prepare<[string, number], { n: number | null }>(
        'SELECT SUM(LENGTH(update_bytes)) AS n FROM board_updates WHERE board_id = ? AND seq > ?',
      ),
      latestSnapshot: db.prepare<[string], { up_to_seq: number; state: Buffer; at: number }>(
        'SELECT up_to_seq, state, at FROM board_snapshots WHERE board_id = ? ORDER BY up_to_seq DESC LIMIT 1',
      ),
      insertSnapshot: db.prepare(
        'INSERT OR REPLACE INTO board_snapshots (board_id, up_to_seq, state, at) VALUES (?, ?, ?, ?)',
      ),
      pruneSnapshots: db.prepare(
        `DELETE FROM board_snapshots WHERE board_id = ? AND up_to_seq NOT IN
           (SELECT up_to_seq FROM board_snapshots WHERE board_id = ? ORDER BY up_to_seq DESC LIMIT ${SNAPSHOTS_KEPT})`,
      ),
      putAsset: db.prepare(
        'INSERT OR REPLACE INTO assets (asset_id, mime_type, bytes, created_at) VALUES (?, ?, ?, ?)',
      ),
      getAsset: db.prepare<
        [string],
        { asset_id: string; mime_type: string; bytes: Buffer; created_at: number }
      >('SELECT asset_id, mime_type, bytes, created_at FROM assets WHERE asset_id = ?'),
    };
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new Error(`written by a newer Conjecture (schema ${current} > ${SCHEMA_VERSION})`);
    }
    for (let v = current + 1; v <= SCHEMA_VERSION; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] as string);
        this.db.pragma(`user_version = ${v}`);
      })();
    }
  }

  createBoard(board: BoardRecord): void {
    this.stmts.insertBoard.run(board.boardId, board.title, board.createdAt);
  }

  getBoard(boardId: string): BoardRecord | undefined {
    const row = this.stmts.getBoard.get(boardId);
    return row && { boardId: row.board_id, title: row.title, createdAt: row.created_at };
  }

  appendUpdates(boardId: string, updates: readonly NewUpdate[]): number[] {
    if (!this.getBoard(boardId)) throw new UnknownBoardError(boardId);
    return this.db.transaction(() =>
      updates.map((u) =>
        Number(this.stmts.insertUpdate.run(boardId, Buffer.from(u.update), u.author, u.at).lastInsertRowid),
      ),
    )();
  }

  latestSnapshot(boardId: string): StoredSnapshot | undefined {
    const row = this.stmts.latestSnapshot.get(boardId);
    return row && { upToSeq: row.up_to_seq, state: new Uint8Array(row.state), at: row.at };
  }

  updatesAfter(boardId: string, afterSeq: number): StoredUpdate[] {
    if (!this.getBoard(boardId)) throw new UnknownBoardError(boardId);
    return this.stmts.updatesAfter
      .all(boardId, afterSeq)
      .map((r) => ({ seq: r.seq, update: new Uint8Array(r.update_bytes), author: r.author, at: r.at }));
  }

  writeSnapshot(boardId: string, snapshot: StoredSnapshot): void {
    if (!this.getBoard(boardId)) throw new UnknownBoardError(boardId);
    this.db.transaction(() => {
      this.stmts.insertSnapshot.run(boardId, snapshot.upToSeq, Buffer.from(snapshot.state), snapshot.at);
      this.stmts.pruneSnapshots.run(boardId, boardId);
    })();
  }

  loadBytes(boardId: string): number {
    const snap = this.latestSnapshot(boardId);
    const tail = this.stmts.tailBytes.get(boardId, snap?.upToSeq ?? 0)?.n ?? 0;
    return (snap?.state.byteLength ?? 0) + tail;
  }

  putAsset(asset: StoredAsset): void {
    this.stmts.putAsset.run(asset.assetId, asset.mimeType, Buffer.from(asset.bytes), asset.createdAt);
  }

  getAsset(assetId: string): StoredAsset | undefined {
    const row = this.stmts.getAsset.get(assetId);
    return (
      row && {
        assetId: row.asset_id,
        mimeType: row.mime_type,
        bytes: new Uint8Array(row.bytes),
        createdAt: row.created_at,
      }
    );
  }

  close(): void {
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
