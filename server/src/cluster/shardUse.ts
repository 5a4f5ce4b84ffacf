/**
 * What "idle" means for a shard: the requests and connections (socket.io, board websockets) of it in
 * progress, and when the last of them began or ended. Counted by the router from the moment a request
 * asks for the shard — before its server is even found — so nothing can close a server a request is
 * about to be handed to.
 */
export class ShardUse {
  private readonly inProgress = new Map<number, number>();
  private readonly lastUsed = new Map<number, number>();

  constructor(private readonly now: () => number) {}

  /**
   * A request or connection of the shard begins; the returned function ends it (calling it again does
   * nothing). `keepsOpen: false` (a request of no class, served by whichever shard is open) holds the shard
   * while it runs but does not count as its use.
   */
  begin(shard: number, keepsOpen = true): () => void {
    this.inProgress.set(shard, (this.inProgress.get(shard) ?? 0) + 1);
    if (keepsOpen) this.touch(shard);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const left = (this.inProgress.get(shard) ?? 1) - 1;
      if (left > 0) this.inProgress.set(shard, left);
      else this.inProgress.delete(shard);
      if (keepsOpen) this.touch(shard);
    };
  }

  /** The shard counts as used now (e.g. it has just opened). */
  touch(shard: number): void {
    this.lastUsed.set(shard, this.now());
  }

  /** How long the shard has had nothing in progress and no use: 0 while something is in progress. */
  idleFor(shard: number): number {
    if (this.inProgress.has(shard)) return 0;
    return this.now() - (this.lastUsed.get(shard) ?? -Infinity);
  }
}
