import type Database from 'better-sqlite3';

/**
 * How the working set's SQLite tables look in PostgreSQL. Each mirrored table keeps its SQLite columns
 * (types by SQLite's affinity rules) plus `_rowid`, the SQLite rowid, as its primary key: rows are
 * written and deleted by rowid, and constraints are enforced once, by SQLite in the working set.
 */

/** The journal and SQLite's own tables are not data. */
export const JOURNAL_TABLE = '_journal';
export const isMirrored = (table: string) => table !== JOURNAL_TABLE && !table.startsWith('sqlite_');

export interface MirroredTable {
  name: string;
  columns: string[];
}

/** An entry of SQLite's schema (a table or index), replayed in order when a working set is loaded. */
export interface SchemaEntry {
  type: 'table' | 'index';
  name: string;
  sql: string;
}

/** PostgreSQL's version of an SQLite declared type, following SQLite's affinity rules (§3.1 of its docs). */
export function pgTypeOf(declared: string): string {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'bigint';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'text';
  if (t === '' || t.includes('BLOB')) return 'bytea';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'double precision';
  return 'numeric';
}

export const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** The tables and indexes the stores' migrations made, in the order they were made. */
export function schemaOf(db: Database.Database): SchemaEntry[] {
  return db
    .prepare<[], SchemaEntry>(
      `SELECT type, name, sql FROM sqlite_master
        WHERE type IN ('table', 'index') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
        ORDER BY rowid`,
    )
    .all()
    .filter((e) => e.name !== JOURNAL_TABLE);
}

export function tablesOf(db: Database.Database): MirroredTable[] {
  return schemaOf(db)
    .filter((e) => e.type === 'table' && isMirrored(e.name))
    .map((e) => ({
      name: e.name,
      columns: db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info(${sqlString(e.name)})`)
        .all()
        .map((c) => c.name),
    }));
}

export function createTableSql(db: Database.Database, table: string): string {
  const columns = db
    .prepare<[], { name: string; type: string }>(
      `SELECT name, type FROM pragma_table_info(${sqlString(table)})`,
    )
    .all()
    .map((c) => `${quote(c.name)} ${pgTypeOf(c.type)}`);
  return `CREATE TABLE ${quote(table)} (_rowid bigint PRIMARY KEY, ${columns.join(', ')})`;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Every write to a mirrored table leaves the row's rowid in the journal and tells JS (the flush is due). */
export function installJournal(db: Database.Database, tables: readonly MirroredTable[]): void {
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${JOURNAL_TABLE} (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, rid INTEGER NOT NULL)`,
  );
  const note = (table: string, row: 'NEW' | 'OLD') =>
    `INSERT INTO ${JOURNAL_TABLE} (tbl, rid) VALUES (${sqlString(table)}, ${row}.rowid);`;
  for (const { name } of tables) {
    const q = quote(name);
    db.exec(`
      CREATE TRIGGER IF NOT EXISTS ${quote(`_journal_ins_${name}`)} AFTER INSERT ON ${q}
        BEGIN ${note(name, 'NEW')} SELECT journal_written(); END;
      CREATE TRIGGER IF NOT EXISTS ${quote(`_journal_upd_${name}`)} AFTER UPDATE ON ${q}
        BEGIN ${note(name, 'OLD')} ${note(name, 'NEW')} SELECT journal_written(); END;
      CREATE TRIGGER IF NOT EXISTS ${quote(`_journal_del_${name}`)} AFTER DELETE ON ${q}
        BEGIN ${note(name, 'OLD')} SELECT journal_written(); END;
    `);
  }
}
