import type { Request } from 'express';
import { ADDRESS_BUDGET_FACTOR, type EventBudget, type RouteName } from '@conjecture/shared';
import { KeyedBudget } from '../boards/keyedBudget.js';
import type { ClassroomService } from '../classroom/classroomService.js';
import { credentialsOfHeaders, principalOf } from '../auth/credentials.js';
import { principalKey } from '../socket/principalBudgets.js';

/** Who pays for a call: a principal (as its sockets do), or — with no valid credential — the address. */
export type Payer = { kind: 'principal' | 'address'; key: string };

/**
 * The principal behind a request's credentials (a teacher's cookie is named by the class in the path, or
 * the board's class), else its address. Read before the body, so an over-budget call costs no parsing.
 */
export function payerOf(req: Request, classroom: ClassroomService): Payer {
  const params = req.params as Record<string, string | undefined>;
  const classId = params.classId ?? (params.boardId ? classroom.classOfBoard(params.boardId) : undefined);
  const principal = principalOf(classroom, credentialsOfHeaders(req.headers), classId ?? undefined);
  return principal
    ? { kind: 'principal', key: principalKey(principal) }
    : { kind: 'address', key: req.ip ?? 'unknown' };
}

export type BudgetRefusal = { retryAfterSeconds: number; message: string };

/**
 * Every route's budget from the contract, a token bucket per route and payer. Per process: in a cluster a
 * class's calls all reach its shard's process, so a principal's budget is whole; an address's is per process
 * (one for all of a process's shards: AdmissionGates), so it gets it once per process of the cluster — by
 * decision, not shared through Redis: it guards each process's CPU (docs/scale-out.md, Redis).
 */
export class RouteBudgets {
  private readonly buckets = new Map<string, { bucket: KeyedBudget; budget: EventBudget }>();

  constructor(private readonly now: () => number) {}

  /** Takes one call from the payer's budget for the route; a refusal says when to come back, in words. */
  take(route: RouteName, declared: EventBudget, payer: Payer): BudgetRefusal | null {
    const { bucket, budget } = this.bucketOf(route, declared, payer.kind);
    if (bucket.take(payer.key)) return null;
    const retryAfterSeconds = bucket.retryAfterSeconds();
    return { retryAfterSeconds, message: refusalSentence(budget, retryAfterSeconds) };
  }

  private bucketOf(route: RouteName, declared: EventBudget, kind: Payer['kind']) {
    const id = `${kind}:${route}`;
    let held = this.buckets.get(id);
    if (!held) {
      const factor = kind === 'address' ? ADDRESS_BUDGET_FACTOR : 1;
      const budget = { perSecond: declared.perSecond * factor, burst: declared.burst * factor };
      held = { bucket: new KeyedBudget(budget.perSecond, budget.burst, this.now), budget };
      this.buckets.set(id, held);
    }
    return held;
  }
}

const seconds = (n: number) => (n === 1 ? 'a second' : `${n} seconds`);

/** "This was asked for too often: …" with the budget and the wait, for a person to read. */
export function refusalSentence(budget: EventBudget, retryAfterSeconds: number): string {
  const pace =
    budget.perSecond >= 1
      ? `${budget.perSecond} a second`
      : `one every ${seconds(Math.round(1 / budget.perSecond))}`;
  return (
    `This was asked for too often (${budget.burst} in a row, then ${pace}): ` +
    `nothing was done; try again in ${seconds(retryAfterSeconds)}.`
  );
}
