import type pg from 'pg';

/**
 * PostgreSQL's own tables, numbered like every SQLite component's migrations. The data tables are not
 * here: they follow the stores' SQLite migrations (see postgresMirror.ts), whose versions are kept in the
 * mirrored `schema_migrations` table.
 */
const MIGRATIONS = [
  `
    CREATE TABLE conjecture_meta (key text PRIMARY KEY, value bytea NOT NULL);
    CREATE TABLE conjecture_sqlite_schema (ord integer PRIMARY KEY, type text NOT NULL, name text NOT NULL, sql text NOT NULL);
    CREATE TABLE conjecture_sqlite_sequence (name text PRIMARY KEY, seq bigint NOT NULL);
  `,
];

export async function migratePostgres(client: pg.ClientBase): Promise<void> {
  await client.query('CREATE TABLE IF NOT EXISTS conjecture_pg_migrations (version integer NOT NULL)');
  const { rows } = await client.query<{ version: number }>(
    'SELECT max(version) AS version FROM conjecture_pg_migrations',
  );
  const current = rows[0]?.version ?? 0;
  if (current > MIGRATIONS.length)
    throw new Error(
      `the PostgreSQL tables were written by a newer Conjecture (${current} > ${MIGRATIONS.length})`,
    );
  for (let v = current; v < MIGRATIONS.length; v++) {
    await client.query('BEGIN');
    try {
      await client.query(MIGRATIONS[v] as string);
      await client.query('INSERT INTO conjecture_pg_migrations (version) VALUES ($1)', [v + 1]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  }
}
