import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export const DATABASE_FILE = 'conjecture.sqlite';

/**
 * Pages the WAL grows to before a commit copies it into the database file (SQLite's default is 1,000). A
 * checkpoint copies each page once however many commits rewrote it, and syncs both files: every board's
 * update rewrites the same few pages (the log's last leaf, the board's index leaf), so fewer, larger
 * checkpoints cost less per commit (one-update commits on 200 boards: 34 → 27 µs of CPU). The WAL file may
 * reach about 16 MB; a commit is as durable either way (it is in the WAL when it returns).
 */
export const WAL_CHECKPOINT_PAGES = 4_000;

export interface OpenDatabaseOptions {
  /** `NORMAL` survives a crash of the process (the WAL is in the OS's hands); `FULL` also power loss. */
  synchronous?: 'NORMAL' | 'FULL';
}

/**
 * Opens the embedded database (WAL mode) — `:memory:` for a throwaway one — and fails with a message that
 * names the file when it is not a database we can use.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // One process owns the file: its locks are taken once and kept, not taken and dropped around every
    // transaction (a few system calls each, a fifth of a one-update commit), and WAL mode needs no shared
    // memory index. Set before the first read, as SQLite requires; a second process is refused as busy.
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    db.pragma('foreign_keys = ON');
    // Deleted rows are overwritten, not just unlinked: "delete the class" must really remove its content.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (component TEXT PRIMARY KEY, version INTEGER NOT NULL)',
    );
  } catch (err) {
    db.close();
    throw new Error(`cannot open the database ${file}: ${(err as Error).message}`, { cause: err });
  }
  return db;
}

/**
 * Brings one component's tables up to date. Each component (boards, classroom…) numbers its own
 * migrations, so stores sharing a database file evolve independently.
 */
export function migrate(db: Database.Database, component: string, migrations: readonly string[]): void {
  const row = db.prepare('SELECT version FROM schema_migrations WHERE component = ?').get(component) as
    { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > migrations.length) {
    throw new Error(
      `${component} tables were written by a newer Conjecture (${current} > ${migrations.length})`,
    );
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v] as string);
      db.prepare(
        'INSERT INTO schema_migrations (component, version) VALUES (?, ?) ON CONFLICT(component) DO UPDATE SET version = excluded.version',
      ).run(component, v + 1);
    })();
  }
}
