/** A connection's hold on the budgets it shares with its key's other connections; `release` when it is gone. */
export interface BudgetLease<B> {
  readonly budgets: B;
  /** Gives the connection's place back; again is harmless. */
  release(): void;
}

/**
 * One set of budgets per key (a principal, a user on a board), shared by all of the key's connections, so
 * opening more connections buys nothing; at most `maxHolders` connections per key at once. The set is made
 * with the key's first connection and dropped with its last: no sweep, no timer, nothing held for a key with
 * no connection. (So closing every connection and opening new ones starts afresh, as one connection
 * reconnecting always did — each costs a whole handshake.)
 */
export class SharedBudgets<B> {
  private readonly held = new Map<string, { budgets: B; holders: number }>();

  constructor(private readonly create: () => B) {}

  /** Joins a connection to its key's budgets; null when the key already holds `maxHolders` connections. */
  join(key: string, maxHolders: number): BudgetLease<B> | null {
    let entry = this.held.get(key);
    if ((entry?.holders ?? 0) >= maxHolders) return null;
    if (!entry) {
      entry = { budgets: this.create(), holders: 0 };
      this.held.set(key, entry);
    }
    entry.holders++;
    const joined = entry;
    let released = false;
    return {
      budgets: joined.budgets,
      release: () => {
        if (released) return;
        released = true;
        if (--joined.holders === 0) this.held.delete(key);
      },
    };
  }

  /** The connections a key holds open. */
  holdersOf(key: string): number {
    return this.held.get(key)?.holders ?? 0;
  }

  /** Keys with at least one connection (everything held). */
  get size(): number {
    return this.held.size;
  }
}
