import type pg from 'pg';

/**
 * One fixed advisory-lock key for every CREATE … IF NOT EXISTS and migration of any schema: PostgreSQL's
 * IF NOT EXISTS is not safe against a concurrent creator (two processes starting at once on a fresh
 * database fail with a duplicate key in `pg_type`), so schema setup is done by one session at a time.
 */
const SCHEMA_SETUP_LOCK = "hashtext('conjecture:schema-setup')";

/** Runs `setup` on `client` while holding the cluster-wide schema-setup lock (a session lock: `setup` may use transactions). */
export async function withSchemaSetupLock<T>(client: pg.ClientBase, setup: () => Promise<T>): Promise<T> {
  await client.query(`SELECT pg_advisory_lock(${SCHEMA_SETUP_LOCK})`);
  try {
    return await setup();
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${SCHEMA_SETUP_LOCK})`).catch(() => {});
  }
}

/** The same on a connection of `pool`, held for the setup only. */
export async function withPoolSchemaSetupLock<T>(
  pool: pg.Pool,
  setup: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    return await withSchemaSetupLock(client, () => setup(client));
  } finally {
    client.release();
  }
}
