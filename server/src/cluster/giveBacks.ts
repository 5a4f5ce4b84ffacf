import type { createClient } from 'redis';

/**
 * Give-backs waiting for Redis to return, at most; past it the oldest is dropped. A dropped one only
 * counts until its window ends (refusing more, never fewer), so the bound costs an address a place at
 * worst, while the memory of a process cut off from Redis for long stays small.
 */
export const MAX_WAITING_GIVE_BACKS = 10_000;

/**
 * A give-back is sent only up to this long before its window ends by this process's clock: one reaching
 * Redis after the window ended could land in a window the address began since, and free a place there
 * that was never taken in it.
 */
const WINDOW_END_MARGIN_MS = 5_000;

/**
 * Gives back up to `amount` of a fixed window's counter: never below zero, and never to a window that has
 * ended (its key is gone: DECRBY would make one at -1, without expiry, one place extra for ever). DECRBY
 * keeps the key's expiry.
 */
const GIVE_BACK = `
local n = tonumber(redis.call('GET', KEYS[1]))
if not n or n <= 0 then return 0 end
redis.call('DECRBY', KEYS[1], math.min(n, tonumber(ARGV[1])))
return 1`;

interface GiveBack {
  key: string;
  amount: number;
  /** By this process's clock: after it, the window may have ended, so nothing is given back. */
  until: number;
}

/**
 * Gives back what a fixed window's take counted for a request that made nothing. While Redis is out of
 * reach, give-backs wait here (in memory, bounded) and are sent in one round trip once the connection is
 * ready again, unless their window has ended meanwhile. One sent just as the connection is lost is not
 * sent again: it may have been counted already (it then counts until its window ends).
 */
export class GiveBacks {
  private pending: GiveBack[] = [];

  constructor(
    private readonly redis: ReturnType<typeof createClient>,
    private readonly now: () => number,
    private readonly maxWaiting = MAX_WAITING_GIVE_BACKS,
  ) {
    redis.on('ready', () => void this.retry());
  }

  /** Gives back `amount` of `key`'s window, which ends at `windowEndsAt` by this process's clock. */
  async giveBack(key: string, amount: number, windowEndsAt: number): Promise<void> {
    const giveBack = { key, amount, until: windowEndsAt - WINDOW_END_MARGIN_MS };
    if (this.now() >= giveBack.until) return;
    if (!this.redis.isReady) return this.keep(giveBack);
    await this.redis.eval(GIVE_BACK, { keys: [key], arguments: [String(amount)] }).catch(() => {});
  }

  private keep(giveBack: GiveBack): void {
    this.pending = this.stillDue();
    if (this.pending.length >= this.maxWaiting) this.pending.shift();
    this.pending.push(giveBack);
  }

  private async retry(): Promise<void> {
    const due = this.stillDue();
    this.pending = [];
    if (due.length === 0) return;
    const batch = this.redis.multi();
    for (const { key, amount } of due) batch.eval(GIVE_BACK, { keys: [key], arguments: [String(amount)] });
    await batch.exec().catch(() => {});
  }

  private stillDue(): GiveBack[] {
    const now = this.now();
    return this.pending.filter((giveBack) => now < giveBack.until);
  }
}
