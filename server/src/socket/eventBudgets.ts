import type { EventBudget } from '@conjecture/shared';
import { TokenBucket } from '../boards/tokenBucket.js';

export type BudgetVerdict = 'allowed' | 'refused' | 'exhausted';

/**
 * One principal's budgets (shared by its sockets, see PrincipalBudgets): a token bucket per event (made on
 * first use, from the table declared with the events) and one for refusals. `take` says whether the event
 * may run, or — once more refusals were collected than the strike budget holds — that the socket sending it
 * should be disconnected. Time comes in, so tests need no clock.
 */
export class EventBudgets<E extends string> {
  private readonly buckets = new Map<E, TokenBucket>();
  private readonly strikes: TokenBucket;

  constructor(
    private readonly budgets: Readonly<Record<E, EventBudget>>,
    strikes: EventBudget,
    private readonly now: () => number,
  ) {
    this.strikes = new TokenBucket(strikes.perSecond, strikes.burst, now());
  }

  take(event: E): BudgetVerdict {
    const at = this.now();
    let bucket = this.buckets.get(event);
    if (!bucket) {
      const budget = this.budgets[event];
      bucket = new TokenBucket(budget.perSecond, budget.burst, at);
      this.buckets.set(event, bucket);
    }
    if (bucket.take(at)) return 'allowed';
    return this.strikes.take(at) ? 'refused' : 'exhausted';
  }

  /** Charges one refusal with no event to run (one the contract does not have): refused, or disconnect. */
  strike(): Exclude<BudgetVerdict, 'allowed'> {
    return this.strikes.take(this.now()) ? 'refused' : 'exhausted';
  }

  /** The sustained rate of an event, for the refusal's message. */
  perSecond(event: E): number {
    return this.budgets[event].perSecond;
  }
}
