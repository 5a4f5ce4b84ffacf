import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Result } from '@conjecture/shared';
import { clientEventBudgets, clientEventSchemas, ok, RATE_LIMIT_STRIKES } from '@conjecture/shared';
import { silentLogger } from '../util/logger.js';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import type { ClientSocket } from '../test/sockets.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { connectClient, geoShape, startTestServer, synced, waitFor } from '../test/testServer.js';
import { EventBudgets } from './eventBudgets.js';
import { handle } from './handle.js';
import { MAX_SOCKETS_PER_PRINCIPAL } from './principalBudgets.js';

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

describe('every socket.io event has a budget, enforced per principal', () => {
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
    // A client of no class has no principal to share with: a second connection starts with its own.
    const other = socketFor(server, {});
    expect(await emitRaw(other, 'watchBoard', { not: 'a payload' })).toMatchObject({
      error: { code: 'bad_request' },
    });
  });

  it('gives all sockets of one student together the budget of one, and each student their own', async () => {
    const clock = manualClock(); // it stands still: nothing refills
    const server = await startTestServer({}, { now: clock.now });
    const { ana, ben } = await classWithGroupOfTwo(server);
    const sockets = Array.from({ length: 4 }, () => socketFor(server, { token: ana.token }));
    const { burst } = clientEventBudgets.raiseHand;
    // Round robin over the sockets, each ack awaited on its own socket: 4 sockets, still one burst.
    const codes: string[] = [];
    for (let i = 0; i < 2 * burst; i++) {
      const ack = await emitRaw(sockets[i % sockets.length] as ClientSocket, 'raiseHand', { raised: true });
      codes.push(ack.ok ? 'ok' : ack.error.code);
    }
    expect(codes.filter((c) => c === 'ok')).toHaveLength(burst);
    expect(codes.slice(burst)).toEqual(Array.from({ length: burst }, () => 'rate_limited'));
    // A new socket of the same student finds the budget spent; a classmate's is untouched.
    expect(
      await emitRaw(socketFor(server, { token: ana.token }), 'raiseHand', { raised: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
    const benSocket = socketFor(server, { token: ben.token });
    for (let i = 0; i < burst; i++)
      expect(await emitRaw(benSocket, 'raiseHand', { raised: true })).toMatchObject({ ok: true });
  });

  it('disconnects only the socket that ran out the strikes; its siblings share them from then on', async () => {
    const clock = manualClock();
    const server = await startTestServer({}, { now: clock.now });
    const { ana } = await classWithGroupOfTwo(server);
    const [script, tab] = [socketFor(server, { token: ana.token }), socketFor(server, { token: ana.token })];
    const gone = (socket: ClientSocket) =>
      new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const scriptGone = gone(script);
    const raise = (socket: ClientSocket) => emitRaw(socket, 'raiseHand', { raised: true });
    for (let i = 0; i < clientEventBudgets.raiseHand.burst + RATE_LIMIT_STRIKES.burst + 1; i++)
      await raise(script);
    expect(await scriptGone).toBe('io server disconnect');
    // The other tab is still served (another event's budget)…
    expect(await emitRaw(tab, 'unwatchBoard', { boardId: 'abcdefgh' })).toMatchObject({ ok: true });
    // …but the strikes are spent: its first event over budget disconnects it too.
    const tabGone = gone(tab);
    expect(await raise(tab)).toMatchObject({ ok: false, error: { message: /disconnected/ } });
    expect(await tabGone).toBe('io server disconnect');
  });

  it(`refuses a student's socket past ${MAX_SOCKETS_PER_PRINCIPAL.student} with a message to show`, async () => {
    const server = await startTestServer();
    const { ana, ben } = await classWithGroupOfTwo(server);
    const connected = (socket: ClientSocket) =>
      new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (err: Error & { data?: { code?: string } }) =>
          resolve(`${err.data?.code}: ${err.message}`),
        );
      });
    const max = MAX_SOCKETS_PER_PRINCIPAL.student;
    const open = Array.from({ length: max }, () => socketFor(server, { token: ana.token }));
    expect(await Promise.all(open.map(connected))).toEqual(open.map(() => 'connected'));
    const extra = await connected(socketFor(server, { token: ana.token }));
    expect(extra).toMatch(/^rate_limited: too many connections/);
    expect(extra).toMatch(/close another tab/);
    // Only Ana's sockets are counted.
    expect(await connected(socketFor(server, { token: ben.token }))).toBe('connected');
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
    // Each reply its own words: the same words again are one reply, not a flood (CritiqueService).
    let sent = 0;
    const post = () =>
      emitRaw(socket, 'postCritique', {
        boardId: g1.boardId,
        shapeId: 'shape:claim',
        stance: 'question',
        text: `${sent++} ${'x'.repeat(990)}`,
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

  it('keeps a student’s spent budget after her last socket closes: reconnecting buys no new burst', async () => {
    const clock = manualClock(); // it stands still: nothing refills
    const server = await startTestServer({}, { now: clock.now });
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const board = connectClient(server, g1.boardId, { token: ana.token });
    await synced(board);
    board.records.set('shape:claim', geoShape('shape:claim'));
    await waitFor(() => server.rooms.get(g1.boardId)?.records.get('shape:claim'), 'the shape on the server');
    const anaId = ana.identity.studentId;
    const online = () => server.classroom.classState(teacher.classId)?.online ?? [];
    let sent = 0;
    const post = (socket: ClientSocket) =>
      emitRaw(socket, 'postCritique', {
        boardId: g1.boardId,
        shapeId: 'shape:claim',
        stance: 'question',
        text: `${sent++} ${'x'.repeat(990)}`,
      });
    const { burst } = clientEventBudgets.postCritique;
    // A script spends the burst, hangs up, and connects again (each socket its only one) — over and over.
    const codes: string[] = [];
    for (let round = 0; round < 3; round++) {
      const socket = socketFor(server, { token: ana.token });
      for (let i = 0; i < burst; i++) {
        const ack = await post(socket);
        codes.push(ack.ok ? 'ok' : ack.error.code);
      }
      socket.disconnect();
      await waitFor(() => !online().includes(anaId), 'the server to see the socket gone');
    }
    expect(codes.filter((c) => c === 'ok')).toHaveLength(burst);
    const replies = (server.rooms.get(g1.boardId)?.records.get('critique:claim') as { replies: unknown[] })
      .replies.length;
    expect(replies).toBe(burst);
  });
});
