import { SHARD_COUNT } from '@conjecture/shared';
import type { TalkMovesModel } from '@conjecture/shared';
import type { Config } from '../config.js';
import type { RunningServer } from '../createServer.js';
import { startServer } from '../createServer.js';
import { SchemaTakenError } from '../storage/postgres/postgresMirror.js';
import type { Logger } from '../util/logger.js';
import type { ClusterDatabase } from './clusterDatabase.js';

/** After another process was found holding a shard, answer "retry" without asking PostgreSQL again for this long. */
const REFUSAL_MEMORY_MS = 500;

export interface ShardHostDeps {
  config: Config;
  cluster: ClusterDatabase;
  signingKey: Buffer;
  processId: string;
  /**
   * A shard another process wants is handed over once no new request for it has come here for this
   * long: the balancer now sends its requests there, and only this process's old connections remain.
   */
  handoverQuietMs: number;
  taggerModel: TalkMovesModel | null;
  log: Logger;
  now: () => number;
}

/**
 * The shards this process serves. A shard is served by one whole server (the stores on their working
 * set, rooms, socket.io, the Yjs endpoint) on the shard's schema, opened on first use if this process can
 * take the schema's lock, and closed the moment the connection holding the lock is lost — then another
 * process may take it, and this one must not serve a copy it no longer owns.
 */
export class ShardHost {
  private readonly servers = new Map<number, Promise<RunningServer | null>>();
  private readonly refusedUntil = new Map<number, number>();
  private readonly lastAsked = new Map<number, number>();
  private closed = false;

  constructor(private readonly deps: ShardHostDeps) {}

  /** Shards whose server is open here. */
  async held(): Promise<number[]> {
    const entries = await Promise.all(
      [...this.servers].map(async ([shard, server]) => ((await server) ? shard : null)),
    );
    return entries.filter((s): s is number => s !== null).sort((a, b) => a - b);
  }

  /** The shard's server, opened if need be; null while another process holds it (or PostgreSQL is away). */
  async acquire(shard: number): Promise<RunningServer | null> {
    this.lastAsked.set(shard, this.deps.now());
    const open = this.servers.get(shard);
    if (open) return open;
    if (this.closed || (this.refusedUntil.get(shard) ?? 0) > this.deps.now()) return null;
    const opening = this.open(shard);
    this.servers.set(shard, opening);
    const server = await opening;
    if (!server) {
      if (this.servers.get(shard) === opening) this.servers.delete(shard);
      this.refusedUntil.set(shard, this.deps.now() + REFUSAL_MEMORY_MS);
      this.deps.cluster.want(shard, this.deps.processId).catch(() => {});
    }
    return server;
  }

  /** Another process is being sent this shard's requests: let it go if none have come here lately. */
  wanted(shard: number, by: string): void {
    if (by === this.deps.processId || this.closed) return;
    const quietFor = this.deps.now() - (this.lastAsked.get(shard) ?? 0);
    if (quietFor < this.deps.handoverQuietMs) return;
    const server = this.servers.get(shard);
    if (!server) return;
    this.servers.delete(shard);
    void server.then(async (s) => {
      if (!s) return;
      this.deps.log.info('shard handed over', { shard, to: by });
      // Closing flushes, unlocks, and closes its connections: their clients reconnect to the new owner.
      await s.close();
    });
  }

  /** For requests of no class (the app's files, a new class): a shard held here, or the first one free. */
  async any(start: number): Promise<RunningServer | null> {
    for (const server of this.servers.values()) {
      const s = await server;
      if (s) return s;
    }
    for (let i = 0; i < SHARD_COUNT; i++) {
      const server = await this.acquire((start + i) % SHARD_COUNT);
      if (server) return server;
    }
    return null;
  }

  async close(): Promise<void> {
    this.closed = true;
    const servers = [...this.servers.values()];
    this.servers.clear();
    await Promise.all(servers.map(async (s) => (await s)?.close()));
  }

  private async open(shard: number): Promise<RunningServer | null> {
    const { config, cluster, signingKey, taggerModel, log } = this.deps;
    try {
      const server = await startServer(
        {
          ...config,
          CLUSTER: false,
          DATABASE_URL: await cluster.shardUrl(shard),
          PORT: 0,
          HOST: '127.0.0.1',
          // One more proxy in front of the shard's server: this process's router.
          TRUST_PROXY: innerTrustProxy(config.TRUST_PROXY),
        },
        { log, taggerModel, shard: { shard, signingKey } },
      );
      log.info('shard taken', { shard });
      void server.lockLost?.then(() => this.lose(shard, server));
      return server;
    } catch (err) {
      if (!(err instanceof SchemaTakenError))
        log.error('could not open a shard', { shard, error: (err as Error).message });
      return null;
    }
  }

  private lose(shard: number, server: RunningServer): void {
    if (this.closed) return;
    void this.servers.get(shard)?.then((current) => {
      if (current !== server) return;
      this.servers.delete(shard);
      this.deps.log.error('lost the lock of a shard: closing it', { shard });
      void server.close();
    });
  }
}

function innerTrustProxy(outer: Config['TRUST_PROXY']): Config['TRUST_PROXY'] {
  if (outer === false) return 1;
  if (typeof outer === 'number') return outer + 1;
  return `${outer}, loopback`;
}
