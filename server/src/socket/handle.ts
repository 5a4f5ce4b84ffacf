import type { z } from 'zod';
import type { Result } from '@conjecture/shared';
import { fail, toIssues } from '@conjecture/shared';
import type { Logger } from '../util/logger.js';

export type Handler<S extends z.ZodType, T> = (payload: z.infer<S>) => Result<T> | Promise<Result<T>>;

/**
 * The one door every socket.io event goes through: the payload is parsed with its schema (a failure is
 * answered with `bad_request` and the schema's issues, and the handler never sees it), and anything the
 * handler throws is caught and answered with `internal`. An event sent without an acknowledgement callback
 * is still validated and run; there is just nobody to answer.
 */
export function handle<S extends z.ZodType, T>(
  event: string,
  schema: S,
  handler: Handler<S, T>,
  log: Logger,
) {
  return async (payload: unknown, ack?: unknown): Promise<void> => {
    const reply = typeof ack === 'function' ? (ack as (r: Result<T>) => void) : () => {};
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      reply(fail('bad_request', `invalid ${event} payload`, toIssues(parsed.error)));
      return;
    }
    try {
      reply(await handler(parsed.data));
    } catch (err) {
      log.error('socket handler threw', { event, error: (err as Error).message });
      reply(fail('internal', `${event} failed on the server`));
    }
  };
}
