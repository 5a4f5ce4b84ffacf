import { SHARD_COUNT } from '@conjecture/shared';
import { SchemaTakenError } from '../storage/postgres/postgresMirror.js';
import type { Logger } from '../util/logger.js';
import { Scheduler, type Cancel, type TimerClock } from '../util/scheduler.js';
import type { ShardServer } from './shardServer.js';
import { ShardUse } from './shardUse.js';

/** After another process was found holding a shard, answer "retry" without asking PostgreSQL again for this long. */
const REFUSAL_MEMORY_MS = 500;
/**
 * For this long after another process asked for a shard, a stray request here (not routed by the
 * shard) does not open it: the process the balancer routes it to opens it on its next request. Without
 * this, strays arriving between a handover and the new owner's next request would take it back.
 */
const WANTED_ELSEWHERE_MS = 10_000;

export interface ShardHostDeps {
  /** Starts the shard's server, or throws SchemaTakenError while another process holds the shard. */
  startShard: (shard: number) => Promise<ShardServer>;
  /** Tells the shard's holder that the balancer routes its requests to this process now. */
  want: (shard: number, by: string) => Promise<void>;
  processId: string;
  /**
   * A shard another process wants is handed over once no new request the balancer routed here (by its
   * `?shard=`) has come for this long: the balancer now sends its requests there, and only this
   * process's old connections remain.
   */
  handoverQuietMs: number;
  /** A shard with nothing in progress and no use for this long is closed (0: never). */
  idleMs: number;
  log: Logger;
  now: () => number;
  /** The timers of the handover and idle checks (tests drive them by hand). */
  clock?: TimerClock;
}

/** A request or connection being served by a shard's server: the shard stays open until it is released. */
export interface Lease {
  server: ShardServer;
  /** The request has been answered, or the connection closed (calling it again does nothing). */
  release(): void;
}

/**
 * The shards this process serves. A shard is served by one whole server (the stores on their working
 * set, rooms, socket.io, the Yjs endpoint) on the shard's schema, opened on first use if this process can
 * take the schema's lock, and closed the moment the connection holding the lock is lost — then another
 * process may take it, and this one must not serve a copy it no longer owns. A shard nobody uses for
 * `idleMs` is closed too, releasing its lock, so a process holds only the shards in use.
 */
export class ShardHost {
  private readonly servers = new Map<number, Promise<ShardServer | null>>();
  /** Shards whose server has opened (and not closed since): what /healthz reports without waiting. */
  private readonly opened = new Map<number, ShardServer>();
  /** Shards whose idle server is closing: a request for one waits, then opens it again. */
  private readonly closing = new Map<number, Promise<void>>();
  private readonly use: ShardUse;
  private readonly refusedUntil = new Map<number, number>();
  /** When the balancer last routed a new request for the shard here. */
  private readonly lastRouted = new Map<number, number>();
  /** When another process last said it is being routed the shard's requests. */
  private readonly lastWanted = new Map<number, number>();
  private readonly handoverChecks = new Map<number, Cancel>();
  private readonly scheduler: Scheduler;
  private closed = false;

  constructor(private readonly deps: ShardHostDeps) {
    this.scheduler = new Scheduler(deps.clock);
    this.use = new ShardUse(deps.now);
  }

  /**
   * Shards whose server is open here. Never waits for a shard being opened (loading may take seconds): the
   * balancer's health check asks this, and a slow answer would mark the process down and move its shards.
   */
  held(): number[] {
    return [...this.opened.keys()].sort((a, b) => a - b);
  }

  /**
   * The shard's server, opened if need be, held open for the request until the lease is released; null
   * while another process holds the shard (or PostgreSQL is away). `routed`: the balancer sent the
   * request here by the shard (its `?shard=` names it). Only such requests claim a shard from its holder
   * or keep it here against a handover; a stray one (round robin, a direct call) does neither, so it
   * cannot pull a shard away from where the balancer sends it. `keepsOpen: false`: the request holds the
   * shard while it runs but does not count as its use (a request of no class).
   */
  async acquire(shard: number, routed: boolean, keepsOpen = true): Promise<Lease | null> {
    // Counted before anything is awaited: an idle check running meanwhile sees the shard in use.
    const release = this.use.begin(shard, keepsOpen);
    try {
      const server = await this.serverOf(shard, routed);
      if (server) return { server, release };
    } catch (err) {
      release();
      throw err;
    }
    release();
    return null;
  }

  private async serverOf(shard: number, routed: boolean): Promise<ShardServer | null> {
    if (routed) this.lastRouted.set(shard, this.deps.now());
    const open = this.servers.get(shard);
    if (open) return open;
    const closing = this.closing.get(shard);
    if (closing) {
      // Served after the reopen (or refused, if another process took the lock meanwhile).
      await closing;
      return this.serverOf(shard, routed);
    }
    if (this.closed || (this.refusedUntil.get(shard) ?? 0) > this.deps.now()) return null;
    if (!routed && this.deps.now() - (this.lastWanted.get(shard) ?? -Infinity) < WANTED_ELSEWHERE_MS)
      return null;
    const opening = this.open(shard);
    this.servers.set(shard, opening);
    const server = await opening;
    if (!server) {
      if (this.servers.get(shard) === opening) this.servers.delete(shard);
      this.refusedUntil.set(shard, this.deps.now() + REFUSAL_MEMORY_MS);
      if (routed) this.deps.want(shard, this.deps.processId).catch(() => {});
    } else if (this.servers.get(shard) === opening) {
      this.opened.set(shard, server);
      this.use.touch(shard);
      this.watchIdle(shard, server);
    }
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

  /**
   * For requests of no class (the app's files; a new class carries a random `?shard=`): a shard held here,
   * or the first one free. Such a request holds the shard while it runs, but does not keep it open.
   */
  async any(start: number): Promise<Lease | null> {
    for (const shard of [...this.servers.keys()]) {
      const lease = await this.acquire(shard, false, false);
      if (lease) return lease;
    }
    for (let i = 0; i < SHARD_COUNT; i++) {
      const lease = await this.acquire((start + i) % SHARD_COUNT, false, false);
      if (lease) return lease;
    }
    return null;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.scheduler.close();
    this.opened.clear();
    const servers = [...this.servers.values()];
    this.servers.clear();
    await Promise.all([...servers.map(async (s) => (await s)?.close()), ...this.closing.values()]);
  }

  /** Looks at the shard once it could have been idle long enough, and again as long as it is open. */
  private watchIdle(shard: number, server: ShardServer, delayMs = this.deps.idleMs): void {
    if (this.deps.idleMs === 0) return;
    this.scheduler.timeout(delayMs, () => {
      if (this.opened.get(shard) !== server) return; // handed over, lost or closed meanwhile
      const idleFor = this.use.idleFor(shard);
      if (idleFor < this.deps.idleMs) return this.watchIdle(shard, server, this.deps.idleMs - idleFor);
      void this.closeIdle(shard, server);
    });
  }

  /**
   * Closes an idle shard, releasing its lock: any process may take it on its next request. Only once
   * everything written so far is in PostgreSQL — otherwise it stays open (and is looked at again) — and
   * only if still idle after that flush: nothing can begin meanwhile unseen, as requests count themselves
   * in use before they look for the shard's server.
   */
  private async closeIdle(shard: number, server: ShardServer): Promise<void> {
    const { idleMs, log } = this.deps;
    try {
      await server.durable?.();
    } catch (err) {
      log.error('an idle shard could not be flushed: kept open', { shard, error: (err as Error).message });
      return this.watchIdle(shard, server);
    }
    if (this.opened.get(shard) !== server) return;
    const idleFor = this.use.idleFor(shard);
    if (idleFor < idleMs) return this.watchIdle(shard, server, idleMs - idleFor);
    this.servers.delete(shard);
    this.opened.delete(shard);
    const closed = server.close().then(
      () => log.info('shard closed: idle', { shard, idleForMs: idleFor }),
      (err: Error) => log.error('closing an idle shard failed', { shard, error: err.message }),
    );
    this.closing.set(shard, closed);
    await closed;
    if (this.closing.get(shard) === closed) this.closing.delete(shard);
  }

  private async open(shard: number): Promise<ShardServer | null> {
    const { startShard, log } = this.deps;
    try {
      const server = await startShard(shard);
      log.info('shard taken', { shard });
      void server.lockLost?.then(() => this.lose(shard, server));
      return server;
    } catch (err) {
      if (!(err instanceof SchemaTakenError))
        log.error('could not open a shard', { shard, error: (err as Error).message });
      return null;
    }
  }

  private lose(shard: number, server: ShardServer): void {
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
