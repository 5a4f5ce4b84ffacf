import type { Request, Response } from 'express';
import { fail, type Result } from '@conjecture/shared';
import { KeyedBudget } from '../boards/keyedBudget.js';

/**
 * What one client address may make per hour when making it needs no account and keeps it (classes, boards
 * outside a class): all at once if it likes, then one every 3600/perHour seconds. The address is the
 * forwarded one behind a trusted proxy (TRUST_PROXY), as for joins.
 */
export class HourlyBudget {
  private readonly budget: KeyedBudget;

  /** `made`: the past participle a refusal names them by ("classes created", "boards made"). */
  constructor(
    readonly perHour: number,
    private readonly made: string,
    now: () => number,
  ) {
    this.budget = new KeyedBudget(perHour / 3600, perHour, now);
  }

  /** Null when the caller may make one more (and it is counted); else the 429 to answer, Retry-After set. */
  refusal(req: Request, res: Response): Result<never> | null {
    if (this.budget.take(req.ip ?? 'unknown')) return null;
    res.set('Retry-After', String(this.budget.retryAfterSeconds()));
    return fail(
      'rate_limited',
      `too many ${this.made} from here (at most ${this.perHour} an hour); try again in a minute`,
    );
  }
}
