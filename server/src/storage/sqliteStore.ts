import type Database from 'better-sqlite3';
import path from 'node:path';
import type {
  BoardRecord,
  BoardStore,
  NewUpdate,
  StoredAsset,
  StoredSnapshot,
  StoredUpdate,
} from './boardStore.js';
import { boardAssetOwner, UnknownBoardError } from './boardStore.js';
import type { OpenDatabaseOptions } from './database.js';
import { DATABASE_FILE, migrate, openDatabase } from './database.js';
import { BOARD_MIGRATIONS } from './boardMigrations.js';

/** Snapshots are only a cache for loading; older ones beyond these are dropped (the update log stays). */
const SNAPSHOTS_KEPT = 2;

/**
 * The embedded default store: one SQLite file in WAL mode. Every append is a synchronous transaction,
 * so an update the server relayed is already in the WAL when a `kill -9` hits.
 */
export class SqliteStore implements BoardStore {
  readonly db: Database.Database;
  private readonly stmts;
  /** Built once: this runs for every accepted update. */
  private readonly appendTransaction: (boardId: string, updates: readonly NewUpdate[]) => number[];
  /** Wrapping a function in a transaction costs more than a small commit: done once, not per group commit. */
  private readonly inTransaction: (fn: () => unknown) => unknown;

  /** Opens (or creates) the database file in `dataDir`. */
  static open(dataDir: string, options: OpenDatabaseOptions = {}): SqliteStore {
    return new SqliteStore(openDatabase(path.join(dataDir, DATABASE_FILE), options));
  }

  /** Uses an open database (shared with other stores); closing this store closes it. */
  constructor(db: Database.Database) {
    this.db = db;
    // Appends rely on the foreign key to refuse a board that is gone (see insertUpdates).
    if (db.pragma('foreign_keys', { simple: true }) !== 1) throw new Error('foreign keys must be on');
    migrate(db, 'boards', BOARD_MIGRATIONS);
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
      lastUpdateAt: db.prepare<[string], { at: number }>(
        'SELECT at FROM board_updates WHERE board_id = ? ORDER BY seq DESC LIMIT 1',
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
      deleteBoard: db.prepare('DELETE FROM boards WHERE board_id = ?'),
      putAsset: db.prepare(
        'INSERT OR REPLACE INTO assets (asset_id, mime_type, bytes, created_at, owner, board_id) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getAsset: db.prepare<
        [string],
        {
          asset_id: string;
          mime_type: string;
          bytes: Buffer;
          created_at: number;
          owner: string | null;
          board_id: string | null;
        }
      >('SELECT asset_id, mime_type, bytes, created_at, owner, board_id FROM assets WHERE asset_id = ?'),
      assetsOwnedBy: db.prepare<[string], { asset_id: string; board_id: string | null }>(
        'SELECT asset_id, board_id FROM assets WHERE owner = ? ORDER BY asset_id',
      ),
      deleteAsset: db.prepare('DELETE FROM assets WHERE asset_id = ?'),
      deleteAssetsOwnedBy: db.prepare('DELETE FROM assets WHERE owner = ?'),
    };
    this.inTransaction = db.transaction((fn: () => unknown) => fn());
    this.appendTransaction = db.transaction((boardId: string, updates: readonly NewUpdate[]) =>
      this.insertUpdates(boardId, updates),
    );
  }

  createBoard(board: BoardRecord): void {
    this.stmts.insertBoard.run(board.boardId, board.title, board.createdAt);
  }

  getBoard(boardId: string): BoardRecord | undefined {
    const row = this.stmts.getBoard.get(boardId);
    return row && { boardId: row.board_id, title: row.title, createdAt: row.created_at };
  }

  transaction<T>(fn: () => T): T {
    return this.inTransaction(fn) as T;
  }

  appendUpdates(boardId: string, updates: readonly NewUpdate[]): number[] {
    // Inside the group commit's transaction no savepoint is needed: a board that is gone fails on its first
    // row (a failed statement is undone alone), so nothing of it is written and the other boards stand.
    return this.db.inTransaction
      ? this.insertUpdates(boardId, updates)
      : this.appendTransaction(boardId, updates);
  }

  /**
   * The board's existence is checked by the foreign key (no lookup per append); the bytes are bound as they
   * are (better-sqlite3 takes any Uint8Array view), not copied.
   */
  private insertUpdates(boardId: string, updates: readonly NewUpdate[]): number[] {
    const seqs: number[] = [];
    try {
      for (const u of updates) {
        seqs.push(Number(this.stmts.insertUpdate.run(boardId, u.update, u.author, u.at).lastInsertRowid));
      }
    } catch (err) {
      if ((err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new UnknownBoardError(boardId);
      }
      throw err;
    }
    return seqs;
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

  lastUpdateAt(boardId: string): number | undefined {
    return this.stmts.lastUpdateAt.get(boardId)?.at;
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

  deleteBoard(boardId: string): void {
    // The log and snapshots go with the board (ON DELETE CASCADE); so do the assets it owns.
    this.db.transaction(() => {
      this.stmts.deleteBoard.run(boardId);
      this.stmts.deleteAssetsOwnedBy.run(boardAssetOwner(boardId));
    })();
  }

  putAsset(asset: StoredAsset): void {
    this.stmts.putAsset.run(
      asset.assetId,
      asset.mimeType,
      Buffer.from(asset.bytes),
      asset.createdAt,
      asset.owner,
      asset.boardId,
    );
  }

  assetsOwnedBy(owner: string): Array<{ assetId: string; boardId: string | null }> {
    return this.stmts.assetsOwnedBy.all(owner).map((r) => ({ assetId: r.asset_id, boardId: r.board_id }));
  }

  deleteAssets(assetIds: readonly string[]): void {
    this.db.transaction(() => {
      for (const id of assetIds) this.stmts.deleteAsset.run(id);
    })();
  }

  getAsset(assetId: string): StoredAsset | undefined {
    const row = this.stmts.getAsset.get(assetId);
    return (
      row && {
        assetId: row.asset_id,
        mimeType: row.mime_type,
        bytes: new Uint8Array(row.bytes),
        createdAt: row.created_at,
        owner: row.owner,
        boardId: row.board_id,
      }
    );
  }

  compact(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    if (!this.db.open) return;
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
