import type { z } from 'zod';
import type { Result } from '@conjecture/shared';
import { fail, invalidMessage, toIssues } from '@conjecture/shared';
import type { Logger } from '../util/logger.js';
import type { EventBudgets } from './eventBudgets.js';

export type Handler<S extends z.ZodType, T> = (payload: z.infer<S>) => Result<T> | Promise<Result<T>>;

export interface HandleOptions<E extends string> {
  log: Logger;
  /** The budgets the socket spends (its principal's, shared by its sockets); without them nothing is limited. */
  budgets?: EventBudgets<E>;
  /** The socket kept going over its budgets after being told (the strikes ran out): disconnect it. */
  onExhausted?: () => void;
  /** Resolves once everything written so far is durable (PostgreSQL storage): acks wait for it. */
  durable?: () => Promise<void>;
}

/**
 * The one door every socket.io event goes through: the event is charged to the budget the socket spends,
 * its principal's (over it, the answer is `rate_limited` and nothing else runs — not even parsing), the
 * payload is parsed with its
 * schema (a failure is answered with `bad_request` and the schema's issues, and the handler never sees
 * it), and anything the handler throws is caught and answered with `internal`. An event sent without an
 * acknowledgement callback is still charged, validated and run; there is just nobody to answer.
 */
export function handle<S extends z.ZodType, T, E extends string>(
  event: E,
  schema: S,
  handler: Handler<S, T>,
  { log, budgets, onExhausted, durable }: HandleOptions<E>,
) {
  return async (payload: unknown, ack?: unknown): Promise<void> => {
    const reply = typeof ack === 'function' ? (ack as (r: Result<T>) => void) : () => {};
    const verdict = budgets?.take(event) ?? 'allowed';
    if (verdict !== 'allowed') {
      const limit = `at most ${budgets?.perSecond(event) ?? 0} ${event} a second`;
      if (verdict === 'refused') {
        reply(fail('rate_limited', `too many ${event} requests (${limit}): wait a moment and try again`));
        return;
      }
      log.info('disconnecting a socket that kept exceeding its event budget', { event });
      reply(fail('rate_limited', `too many requests after being told to slow down (${limit}): disconnected`));
      onExhausted?.();
      return;
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      reply(fail('bad_request', invalidMessage(`${event} payload`, issues), issues));
      return;
    }
    // With PostgreSQL storage: while it is out of reach the event is refused before it changes anything,
    // and the ack waits until what the handler wrote is committed. (SQLite: both are durable at once.)
    if (durable) {
      try {
        await durable();
      } catch {
        reply(fail('unavailable', 'storage is unavailable: nothing was changed, try again shortly'));
        return;
      }
    }
    let result: Result<T>;
    try {
      result = await handler(parsed.data);
    } catch (err) {
      log.error('socket handler threw', { event, error: (err as Error).message });
      reply(fail('internal', `${event} failed on the server`));
      return;
    }
    if (durable) {
      try {
        await durable();
      } catch (err) {
        log.error('storage did not confirm a write', { event, error: (err as Error).message });
        reply(fail('unavailable', 'storage did not confirm the change: try again shortly'));
        return;
      }
    }
    reply(result);
  };
}
