import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YDOC_RECORDS_KEY, YjsCloseCode } from '@conjecture/shared';
import { encodeUpdate } from '../boards/syncMessages.js';
import { MemoryStore } from '../storage/memoryStore.js';
import { deleteOnlyUpdate } from '../test/roomHarness.js';
import type { TestClient } from '../test/testServer.js';
import {
  connectClient,
  createBoard,
  geoShape,
  rawSocket,
  startTestServer,
  synced,
  waitFor,
} from '../test/testServer.js';

/**
 * The same attacks as boards/hostileUpdates.test.ts, over real websockets: the victim and a witness are
 * stock y-websocket clients, the attacker a raw socket or a stock client. Absence is checked behind a later
 * write of the same sender, which reaches the witness on the same connection after whatever came before it.
 */

async function classroomOfThree() {
  const store = new MemoryStore();
  const server = await startTestServer({}, { store });
  const boardId = await createBoard(server);
  const ana = connectClient(server, boardId, { user: 'ana' });
  const wendy = connectClient(server, boardId, { user: 'wendy' });
  await Promise.all([synced(ana), synced(wendy)]);
  ana.records.set('shape:a1', geoShape('shape:a1'));
  await waitFor(() => wendy.records.has('shape:a1'), 'ana’s first shape to reach wendy');
  return { server, store, boardId, ana, wendy };
}

/** Ana writes again; it must reach wendy and storage. */
async function anaStillWrites(ana: TestClient, wendy: TestClient, store: MemoryStore, boardId: string) {
  ana.records.set('shape:a2', geoShape('shape:a2'));
  await waitFor(() => wendy.records.has('shape:a2'), 'ana’s later shape to reach wendy');
  const stored = new Y.Doc();
  for (const u of store.updatesAfter(boardId, 0)) Y.applyUpdate(stored, u.update);
  const keys = stored
    .getArray<{ key: string } | null>(YDOC_RECORDS_KEY)
    .toArray()
    .map((e) => e?.key);
  expect(keys).toContain('shape:a2');
}

describe('a hostile student’s own connection, over real websockets', () => {
  it('cannot delete a classmate’s future work with a pending delete set', async () => {
    const { server, store, boardId, ana, wendy } = await classroomOfThree();
    const mallory = await rawSocket(server, boardId, 'user=mallory');
    const client = ana.doc.clientID;
    mallory.ws.send(encodeUpdate(deleteOnlyUpdate(client, Y.getState(ana.doc.store, client), 1_000_000)));
    expect((await mallory.closed).code).toBe(YjsCloseCode.incompleteUpdate);
    await anaStillWrites(ana, wendy, store, boardId);
  });

  it('cannot write under a classmate’s client id', async () => {
    const { server, store, boardId, ana, wendy } = await classroomOfThree();
    const squatter = new Y.Doc();
    Y.applyUpdate(squatter, Y.encodeStateAsUpdate(ana.doc));
    squatter.clientID = ana.doc.clientID;
    const before = Y.encodeStateVector(squatter);
    squatter.getArray(YDOC_RECORDS_KEY).push([{ key: 'shape:m', val: geoShape('shape:m') }]);
    const mallory = await rawSocket(server, boardId, 'user=mallory');
    mallory.ws.send(encodeUpdate(Y.encodeStateAsUpdate(squatter, before)));
    expect((await mallory.closed).code).toBe(YjsCloseCode.clientIdTaken);
    await anaStillWrites(ana, wendy, store, boardId);
    expect(wendy.records.has('shape:m')).toBe(false);
  });

  it('cannot keep a forged or invalid entry by sending it twice', async () => {
    const { server, boardId, wendy } = await classroomOfThree();
    const mallory = connectClient(server, boardId, { user: 'mallory' });
    await synced(mallory);
    const forged = { key: 'critique:x', val: { id: 'critique:x', typeName: 'critique', replies: [] } };
    const invalid = { key: 'shape:bad', val: { ...geoShape('shape:bad'), x: 'left' } };
    mallory.doc.getArray(YDOC_RECORDS_KEY).push([forged, forged, invalid, invalid]);
    mallory.records.set('shape:marker', geoShape('shape:marker'));
    await waitFor(() => wendy.records.has('shape:marker'), 'mallory’s later marker to reach wendy');
    expect(wendy.records.has('critique:x')).toBe(false);
    expect(wendy.records.has('shape:bad')).toBe(false);
    await waitFor(() => !mallory.records.has('critique:x'), 'mallory’s own copy to be reverted');
  });

  it('cannot freeze the server with thousands of junk values, and is cut off for sending them', async () => {
    const { server, store, boardId, ana, wendy } = await classroomOfThree();
    const junk = new Y.Doc();
    Y.applyUpdate(junk, Y.encodeStateAsUpdate(ana.doc));
    const before = Y.encodeStateVector(junk);
    junk.transact(() => {
      const arr = junk.getArray(YDOC_RECORDS_KEY);
      for (let i = 0; i < 5000; i++) arr.insert(i % (arr.length + 1), [null]);
    });
    const mallory = await rawSocket(server, boardId, 'user=mallory');
    mallory.ws.send(encodeUpdate(Y.encodeStateAsUpdate(junk, before)));
    expect((await mallory.closed).code).toBe(YjsCloseCode.rejectedContent);
    const room = server.rooms.get(boardId);
    expect(room?.records.array.toArray().every((v) => v !== null)).toBe(true);
    await anaStillWrites(ana, wendy, store, boardId);
  });
});
