import { describe, expect, expectTypeOf, it } from 'vitest';
import { clientEventBudgets, clientEvents, clientEventSchemas, type ClientToServerEvents } from './events.js';
import type { Result } from './result.js';

describe('the client events table', () => {
  it('gives every event a payload schema, an ack schema and a budget', () => {
    for (const [name, spec] of Object.entries(clientEvents)) {
      expect(clientEventSchemas[name as keyof typeof clientEvents]).toBe(spec.payload);
      expect(clientEventBudgets[name as keyof typeof clientEvents]).toBe(spec.budget);
      expect(spec.budget.perSecond).toBeGreaterThan(0);
      expect(spec.budget.burst).toBeGreaterThanOrEqual(1);
    }
  });

  it('types the acknowledgements: a handler answering the wrong value does not compile (checked by tsc)', () => {
    type WatchAck = Parameters<ClientToServerEvents['watchBoard']>[1];
    expectTypeOf<WatchAck>().parameter(0).toEqualTypeOf<Result<{ boardId: string; stateVector: string }>>();
    const ack: WatchAck = () => {};
    // @ts-expect-error the watchBoard ack carries a state vector, not null
    ack({ ok: true, value: null });
    type PostAck = Parameters<ClientToServerEvents['postCritique']>[1];
    const post: PostAck = () => {};
    // @ts-expect-error a posted critique answers with its thread and reply ids
    post({ ok: true, value: { threadId: 'critique:1' } });
    expect(typeof ack).toBe('function');
  });
});
