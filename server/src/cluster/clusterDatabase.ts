import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DatabaseUnavailableError } from '../storage/postgres/postgresMirror.js';
import { redactUrl } from '../util/redactUrl.js';
import { quote } from '../storage/postgres/mirrorSchema.js';
import { withPoolSchemaSetupLock } from '../storage/postgres/schemaSetupLock.js';

const CONNECT_TIMEOUT_MS = 5000;
const SIGNING_KEY_BYTES = 32;
/** Processes ask each other for shards on this channel (`<shard>:<process id>`). */
const WANTED_CHANNEL = 'conjecture_shard_wanted';

/** The schema DATABASE_URL selects (`options=-c search_path=…`), `public` by default. */
export function schemaOfUrl(url: string): string {
  const options = new URL(url).searchParams.get('options') ?? '';
  return /search_path=([A-Za-z0-9_]+)/.exec(options)?.[1] ?? 'public';
}

/** The URL of a shard's own schema beside DATABASE_URL's: `<base>_shard_07` (`conjecture_…` beside public). */
export function shardSchema(baseUrl: string, shard: number): string {
  const base = schemaOfUrl(baseUrl);
  return `${base === 'public' ? 'conjecture' : base}_shard_${String(shard).padStart(2, '0')}`;
}

export function urlOfSchema(baseUrl: string, schema: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/**
 * What every process of a cluster shares before it knows a request's class: the session-signing key (a
 * token signed by one process is checked by another after failover) and the shards' schemas. Kept in
 * DATABASE_URL's own schema; each shard's data is in a schema of its own (docs/scale-out.md).
 */
export class ClusterDatabase {
  private readonly wantedListeners = new Set<(shard: number, by: string) => void>();
  private listener: pg.Client | null = null;

  private constructor(
    private readonly pool: pg.Pool,
    readonly url: string,
  ) {}

  /** Connects (a clear error naming DATABASE_URL when PostgreSQL cannot be reached) and migrates. */
  static async open(url: string): Promise<ClusterDatabase> {
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    pool.on('error', () => {});
    try {
      await withPoolSchemaSetupLock(pool, (client) =>
        client.query(
          'CREATE TABLE IF NOT EXISTS conjecture_cluster_meta (key text PRIMARY KEY, value bytea NOT NULL)',
        ),
      );
    } catch (err) {
      await pool.end().catch(() => {});
      throw new DatabaseUnavailableError(
        `cannot reach PostgreSQL at DATABASE_URL (${redactUrl(url)}): ${(err as Error).message}`,
        { cause: err },
      );
    }
    return new ClusterDatabase(pool, url);
  }

  /** The one key every process signs sessions with, made by whichever process starts first. */
  async signingKey(): Promise<Buffer> {
    await this.pool.query(
      'INSERT INTO conjecture_cluster_meta (key, value) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      ['signing_key', randomBytes(SIGNING_KEY_BYTES)],
    );
    const { rows } = await this.pool.query<{ value: Buffer }>(
      'SELECT value FROM conjecture_cluster_meta WHERE key = $1',
      ['signing_key'],
    );
    return rows[0]!.value;
  }

  /** The URL of a shard's schema, created if this is its first use anywhere. */
  async shardUrl(shard: number): Promise<string> {
    const schema = shardSchema(this.url, shard);
    await withPoolSchemaSetupLock(this.pool, (client) =>
      client.query(`CREATE SCHEMA IF NOT EXISTS ${quote(schema)}`),
    );
    return urlOfSchema(this.url, schema);
  }

  /**
   * Tells the shard's holder that this process is being sent the shard's requests (the balancer's ring
   * changed: this process restarted, or joined). The holder hands it over once it gets no new requests.
   */
  async want(shard: number, by: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [WANTED_CHANNEL, `${shard}:${by}`]);
  }

  /** Calls `listener` when another process wants a shard; listening starts with the first call. */
  async onWanted(listener: (shard: number, by: string) => void): Promise<void> {
    this.wantedListeners.add(listener);
    if (this.listener) return;
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // Losing it only stops handovers (a restarted process waits for its shards' holders to go idle).
    client.on('error', () => {});
    client.on('notification', (n) => {
      const [shard, by] = (n.payload ?? '').split(':');
      if (shard === undefined || by === undefined) return;
      for (const l of this.wantedListeners) l(Number(shard), by);
    });
    this.listener = client;
    await client.connect();
    await client.query(`LISTEN ${WANTED_CHANNEL}`);
  }

  async close(): Promise<void> {
    await this.listener?.end().catch(() => {});
    await this.pool.end().catch(() => {});
  }
}
