import { SHARD_COUNT } from '@conjecture/shared';
import type { TalkMovesModel } from '@conjecture/shared';
import type { Config } from '../config.js';
import type { RunningServer } from '../createServer.js';
import { startServer } from '../createServer.js';
import { SchemaTakenError } from '../storage/postgres/postgresMirror.js';
import type { Logger } from '../util/logger.js';
import { Scheduler, type Cancel } from '../util/scheduler.js';
import type { ClusterDatabase } from './clusterDatabase.js';
import { admissionGates, type AdmissionGates } from '../http/classroomHandlers.js';

/** After another process was found holding a shard, answer "retry" without asking PostgreSQL again for this long. */
const REFUSAL_MEMORY_MS = 500;
/**
 * For this long after another process asked for a shard, a stray request here (not routed by the
 * shard) does not open it: the process the balancer routes it to opens it on its next request. Without
 * this, strays arriving between a handover and the new owner's next request would take it back.
 */
const WANTED_ELSEWHERE_MS = 10_000;

export interface ShardHostDeps {
  config: Config;
  cluster: ClusterDatabase;
  signingKey: Buffer;
  processId: string;
  /**
   * A shard another process wants is handed over once no new request the balancer routed here (by its
   * `?shard=`) has come for this long: the balancer now sends its requests there, and only this
   * process's old connections remain.
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
  /** Shards whose server has opened (and not closed since): what /healthz reports without waiting. */
  private readonly opened = new Set<number>();
  private readonly refusedUntil = new Map<number, number>();
  /** When the balancer last routed a new request for the shard here. */
  private readonly lastRouted = new Map<number, number>();
  /** When another process last said it is being routed the shard's requests. */
  private readonly lastWanted = new Map<number, number>();
  private readonly handoverChecks = new Map<number, Cancel>();
  private readonly scheduler = new Scheduler();
  private closed = false;
  /**
   * One client address's budget for the whole process, not per shard: with 64 shards it would be 64×.
   * (Across processes the budget is per process: sharing it needs Redis, not done yet — docs/scale-out.md.)
   */
  private readonly gates: AdmissionGates;

  constructor(private readonly deps: ShardHostDeps) {
    this.gates = admissionGates(deps.now, deps.config.MAX_CLASSES_PER_HOUR);
  }

  /**
   * Shards whose server is open here. Never waits for a shard being opened (loading may take seconds): the
   * balancer's health check asks this, and a slow answer would mark the process down and move its shards.
   */
  held(): number[] {
    return [...this.opened].sort((a, b) => a - b);
  }

  /**
   * The shard's server, opened if need be; null while another process holds it (or PostgreSQL is away).
   * `routed`: the balancer sent the request here by the shard (its `?shard=` names it). Only such requests
   * claim a shard from its holder or keep it here; a stray one (round robin, a direct call) does neither,
   * so it cannot pull a shard away from where the balancer sends it.
   */
  async acquire(shard: number, routed: boolean): Promise<RunningServer | null> {
    if (routed) this.lastRouted.set(shard, this.deps.now());
    const open = this.servers.get(shard);
    if (open) return open;
    if (this.closed || (this.refusedUntil.get(shard) ?? 0) > this.deps.now()) return null;
    if (!routed && this.deps.now() - (this.lastWanted.get(shard) ?? -Infinity) < WANTED_ELSEWHERE_MS)
      return null;
    const opening = this.open(shard);
    this.servers.set(shard, opening);
    const server = await opening;
    if (!server) {
      if (this.servers.get(shard) === opening) this.servers.delete(shard);
      this.refusedUntil.set(shard, this.deps.now() + REFUSAL_MEMORY_MS);
      if (routed) this.deps.cluster.want(shard, this.deps.processId).catch(() => {});
    } else if (this.servers.get(shard) === opening) this.opened.add(shard);
    return server;
  }

  /**
   * Another process is being routed this shard's requests: let it go once none are routed here for the
   * quiet period. Asked while requests still come here too, look again when that period would end — the
   * other process keeps asking as long as it is sent requests, so the shard follows the balancer even if
   * no new ask arrives at the right moment. Both still routed requests (an inconsistent balancer): the
   * shard stays where it is rather than passing back and forth.
   */
  wanted(shard: number, by: string): void {
    if (by === this.deps.processId || this.closed) return;
    this.lastWanted.set(shard, this.deps.now());
    if (!this.servers.has(shard)) return;
    this.considerHandover(shard, by);
  }

  private considerHandover(shard: number, by: string): void {
    const { now, handoverQuietMs } = this.deps;
    const quietFor = now() - (this.lastRouted.get(shard) ?? -Infinity);
    if (quietFor >= handoverQuietMs) return this.handOver(shard, by);
    if (this.handoverChecks.has(shard)) return;
    const check = this.scheduler.timeout(handoverQuietMs - quietFor, () => {
      this.handoverChecks.delete(shard);
      const stillWanted = now() - (this.lastWanted.get(shard) ?? -Infinity) < handoverQuietMs;
      if (stillWanted && this.servers.has(shard)) this.considerHandover(shard, by);
    });
    this.handoverChecks.set(shard, check);
  }

  private handOver(shard: number, by: string): void {
    const server = this.servers.get(shard);
    if (!server) return;
    this.servers.delete(shard);
    this.opened.delete(shard);
    // Not taken back at once by a stray request meanwhile: the new owner opens it first.
    this.refusedUntil.set(shard, this.deps.now() + this.deps.handoverQuietMs);
    void server.then(async (s) => {
      if (!s) return;
      this.deps.log.info('shard handed over', { shard, to: by });
      // Closing flushes, unlocks, and closes its connections (websockets with 4503, socket.io's
      // transports): their clients reconnect, and the balancer sends them to the new owner.
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
      const server = await this.acquire((start + i) % SHARD_COUNT, false);
      if (server) return server;
    }
    return null;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.scheduler.close();
    this.opened.clear();
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
        { log, taggerModel, shard: { shard, signingKey, gates: this.gates } },
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
      this.opened.delete(shard);
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
