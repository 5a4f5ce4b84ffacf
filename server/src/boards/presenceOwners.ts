/**
 * Away ids kept per user: a page that reloads publishes under a new id, so a few cover a student's tabs and
 * reloads; her own churn forgets her oldest, never a classmate's.
 */
export const MAX_AWAY_IDS_PER_USER = 8;
/**
 * Away ids kept on a board over all users, a bound on memory only: a class's roster cannot reach it at
 * MAX_AWAY_IDS_PER_USER each, and on a board outside any class a user id is whatever the client claims, so
 * there a classmate's id was never protected by it.
 */
export const MAX_AWAY_IDS = 1024;

/**
 * Who may publish presence under an awareness client id on one board. Every presence is relayed with its id,
 * so classmates learn it; and a page keeps its id over a reconnect (a dropped Wi-Fi), and takes a newer state
 * for that id as its own. So an id stays its user's while her connection is away — bounded — and a classmate
 * who publishes under it is ignored: otherwise he would take her place on every board, hers included, and
 * her presence would never show again.
 */
export class PresenceOwners<Peer> {
  /** Ids a connection publishes under now: that connection's alone. */
  private readonly live = new Map<number, Peer>();
  /** Ids whose connection left, still their user's; oldest first. */
  private readonly away = new Map<number, string>();

  /** Whether `peer`, a connection of `userId`, may publish under `clientId`. */
  mayPublish(clientId: number, peer: Peer, userId: string): boolean {
    const holder = this.live.get(clientId);
    if (holder !== undefined) return holder === peer;
    const owner = this.away.get(clientId);
    return owner === undefined || owner === userId;
  }

  /** The ids that stay `userId`'s while she is away, oldest first. */
  awayOf(userId: string): number[] {
    const hers: number[] = [];
    for (const [id, owner] of this.away) if (owner === userId) hers.push(id);
    return hers;
  }

  /** `peer` publishes under `clientId` (checked with `mayPublish`). */
  claim(clientId: number, peer: Peer): void {
    this.away.delete(clientId);
    this.live.set(clientId, peer);
  }

  /** `userId`'s connection left: its ids stay hers, the newest of them within the bounds. */
  release(clientIds: Iterable<number>, userId: string): void {
    for (const id of clientIds) {
      this.live.delete(id);
      this.away.delete(id); // set again below: the newest last
      this.away.set(id, userId);
    }
    let hers = 0;
    for (const owner of this.away.values()) if (owner === userId) hers += 1;
    for (const [id, owner] of this.away) {
      if (hers <= MAX_AWAY_IDS_PER_USER) break;
      if (owner !== userId) continue;
      this.away.delete(id);
      hers -= 1;
    }
    for (const id of this.away.keys()) {
      if (this.away.size <= MAX_AWAY_IDS) break;
      this.away.delete(id);
    }
  }
}
