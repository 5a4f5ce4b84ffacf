import { describe, expect, it } from 'vitest';
import type { Result } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { rawRoundTrip } from '../test/roundTrip.js';
import {
  emitRaw,
  socketFor,
  socketWithoutClass,
  verdictOn,
  type ClientSocket,
  type Refusal,
} from '../test/sockets.js';
import { createBoard, rawSocket, startTestServer } from '../test/testServer.js';
import { MAX_WATCHES_WITHOUT_CLASS } from './socketServer.js';

/** Opens sockets without a class until `count` are connected. */
async function openConnected(server: RunningServer, count: number, headers: Record<string, string> = {}) {
  const open = Array.from({ length: count }, () => socketWithoutClass(server, headers));
  for (const socket of open) expect(await verdictOn(socket)).toBe('connected');
  return open;
}

const watch = (socket: ClientSocket, boardId: string) => emitRaw<unknown>(socket, 'watchBoard', { boardId });

describe('socket.io connections without a class credential', () => {
  it('are capped per client address; past it the handshake is refused as rate_limited', async () => {
    const server = await startTestServer({ MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS: '2' });
    // A forged X-Forwarded-For is ignored without TRUST_PROXY: each of these is 127.0.0.1.
    await openConnected(server, 2, { 'x-forwarded-for': '198.51.100.1' });
    const refused = await verdictOn(socketWithoutClass(server, { 'x-forwarded-for': '198.51.100.2' }));
    expect(refused).not.toBe('connected');
    expect((refused as Refusal).data?.code).toBe('rate_limited');
    expect((refused as Refusal).message).toMatch(/at most 2/);

    // A class's sockets on the same address are not counted: their principal is a session the server issued.
    const { teacher, ana } = await classWithGroupOfTwo(server);
    expect(await verdictOn(socketFor(server, { token: ana.token }))).toBe('connected');
    expect(await verdictOn(socketFor(server, { classId: teacher.classId }, teacher.cookie))).toBe(
      'connected',
    );
  });

  it('give their place back when they close', async () => {
    const server = await startTestServer({ MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS: '1' });
    const [first] = await openConnected(server, 1);
    first?.disconnect();
    // The server sees the close in its own time: the next handshake is accepted once it has.
    for (;;) {
      const next = socketWithoutClass(server);
      const verdict = await verdictOn(next);
      if (verdict === 'connected') break;
      expect(verdict.data?.code).toBe('rate_limited');
    }
  });

  it('admit a refused socket when it connects again once a place is free: the page need not reload', async () => {
    // The standalone board page keeps its refused socket and calls connect() again (BoardSocketLink).
    const server = await startTestServer({ MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS: '1' });
    const [first] = await openConnected(server, 1);
    const waiting = socketWithoutClass(server);
    expect(((await verdictOn(waiting)) as Refusal).data?.code).toBe('rate_limited');
    expect(waiting.active).toBe(false); // socket.io gives up by itself: the retry is the page's
    first?.disconnect();
    for (;;) {
      const verdict = verdictOn(waiting);
      waiting.connect();
      if ((await verdict) === 'connected') break;
    }
    expect(waiting.connected).toBe(true);
  });

  it('are counted by the address a trusted proxy names (TRUST_PROXY), as board websockets are', async () => {
    const server = await startTestServer({ MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS: '2', TRUST_PROXY: '1' });
    const school = { 'x-forwarded-for': '203.0.113.7' };
    await openConnected(server, 2, school);
    const refused = await verdictOn(socketWithoutClass(server, school));
    expect((refused as Refusal).data?.code).toBe('rate_limited');
    // Another client behind the same proxy has a cap of its own.
    expect(await verdictOn(socketWithoutClass(server, { 'x-forwarded-for': '203.0.113.8' }))).toBe(
      'connected',
    );
  });

  it('are counted apart from the board websockets: the standalone page opens one of each', async () => {
    const server = await startTestServer({ MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS: '1' });
    const boardId = await createBoard(server);
    await rawRoundTrip((await rawSocket(server, boardId, 'user=alice')).ws);
    const [socket] = await openConnected(server, 1);
    expect((await watch(socket as ClientSocket, boardId)).ok).toBe(true);
  });

  it(`watch at most ${MAX_WATCHES_WITHOUT_CLASS} boards at once; unwatching one makes room`, async () => {
    const server = await startTestServer();
    const boards = [];
    for (let i = 0; i <= MAX_WATCHES_WITHOUT_CLASS; i++) boards.push(await createBoard(server));
    const [socket] = (await openConnected(server, 1)) as [ClientSocket];
    const [extra, ...held] = boards as [string, ...string[]];
    for (const boardId of held) expect((await watch(socket, boardId)).ok).toBe(true);
    // Watching a board again holds nothing more.
    expect((await watch(socket, held[0] as string)).ok).toBe(true);

    const refused: Result<unknown> = await watch(socket, extra);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!refused.ok) expect(refused.error.message).toMatch(`at most ${MAX_WATCHES_WITHOUT_CLASS}`);
    expect(socket.connected).toBe(true);

    expect((await emitRaw(socket, 'unwatchBoard', { boardId: held[0] })).ok).toBe(true);
    expect((await watch(socket, extra)).ok).toBe(true);
  });
});
