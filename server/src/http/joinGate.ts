import { TokenBucket } from '../boards/tokenBucket.js';
import { FailureLimiter } from './failureLimiter.js';

export interface JoinGateOptions {
  /** Wrong codes an address may send in `windowMs` before it is limited. */
  maxFailures: number;
  windowMs: number;
  /** While limited, how many attempts for classes the address has not got into are still checked. */
  limitedChecks: { perSecond: number; burst: number };
  now: () => number;
}

/**
 * Who may try a join code, per client address. A school's whole class shares one address behind its NAT, so
 * one student's typos (or a script) must not lock the class out, while a guesser must not get an oracle:
 *
 * - only wrong codes are counted; past `maxFailures` in the window the address is *limited*;
 * - a limited address still gets into every class it already got into in the window (its other students
 *   and their rejoins; a valid session token is never gated at all — see the route);
 * - for any other code a limited address gets `limitedChecks` more checks (a class arriving at once after
 *   a typo storm, then one every few seconds); past those, it is refused *without* checking the code, so
 *   the answer says nothing about whether the code was right.
 *
 * A guesser from one address thus tries at most `maxFailures` codes per window plus the slow allowance,
 * and learns nothing from refusals; a correct code from a class behind the same address gets in.
 */
export class JoinGate {
  private readonly failures: FailureLimiter;
  private readonly allowance = new Map<string, TokenBucket>();
  /** address → class → until when that address counts as already in that class. */
  private readonly admitted = new Map<string, Map<string, number>>();

  constructor(private readonly options: JoinGateOptions) {
    this.failures = new FailureLimiter(options.maxFailures, options.windowMs, options.now);
  }

  /**
   * Whether an attempt may be checked at all. `classId` is the class the code names (looked up first), or
   * undefined for a wrong code. A limited address spends its allowance on anything but a class it is in.
   */
  mayCheck(address: string, classId: string | undefined): boolean {
    if (!this.failures.isBlocked(address)) {
      this.allowance.delete(address);
      return true;
    }
    if (classId !== undefined && this.isAdmitted(address, classId)) return true;
    const now = this.options.now();
    let bucket = this.allowance.get(address);
    if (!bucket) {
      if (this.allowance.size > 100_000) this.sweep();
      const { perSecond, burst } = this.options.limitedChecks;
      bucket = new TokenBucket(perSecond, burst, now);
      this.allowance.set(address, bucket);
    }
    return bucket.take(now);
  }

  /** Whether the address is past its wrong-code limit (its wrong codes are answered 429). */
  isLimited(address: string): boolean {
    return this.failures.isBlocked(address);
  }

  wrongCode(address: string): void {
    this.failures.recordFailure(address);
  }

  joined(address: string, classId: string): void {
    let classes = this.admitted.get(address);
    if (!classes) {
      if (this.admitted.size > 100_000) this.sweep();
      classes = new Map();
      this.admitted.set(address, classes);
    }
    classes.set(classId, this.options.now() + this.options.windowMs);
  }

  retryAfterSeconds(address: string): number {
    return Math.max(1, this.failures.retryAfterSeconds(address));
  }

  private isAdmitted(address: string, classId: string): boolean {
    const until = this.admitted.get(address)?.get(classId);
    return until !== undefined && until > this.options.now();
  }

  private sweep(): void {
    const now = this.options.now();
    for (const [address, classes] of this.admitted) {
      for (const [classId, until] of classes) if (until <= now) classes.delete(classId);
      if (classes.size === 0) this.admitted.delete(address);
    }
    for (const address of this.allowance.keys())
      if (!this.failures.isBlocked(address)) this.allowance.delete(address);
  }
}
