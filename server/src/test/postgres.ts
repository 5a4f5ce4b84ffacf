import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe } from 'vitest';
import { PostgresMirror } from '../storage/postgres/postgresMirror.js';

/**
 * PostgreSQL for tests: `TEST_DATABASE_URL` names a database the tests may create schemas in
 * (scripts/test-all.sh starts a throwaway cluster and sets it). Without it the PostgreSQL suites are
 * skipped, and their names say so.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

const SKIPPED = ' (skipped: set TEST_DATABASE_URL to run against PostgreSQL)';
export const describePostgres = (name: string, body: () => void) =>
  describe.skipIf(!TEST_DATABASE_URL)(TEST_DATABASE_URL ? name : name + SKIPPED, body);

const schemas: string[] = [];
afterAll(async () => {
  if (!TEST_DATABASE_URL || schemas.length === 0) return;
  const client = new pg.Client(TEST_DATABASE_URL);
  await client.connect();
  for (const s of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await client.end();
});

/** A DATABASE_URL on an empty schema of its own (dropped after the file's tests). */
export async function freshDatabaseUrl(): Promise<string> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client(TEST_DATABASE_URL);
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  schemas.push(schema);
  const url = new URL(TEST_DATABASE_URL as string);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Opens a mirror on `url` with the stores `make` builds on its working set, attached and ready. */
export async function openMirrored<S>(
  url: string,
  make: (db: Database.Database) => S,
): Promise<{ mirror: PostgresMirror; stores: S }> {
  const mirror = await PostgresMirror.open({ url });
  try {
    const stores = make(mirror.db);
    await mirror.attach();
    return { mirror, stores };
  } catch (err) {
    await mirror.close();
    mirror.db.close();
    throw err;
  }
}
