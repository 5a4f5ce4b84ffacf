import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Result } from '@conjecture/shared';
import { clientEventBudgets, clientEventSchemas, ok, RATE_LIMIT_STRIKES } from '@conjecture/shared';
import { silentLogger } from '../util/logger.js';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { connectClient, geoShape, startTestServer, synced, waitFor } from '../test/testServer.js';
import { EventBudgets } from './eventBudgets.js';
import { handle } from './handle.js';

/** A clock the test moves by hand. */
const manualClock = (start = 1_000_000) => {
  const clock = { at: start, now: () => clock.at };
  return clock;
};

describe('event budgets in handle()', () => {
  const schema = z.object({ n: z.number() }).strict();

  it('runs a burst, then answers rate_limited without running the handler, and refills with time', async () => {
    const clock = manualClock();
    const budgets = new EventBudgets(
      { count: { perSecond: 2, burst: 3 } },
      { perSecond: 1, burst: 10 },
      clock.now,
    );
    let runs = 0;
    const run = handle('count', schema, () => ok(++runs), { log: silentLogger, budgets });
    const acks: Array<Result<number>> = [];
    for (let i = 0; i < 4; i++) await run({ n: i }, (r: Result<number>) => acks.push(r));
    expect(runs).toBe(3);
    expect(acks[3]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(acks[3]?.ok === false && acks[3].error.message).toMatch(/at most 2 count a second/);

    clock.at += 500; // one token back at 2 a second
    await run({ n: 9 }, (r: Result<number>) => acks.push(r));
    expect(acks[4]).toEqual({ ok: true, value: 4 });
  });

  it('charges a payload that fails its schema too: parsing is work', async () => {
    const clock = manualClock();
    const budgets = new EventBudgets(
      { count: { perSecond: 1, burst: 1 } },
      { perSecond: 1, burst: 10 },
      clock.now,
    );
    const run = handle('count', schema, () => ok(1), { log: silentLogger, budgets });
    const acks: Array<Result<number>> = [];
    await run('garbage', (r: Result<number>) => acks.push(r));
    await run({ n: 1 }, (r: Result<number>) => acks.push(r));
    expect(acks.map((a) => !a.ok && a.error.code)).toEqual(['bad_request', 'rate_limited']);
  });

  it('gives up on a socket that keeps going over after being told', async () => {
    const clock = manualClock();
    const budgets = new EventBudgets(
      { count: { perSecond: 1, burst: 1 } },
      { perSecond: 1, burst: 3 },
      clock.now,
    );
    let exhausted = 0;
    const run = handle('count', schema, () => ok(1), {
      log: silentLogger,
      budgets,
      onExhausted: () => exhausted++,
    });
    const codes: string[] = [];
    for (let i = 0; i < 5; i++)
      await run({ n: i }, (r: Result<number>) => codes.push(r.ok ? 'ok' : r.error.code));
    // one allowed, three refusals absorbed by the strikes, then the fifth exhausts them
    expect(codes).toEqual(['ok', 'rate_limited', 'rate_limited', 'rate_limited', 'rate_limited']);
    expect(exhausted).toBe(1);
  });
});

describe('every socket.io event has a budget, enforced per socket', () => {
  it('declares a budget beside every event schema', () => {
    expect(Object.keys(clientEventBudgets).sort()).toEqual(Object.keys(clientEventSchemas).sort());
    for (const budget of Object.values(clientEventBudgets)) {
      expect(budget.perSecond).toBeGreaterThan(0);
      expect(budget.burst).toBeGreaterThanOrEqual(1);
    }
  });

  it('answers rate_limited on every event once its burst is spent (the clock stands still)', async () => {
    const clock = manualClock();
    const server = await startTestServer({}, { now: clock.now });
    const socket = socketFor(server, {});
    for (const [event, budget] of Object.entries(clientEventBudgets)) {
      // A payload that fails its schema still costs a token: the burst is spent without side effects.
      const codes: string[] = [];
      for (let i = 0; i <= budget.burst; i++) {
        const ack = await emitRaw(socket, event, { not: 'a payload' });
        codes.push(ack.ok ? 'ok' : ack.error.code);
      }
      expect({ event, codes: codes.slice(0, -1) }).toEqual({
        event,
        codes: codes.slice(0, -1).map(() => 'bad_request'),
      });
      expect({ event, last: codes.at(-1) }).toEqual({ event, last: 'rate_limited' });
    }
    // Budgets are per socket: a second connection starts with its own.
    const other = socketFor(server, {});
    expect(await emitRaw(other, 'watchBoard', { not: 'a payload' })).toMatchObject({
      error: { code: 'bad_request' },
    });
  });

  it('stops a critique flood at the burst and disconnects a client that ignores rate_limited', async () => {
    const clock = manualClock();
    const server = await startTestServer({}, { now: clock.now });
    const { ana, g1 } = await classWithGroupOfTwo(server);
    const board = connectClient(server, g1.boardId, { token: ana.token });
    await synced(board);
    board.records.set('shape:claim', geoShape('shape:claim'));
    await waitFor(() => server.rooms.get(g1.boardId)?.records.get('shape:claim'), 'the shape on the server');

    const socket = socketFor(server, { token: ana.token });
    const disconnected = new Promise<string>((resolve) => socket.on('disconnect', resolve));
    const post = () =>
      emitRaw(socket, 'postCritique', {
        boardId: g1.boardId,
        shapeId: 'shape:claim',
        stance: 'question',
        text: 'x'.repeat(1000),
      });
    const burst = clientEventBudgets.postCritique.burst;
    for (let i = 0; i < burst; i++) expect(await post()).toMatchObject({ ok: true });
    const refused = await post();
    expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const replies = () =>
      (server.rooms.get(g1.boardId)?.records.get('critique:claim') as { replies: unknown[] }).replies.length;
    expect(replies()).toBe(burst);

    // It keeps going: the strikes run out and the server hangs up.
    for (let i = 1; i < RATE_LIMIT_STRIKES.burst + 1; i++) await post();
    expect(await disconnected).toBe('io server disconnect');
    expect(replies()).toBe(burst);
  });
});
