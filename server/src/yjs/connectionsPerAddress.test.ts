import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ADDRESS_BUDGET_FACTOR, YDOC_RECORDS_KEY, YjsCloseCode } from '@conjecture/shared';
import { encodeUpdate } from '../boards/syncMessages.js';
import { MAX_CONNECTIONS_PER_ADDRESS, MAX_CONNECTIONS_PER_BOARD } from '../boards/userBudgets.js';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { rawRoundTrip } from '../test/roundTrip.js';
import {
  connectClient,
  createBoard,
  geoShape,
  rawSocket,
  startTestServer,
  synced,
  waitFor,
} from '../test/testServer.js';
import type { RunningServer } from '../createServer.js';

/** Opens `count` connections to boards outside a class, each under a fresh `?user=`, spread over `boardIds`. */
async function openFreshUsers(
  server: RunningServer,
  boardIds: string[],
  count: number,
  headers: (i: number) => Record<string, string>,
) {
  const open = [];
  for (let i = 0; i < count; i++) {
    const boardId = boardIds[i % boardIds.length] as string;
    open.push(await rawSocket(server, boardId, `user=fresh${i}`, headers(i)));
  }
  // Each is held by the server (a round trip answered), not merely upgraded.
  await Promise.all(open.map(({ ws }) => rawRoundTrip(ws)));
  return open;
}

/** An update that sets one record in a fresh doc (a client id of its own each time). */
function recordUpdate(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray(YDOC_RECORDS_KEY).push([{ key, val: geoShape(key) }]);
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}

/** How the server took a connection: its close code, or 'held' if it answered a round trip on it. */
const verdictOn = ({ ws, closed }: Awaited<ReturnType<typeof rawSocket>>) =>
  Promise.race([closed.then((c) => c.code), rawRoundTrip(ws).then(() => 'held' as const)]);

describe('connections to boards outside any class, per client address', () => {
  it('caps them over all such boards, whatever `?user=` each claims; class connections are not counted', async () => {
    const server = await startTestServer();
    const boards = [await createBoard(server), await createBoard(server)];
    expect(MAX_CONNECTIONS_PER_ADDRESS).toBeGreaterThan(MAX_CONNECTIONS_PER_BOARD.student);
    // A forged X-Forwarded-For is ignored without TRUST_PROXY: every one of these is 127.0.0.1.
    const open = await openFreshUsers(server, boards, MAX_CONNECTIONS_PER_ADDRESS, (i) => ({
      'x-forwarded-for': `198.51.100.${i % 250}`,
    }));

    const extra = await rawSocket(server, boards[0] as string, 'user=yet-another');
    expect(await verdictOn(extra)).toBe(YjsCloseCode.tooManyFromAddress);

    // A student of a class on the same address connects as usual: their user is a session, capped per user.
    const { ana, g1 } = await classWithGroupOfTwo(server);
    await rawRoundTrip((await rawSocket(server, g1.boardId, `token=${ana.token}`)).ws);

    // One closing makes room for another.
    const [first] = open;
    first?.ws.close();
    await first?.closed;
    await waitFor(
      () => (server.rooms.get(boards[0] as string)?.peersOf('fresh0').length ?? 1) === 0,
      'the server to see the first connection gone',
    );
    await rawRoundTrip((await rawSocket(server, boards[1] as string, 'user=the-next')).ws);
  });

  it('counts the address a trusted proxy names (TRUST_PROXY), as the REST budgets do', async () => {
    const server = await startTestServer({ TRUST_PROXY: '1' });
    const boardId = await createBoard(server);
    const school = { 'x-forwarded-for': '203.0.113.7' };
    await openFreshUsers(server, [boardId], MAX_CONNECTIONS_PER_ADDRESS, () => school);
    const extra = await rawSocket(server, boardId, 'user=one-more', school);
    expect(await verdictOn(extra)).toBe(YjsCloseCode.tooManyFromAddress);
    // Another client behind the same proxy has a cap of its own.
    const neighbour = await rawSocket(server, boardId, 'user=neighbour', {
      'x-forwarded-for': '203.0.113.8',
    });
    expect(await verdictOn(neighbour)).toBe('held');
  });
});

describe('the close code of a refusal at a cap', () => {
  it('tells the address’s cap (4431: wait, it frees as others close) from the user’s (4430: close a tab)', async () => {
    const server = await startTestServer({ MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS: '2' });
    const boardId = await createBoard(server);
    await synced(connectClient(server, boardId, { user: 'ana' }));
    await synced(connectClient(server, boardId, { user: 'bea' }));

    // A stock client past the address's cap: refused with the address's code and reason, and it stops.
    const cai = connectClient(server, boardId, { user: 'cai' });
    const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
      cai.provider.once('closed', resolve),
    );
    expect(closed).toEqual({
      code: YjsCloseCode.tooManyFromAddress,
      reason: 'already 2 connections from this address to boards outside a class',
    });
    expect(cai.provider.shouldConnect).toBe(false);
  });

  it('keeps 4430 for one user past their connections to one board', async () => {
    const server = await startTestServer({ MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS: '100' });
    const boardId = await createBoard(server);
    const open = [];
    for (let i = 0; i < MAX_CONNECTIONS_PER_BOARD.student; i++)
      open.push(await rawSocket(server, boardId, 'user=mallory'));
    await Promise.all(open.map(({ ws }) => rawRoundTrip(ws)));
    expect(await verdictOn(await rawSocket(server, boardId, 'user=mallory'))).toBe(
      YjsCloseCode.tooManyConnections,
    );
  });
});

describe('updates from boards outside any class, per client address', () => {
  it('gives an address claiming a fresh `?user=` per connection the budget of ADDRESS_BUDGET_FACTOR users', async () => {
    // One update a second, bursts of 4, and a clock that stands still: nothing is earned back meanwhile.
    const server = await startTestServer({ MAX_UPDATES_PER_SECOND: '1' }, { now: () => 1_000_000 });
    const boardId = await createBoard(server);
    for (let u = 0; u < ADDRESS_BUDGET_FACTOR; u++) {
      const { ws } = await rawSocket(server, boardId, `user=claim${u}`);
      for (let i = 0; i < 4; i++) ws.send(recordUpdate(`shape:c${u}-${i}`));
      await rawRoundTrip(ws); // all four taken: it is still open
      ws.close();
    }
    const next = await rawSocket(server, boardId, 'user=one-claim-too-many');
    next.ws.send(recordUpdate('shape:last'));
    expect(await verdictOn(next)).toBe(YjsCloseCode.rateLimited);
  });
});
