import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YDOC_RECORDS_KEY, YjsCloseCode } from '@conjecture/shared';
import { MAX_CONNECTIONS_PER_BOARD } from '../boards/userBudgets.js';
import { encodeUpdate } from '../boards/syncMessages.js';
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

/** An update that sets one record in a fresh doc (a client id of its own each time). */
function recordUpdate(key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray(YDOC_RECORDS_KEY).push([{ key, val: geoShape(key) }]);
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}

describe('one user’s connections to one board, over real websockets', () => {
  it('refuses a connection past the cap with 4430, which a stock client takes as final', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const cap = MAX_CONNECTIONS_PER_BOARD.student; // a board outside a class: its ?user= counts as a student
    const open = [];
    for (let i = 0; i < cap; i++) open.push(await rawSocket(server, boardId, 'user=mallory'));
    await Promise.all(open.map(({ ws }) => rawRoundTrip(ws)));

    const extra = await rawSocket(server, boardId, 'user=mallory');
    expect((await extra.closed).code).toBe(YjsCloseCode.tooManyConnections);

    // y-websocket treats 4400–4499 as "reconnecting cannot fix this": it stops and emits `closed`.
    const stock = connectClient(server, boardId, { user: 'mallory' });
    const closed = await new Promise<{ code: number }>((resolve) => stock.provider.once('closed', resolve));
    expect(closed.code).toBe(YjsCloseCode.tooManyConnections);
    expect(stock.provider.shouldConnect).toBe(false);

    // Another user connects and syncs as usual.
    const ana = connectClient(server, boardId, { user: 'ana' });
    await synced(ana);
    // And one of mallory's connections closing makes room for another.
    const [first] = open;
    first?.ws.close();
    await first?.closed;
    await waitFor(
      () => (server.rooms.get(boardId)?.peersOf('mallory').length ?? 0) < cap,
      'the server to see mallory’s connection gone',
    );
    await rawRoundTrip((await rawSocket(server, boardId, 'user=mallory')).ws);
  });

  it('gives three connections of one user the update budget of one', async () => {
    // One update a second, bursts of 4: the seven below are sent well within a second or three.
    const server = await startTestServer({ MAX_UPDATES_PER_SECOND: '1' });
    const boardId = await createBoard(server);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => rawSocket(server, boardId, 'user=mallory')));
    if (!a || !b || !c) throw new Error('three sockets');
    a.ws.send(recordUpdate('shape:a1'));
    a.ws.send(recordUpdate('shape:a2'));
    await rawRoundTrip(a.ws);
    b.ws.send(recordUpdate('shape:b1'));
    b.ws.send(recordUpdate('shape:b2'));
    await rawRoundTrip(b.ws);
    for (let i = 0; i < 3; i++) c.ws.send(recordUpdate(`shape:c${i}`));
    expect((await c.closed).code).toBe(YjsCloseCode.rateLimited);
    // Its siblings stay open.
    await Promise.all([rawRoundTrip(a.ws), rawRoundTrip(b.ws)]);
  });
});
