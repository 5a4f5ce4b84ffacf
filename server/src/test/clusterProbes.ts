import pg from 'pg';
import { shardSchema } from '../cluster/clusterDatabase.js';

/** The shards a cluster process holds now, by its own /healthz. */
export const shardsOf = async (process: { url: string }): Promise<number[]> =>
  ((await (await fetch(`${process.url}/healthz`)).json()) as { shards: number[] }).shards;

/**
 * Whether some session holds the shard's advisory lock, read from `pg_locks` without touching the lock
 * (the key is the one `PostgresMirror` takes: `hashtext('conjecture:' || <shard schema>)`, a bigint split
 * into classid and objid).
 */
export async function shardLockHeld(databaseUrl: string, shard: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ held: boolean }>(
      `WITH k AS (SELECT hashtext('conjecture:' || $1::text)::bigint AS key)
       SELECT count(*) > 0 AS held FROM pg_locks, k
       WHERE locktype = 'advisory' AND granted AND objsubid = 1
         AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND classid = ((key >> 32) & 4294967295)::oid AND objid = (key & 4294967295)::oid`,
      [shardSchema(databaseUrl, shard)],
    );
    return rows[0]?.held ?? false;
  } finally {
    await client.end();
  }
}

/** Polls an asynchronous fact until it holds (no fixed sleeps); a hang guard after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
