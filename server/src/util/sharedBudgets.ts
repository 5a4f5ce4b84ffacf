/** A connection's hold on the budgets it shares with its key's other connections; `release` when it is gone. */
export interface BudgetLease<B> {
  readonly budgets: B;
  /** Gives the connection's place back; again is harmless. */
  release(): void;
}

/**
 * How long a key's budgets outlive its last connection, and the clock that says when: long enough for every
 * budget in the set to have refilled, so dropping them then loses nothing a fresh set would not give.
 */
export interface BudgetRest {
  ms: number;
  now: () => number;
}

/**
 * One set of budgets per key (a principal, a user on a board), shared by all of the key's connections, so
 * opening more connections buys nothing; at most `maxHolders` connections per key at once. The set is made
 * with the key's first connection. Without `rest` it is dropped with the last (so closing every connection
 * and opening new ones starts afresh, as one connection reconnecting always did). With `rest` it is kept for
 * `rest.ms` after the last closes and a connection within that time takes it up again: a script that spends
 * its burst, hangs up and connects again gets no new burst. No timer: kept sets past their time are
 * dropped at the next join or release, oldest first, so only keys that closed within `rest.ms` are kept.
 */
export class SharedBudgets<B> {
  private readonly held = new Map<string, { budgets: B; holders: number }>();
  /** Sets whose key has no connection, and until when they are kept (in the order their keys left). */
  private readonly resting = new Map<string, { budgets: B; until: number }>();

  constructor(
    private readonly create: () => B,
    private readonly rest?: BudgetRest,
  ) {}

  /** Joins a connection to its key's budgets; null when the key already holds `maxHolders` connections. */
  join(key: string, maxHolders: number): BudgetLease<B> | null {
    let entry = this.held.get(key);
    if ((entry?.holders ?? 0) >= maxHolders) return null;
    this.dropRested();
    if (!entry) {
      const kept = this.resting.get(key);
      this.resting.delete(key);
      entry = { budgets: kept ? kept.budgets : this.create(), holders: 0 };
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
        if (--joined.holders > 0) return;
        this.held.delete(key);
        if (!this.rest) return;
        this.dropRested();
        this.resting.set(key, { budgets: joined.budgets, until: this.rest.now() + this.rest.ms });
      },
    };
  }

  /** The connections a key holds open. */
  holdersOf(key: string): number {
    return this.held.get(key)?.holders ?? 0;
  }

  /** Keys with at least one connection. */
  get size(): number {
    return this.held.size;
  }

  /** Keys with no connection whose budgets are still kept (see `rest`). */
  get restingSize(): number {
    return this.resting.size;
  }

  private dropRested(): void {
    if (!this.rest) return;
    const now = this.rest.now();
    for (const [key, kept] of this.resting) {
      if (kept.until > now) break;
      this.resting.delete(key);
    }
  }
}
