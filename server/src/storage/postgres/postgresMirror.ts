import type Database from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../database.js';
import type { MirroredTable, SchemaEntry } from './mirrorSchema.js';
import { createTableSql, installJournal, JOURNAL_TABLE, quote, schemaOf, tablesOf } from './mirrorSchema.js';
import { migratePostgres } from './pgMigrations.js';
import { withSchemaSetupLock } from './schemaSetupLock.js';
import { redactUrl } from '../../util/redactUrl.js';

/** PostgreSQL refuses statements with more parameters than this. */
const MAX_PARAMS = 60_000;
const CONNECT_TIMEOUT_MS = 5000;
/** One process per database (per schema): until classes are partitioned, two working sets would clash. */
const LOCK_KEY = "hashtext('conjecture:' || current_schema())";
const LOCK_WAIT_MS = 3000;

export class DatabaseUnavailableError extends Error {}
/** Another process holds the lock of this schema (scale-out: it owns the shard). */
export class SchemaTakenError extends Error {}

export interface MirrorOptions {
  /** A libpq connection string (`postgres://user@host:port/db`); `options=-c search_path=…` selects a schema. */
  url: string;
  /**
   * Scale-out: give up at once when another process holds the schema's lock (SchemaTakenError) instead of
   * waiting for a process that may have just died. Its owner answers; this one tells the client to retry.
   */
  tryLock?: boolean;
}

/**
 * The PostgreSQL storage: the stores keep their synchronous SQLite implementations, on an in-memory
 * database (the working set), and every row they write is journaled (by triggers) and copied to
 * PostgreSQL in batches. `flushed()` resolves once everything written so far is committed there; the
 * async edges (REST replies, socket acks, Yjs relays) wait for it, so nothing acknowledged or relayed is
 * unstored. At start the working set is loaded from PostgreSQL: its schema as the migrations left it, then
 * its rows, then the stores' migrations run on top (see docs/postgres.md).
 */
export class PostgresMirror {
  private tables = new Map<string, MirroredTable>();
  private durableSeq = 0;
  private waiters: Array<{ seq: number; resolve: () => void; reject: (err: Error) => void }> = [];
  private running = false;
  private again = false;
  private closed = false;
  /** False from a failed flush until one succeeds: the edges refuse new writes meanwhile. */
  private reachable = true;
  /** Journaling starts at attach(); before it nothing was written that PostgreSQL lacks. */
  private attached = false;
  /** Resolves when the connection holding the lock is gone: the schema may be someone else's now. */
  readonly lockLost: Promise<void>;

  private constructor(
    readonly db: Database.Database,
    private readonly pool: pg.Pool,
    private readonly lock: pg.PoolClient,
    private readonly loadedSchema: SchemaEntry[],
  ) {
    this.lockLost = new Promise((resolve) => {
      lock.once('end', () => resolve());
      lock.once('error', () => resolve());
    });
  }

  /**
   * Connects, takes the database for this process (one process per database until classes are
   * partitioned), migrates PostgreSQL's own tables and loads the working set. The caller then opens its
   * stores on `db` and calls `attach()`.
   */
  static async open(options: MirrorOptions): Promise<PostgresMirror> {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 2,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // bigint columns hold times and sequence numbers, all well inside a double.
      types: { getTypeParser: (oid, format) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) },
    });
    // A dropped connection is not fatal (nor an 'error' event with no listener, which would end the
    // process): losing PostgreSQL surfaces through the flushes, and the next one connects anew.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    let lock: pg.PoolClient;
    try {
      lock = await pool.connect();
    } catch (err) {
      await pool.end().catch(() => {});
      throw new DatabaseUnavailableError(
        `cannot reach PostgreSQL at DATABASE_URL (${redactUrl(options.url)}): ${(err as Error).message}`,
        { cause: err },
      );
    }
    try {
      // Waits a little: a process that just died may still hold the lock until PostgreSQL notices.
      if (options.tryLock) {
        const { rows } = await lock.query<{ taken: boolean }>(
          `SELECT pg_try_advisory_lock(${LOCK_KEY}) AS taken`,
        );
        if (!rows[0]?.taken) throw new SchemaTakenError('another Conjecture process holds this schema');
      } else {
        await lock.query(`SET lock_timeout = ${LOCK_WAIT_MS}`);
        await lock.query(`SELECT pg_advisory_lock(${LOCK_KEY})`).catch((err: Error) => {
          throw new Error(`another Conjecture process is using DATABASE_URL (${redactUrl(options.url)})`, {
            cause: err,
          });
        });
        await lock.query('SET lock_timeout = 0');
      }
      await withSchemaSetupLock(lock, () => migratePostgres(lock));
      const db = openDatabase(':memory:');
      // A REPLACE that deletes a row must fire the delete trigger, or PostgreSQL would keep the old rowid.
      db.pragma('recursive_triggers = ON');
      const schema = await load(lock, db);
      return new PostgresMirror(db, pool, lock, schema);
    } catch (err) {
      lock.release();
      await pool.end().catch(() => {});
      throw err;
    }
  }

  /**
   * Starts journaling, after the stores' migrations ran on the loaded working set. If they changed the
   * schema (a first start, an upgrade), PostgreSQL's tables are rewritten from the working set at once.
   */
  async attach(): Promise<void> {
    const schema = schemaOf(this.db);
    if (JSON.stringify(schema) !== JSON.stringify(this.loadedSchema)) await this.rewrite(schema);
    for (const t of tablesOf(this.db)) this.tables.set(t.name, t);
    this.db.function('journal_written', () => {
      queueMicrotask(() => this.kick());
      return null;
    });
    installJournal(this.db, [...this.tables.values()]);
    this.attached = true;
  }

  /** A value kept in PostgreSQL beside the data (e.g. the session-signing key), made once. */
  async secret(key: string, make: () => Buffer): Promise<Buffer> {
    await this.lock.query('INSERT INTO conjecture_meta (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      key,
      make(),
    ]);
    const { rows } = await this.lock.query<{ value: Buffer }>(
      'SELECT value FROM conjecture_meta WHERE key = $1',
      [key],
    );
    return rows[0]!.value;
  }

  /** Resolves once everything written to the working set so far is committed in PostgreSQL. */
  flushed(): Promise<void> {
    if (this.closed || !this.db.open)
      return Promise.reject(new DatabaseUnavailableError('storage is closed'));
    if (!this.attached) return Promise.resolve();
    const seq = this.journalHead();
    // While PostgreSQL is out of reach, every call is also a probe: it resolves once PostgreSQL answers.
    if (seq <= this.durableSeq && this.reachable) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ seq, resolve, reject });
      this.kick();
    });
  }

  /** Flushes what is left and disconnects; the working set (`db`) stays open for its stores to close. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushed().catch(() => {});
    this.closed = true;
    // Unlocked at once, so a process started next need not wait for this session's end to be noticed.
    await this.lock.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`).catch(() => {});
    this.lock.release();
    await this.pool.end().catch(() => {});
  }

  private journalHead(): number {
    const row = this.db
      .prepare<[], { seq: number | null }>(`SELECT max(seq) AS seq FROM ${JOURNAL_TABLE}`)
      .get();
    return row?.seq ?? this.durableSeq;
  }

  private kick(): void {
    if (this.closed || !this.db.open) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.drain();
  }

  /** One flush at a time; writes made meanwhile go in the next one. */
  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.flushOnce();
      } while (this.again && this.db.open);
    } catch (err) {
      // The journal keeps the rows: the next write or flushed() tries again.
      const error = new DatabaseUnavailableError(
        `PostgreSQL did not store the change: ${(err as Error).message}`,
        {
          cause: err,
        },
      );
      this.reachable = false;
      for (const w of this.waiters.splice(0)) w.reject(error);
    } finally {
      this.running = false;
    }
  }

  private async flushOnce(): Promise<void> {
    const journal = this.db
      .prepare<[], { seq: number; tbl: string; rid: number }>(
        `SELECT seq, tbl, rid FROM ${JOURNAL_TABLE} ORDER BY seq`,
      )
      .all();
    if (journal.length === 0) {
      if (!this.reachable) await this.pool.query('SELECT 1');
      return this.settle(this.durableSeq);
    }
    const upTo = (journal.at(-1) as { seq: number }).seq;
    const touched = new Map<string, Set<number>>();
    for (const j of journal) {
      if (!touched.has(j.tbl)) touched.set(j.tbl, new Set());
      touched.get(j.tbl)!.add(j.rid);
    }
    // The rows as they are now (later changes are journaled again and flushed next time).
    const writes = [...touched].map(([name, rids]) => {
      const table = this.tables.get(name)!;
      const read = this.db.prepare(`SELECT rowid AS _rowid, * FROM ${quote(name)} WHERE rowid = ?`).raw();
      const present: unknown[][] = [];
      const gone: number[] = [];
      for (const rid of rids) {
        const row = read.get(rid) as unknown[] | undefined;
        if (row) present.push(row.slice(0, table.columns.length + 1));
        else gone.push(rid);
      }
      return { table, present, gone };
    });
    const sequences = sequencesOf(this.db);

    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const { table, present, gone } of writes) {
        if (gone.length > 0)
          await client.query(`DELETE FROM ${quote(table.name)} WHERE _rowid = ANY($1::bigint[])`, [gone]);
        for (const chunk of chunks(present, Math.floor(MAX_PARAMS / (table.columns.length + 1))))
          await client.query(upsertSql(table, chunk.length), chunk.flat());
      }
      await storeSequences(client, sequences);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
    if (this.db.open) this.db.prepare(`DELETE FROM ${JOURNAL_TABLE} WHERE seq <= ?`).run(upTo);
    this.settle(upTo);
  }

  private settle(upTo: number): void {
    this.reachable = true;
    this.durableSeq = Math.max(this.durableSeq, upTo);
    const due = this.waiters.filter((w) => w.seq <= this.durableSeq);
    this.waiters = this.waiters.filter((w) => w.seq > this.durableSeq);

    for (const w of due) w.resolve();
    if (this.waiters.length > 0) this.again = true;
  }

  /** Replaces PostgreSQL's data tables with the working set's, in one transaction. */
  private async rewrite(schema: SchemaEntry[]): Promise<void> {
    const client = this.lock;
    await client.query('BEGIN');
    try {
      for (const old of this.loadedSchema.filter((e) => e.type === 'table'))
        await client.query(`DROP TABLE IF EXISTS ${quote(old.name)}`);
      await client.query('DELETE FROM conjecture_sqlite_schema');
      for (const [ord, e] of schema.entries())
        await client.query(
          'INSERT INTO conjecture_sqlite_schema (ord, type, name, sql) VALUES ($1, $2, $3, $4)',
          [ord, e.type, e.name, e.sql],
        );
      for (const table of tablesOf(this.db)) {
        await client.query(createTableSql(this.db, table.name));
        const rows = this.db
          .prepare(`SELECT rowid AS _rowid, * FROM ${quote(table.name)}`)
          .raw()
          .all() as unknown[][];
        for (const chunk of chunks(rows, Math.floor(MAX_PARAMS / (table.columns.length + 1))))
          await client.query(upsertSql(table, chunk.length), chunk.flat());
      }
      // A migration may have dropped a table's AUTOINCREMENT (its counter is gone from sqlite_sequence):
      // the counters kept are the working set's, not the union with the old ones.
      await client.query('DELETE FROM conjecture_sqlite_sequence');
      await storeSequences(client, sequencesOf(this.db));
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  }
}

/** Rebuilds the working set from PostgreSQL: schema first, then rows with their rowids. */
async function load(client: pg.ClientBase, db: Database.Database): Promise<SchemaEntry[]> {
  const { rows: schema } = await client.query<SchemaEntry>(
    'SELECT type, name, sql FROM conjecture_sqlite_schema ORDER BY ord',
  );
  const existing = new Set(schemaOf(db).map((e) => e.name));
  for (const e of schema) if (!existing.has(e.name)) db.exec(e.sql);
  db.pragma('foreign_keys = OFF');
  try {
    for (const table of tablesOf(db)) {
      if (!schema.some((e) => e.name === table.name)) continue;
      const { rows } = await client.query({
        text: `SELECT _rowid, ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} ORDER BY _rowid`,
        rowMode: 'array',
      });
      const insert = db.prepare(
        `INSERT OR REPLACE INTO ${quote(table.name)} (rowid, ${table.columns.map(quote).join(', ')}) VALUES (${[
          '?',
          ...table.columns.map(() => '?'),
        ].join(', ')})`,
      );
      db.transaction(() => {
        for (const row of rows as unknown[][]) insert.run(...row);
      })();
    }
    const { rows: sequences } = await client.query<{ name: string; seq: number }>(
      'SELECT name, seq FROM conjecture_sqlite_sequence',
    );
    // sqlite_sequence exists only while some table has AUTOINCREMENT (the rewrite keeps no other counters).
    for (const s of hasSequenceTable(db) ? sequences : []) {
      db.prepare('DELETE FROM sqlite_sequence WHERE name = ?').run(s.name);
      db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(s.name, s.seq);
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return schema;
}

const hasSequenceTable = (db: Database.Database) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'").get() !==
  undefined;

/** SQLite's AUTOINCREMENT counters of the mirrored tables (the journal's own is not data). */
const sequencesOf = (db: Database.Database) =>
  hasSequenceTable(db)
    ? db
        .prepare<[], { name: string; seq: number }>('SELECT name, seq FROM sqlite_sequence')
        .all()
        .filter((s) => s.name !== JOURNAL_TABLE)
    : [];

async function storeSequences(
  client: pg.ClientBase,
  sequences: ReadonlyArray<{ name: string; seq: number }>,
): Promise<void> {
  for (const s of sequences)
    await client.query(
      'INSERT INTO conjecture_sqlite_sequence (name, seq) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET seq = excluded.seq',
      [s.name, s.seq],
    );
}

function upsertSql(table: MirroredTable, rowCount: number): string {
  const columns = ['_rowid', ...table.columns];
  const values = Array.from(
    { length: rowCount },
    (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
  );
  const updates = table.columns.map((c) => `${quote(c)} = excluded.${quote(c)}`);
  return `INSERT INTO ${quote(table.name)} (${columns.map(quote).join(', ')}) VALUES ${values.join(', ')}
    ON CONFLICT (_rowid) DO ${updates.length > 0 ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
