import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YjsCloseCode } from '@conjecture/shared';
import { MemoryStore } from '../storage/memoryStore.js';
import { roundTrip } from '../test/roundTrip.js';
import {
  connectClient,
  createBoard,
  geoShape,
  rawSocket,
  startTestServer,
  synced,
  waitFor,
} from '../test/testServer.js';

describe('Yjs endpoint with stock WebsocketProvider clients', () => {
  it('serves the server-seeded board on first sync', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const a = connectClient(server, boardId, { user: 'alice' });
    await synced(a);
    expect(a.records.get('document:document')).toMatchObject({ typeName: 'document' });
    expect(a.records.get('page:page')).toMatchObject({ typeName: 'page' });
    expect(a.doc.getMap('meta').get('schema')).toMatchObject({ schemaVersion: expect.any(Number) });
  });

  it('syncs two clients both ways and records who wrote each update', async () => {
    const store = new MemoryStore();
    const server = await startTestServer({}, { store });
    const boardId = await createBoard(server);
    const a = connectClient(server, boardId, { user: 'alice' });
    const b = connectClient(server, boardId, { user: 'bob' });
    await Promise.all([synced(a), synced(b)]);

    a.records.set('shape:a1', geoShape('shape:a1'));
    await waitFor(() => b.records.get('shape:a1'), 'b to see alice’s shape');
    b.records.set('shape:b1', geoShape('shape:b1', { x: 300 }));
    await waitFor(() => a.records.get('shape:b1'), 'a to see bob’s shape');
    b.records.delete('shape:a1');
    await waitFor(() => !a.records.has('shape:a1'), 'a to see the delete');

    const authors = store.updatesAfter(boardId, 0).map((u) => u.author);
    expect(authors[0]).toBe('server'); // the seed
    expect(authors).toContain('alice');
    expect(authors).toContain('bob');
  });

  it('gives a read-only connection full sync but discards its updates', async () => {
    const store = new MemoryStore();
    const server = await startTestServer({}, { store });
    const boardId = await createBoard(server);
    const writer = connectClient(server, boardId, { user: 'alice' });
    const viewer = connectClient(server, boardId, { user: 'viewer', mode: 'view' });
    await Promise.all([synced(writer), synced(viewer)]);

    writer.records.set('shape:w', geoShape('shape:w'));
    await waitFor(() => viewer.records.get('shape:w'), 'the viewer to receive live updates');

    const before = store.updatesAfter(boardId, 0).length;
    viewer.records.set('shape:v', geoShape('shape:v'));
    await roundTrip(viewer); // the server has handled (and dropped) the viewer's write
    await roundTrip(writer); // …and the writer has everything the server relayed since
    expect(writer.records.get('shape:v')).toBeUndefined();
    expect(store.updatesAfter(boardId, 0).map((u) => u.author)).not.toContain('projector');
    expect(store.updatesAfter(boardId, 0).length).toBe(before);

    // A fresh client sees what the server has: no trace of the viewer's write.
    const fresh = connectClient(server, boardId, { user: 'carol' });
    await synced(fresh);
    expect(fresh.records.get('shape:w')).toBeDefined();
    expect(fresh.records.get('shape:v')).toBeUndefined();
  });

  it('brings over what a read-only connection kept when it becomes writable again', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const a = connectClient(server, boardId, { user: 'alice' });
    const b = connectClient(server, boardId, { user: 'bob' });
    await Promise.all([synced(a), synced(b)]);
    const room = server.rooms.get(boardId);
    const [peerA] = room?.peersOf('alice') ?? [];
    if (!room || !peerA) throw new Error('alice is not connected');
    room.setWritable(peerA, false);
    a.records.set('shape:paused', geoShape('shape:paused'));
    await roundTrip(a); // dropped by the server
    b.records.set('shape:marker', geoShape('shape:marker'));
    await waitFor(() => a.records.get('shape:marker'), 'a to still receive while read-only');
    await roundTrip(b);
    expect(b.records.get('shape:paused')).toBeUndefined();
    room.setWritable(peerA, true);
    await waitFor(() => b.records.get('shape:paused'), 'the discarded change to come over after resume');
  });

  it('refuses connections to unknown boards and without an identity', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const unknown = await rawSocket(server, 'no-such-board');
    expect((await unknown.closed).code).toBe(YjsCloseCode.unknownBoard);
    const anonymous = await rawSocket(server, boardId, '');
    expect((await anonymous.closed).code).toBe(YjsCloseCode.unauthorized);
  });

  it('agrees with its clients on the winner when two write the same record concurrently', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const a = connectClient(server, boardId, { user: 'alice' });
    const b = connectClient(server, boardId, { user: 'bob' });
    await Promise.all([synced(a), synced(b)]);
    a.records.set('shape:s', geoShape('shape:s', { x: 1 }));
    await waitFor(() => b.records.get('shape:s'), 'the shape');
    a.provider.disconnect();
    b.provider.disconnect();
    a.records.set('shape:s', geoShape('shape:s', { x: 100 }));
    b.records.set('shape:s', geoShape('shape:s', { x: 200 }));
    a.provider.connect();
    b.provider.connect();
    await waitFor(() => a.records.get('shape:s')?.x === b.records.get('shape:s')?.x, 'the clients to agree');
    const room = server.rooms.get(boardId);
    await waitFor(
      () => (room?.records.get('shape:s') as { x?: number } | undefined)?.x === a.records.get('shape:s')?.x,
      'the server to agree with them',
    );
    expect([100, 200]).toContain(a.records.get('shape:s')?.x);
  });

  it('converges after concurrent offline edits on both sides', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const a = connectClient(server, boardId, { user: 'alice' });
    const b = connectClient(server, boardId, { user: 'bob' });
    await Promise.all([synced(a), synced(b)]);
    a.provider.disconnect();
    for (let i = 0; i < 20; i++) a.records.set(`shape:off${i}`, geoShape(`shape:off${i}`, { x: i }));
    b.records.set('shape:online', geoShape('shape:online'));
    a.provider.connect();
    await waitFor(() => b.records.has('shape:off19') && a.records.has('shape:online'), 'convergence');
    const keys = (c: typeof a) => [...c.records.map.keys()].sort();
    await waitFor(() => JSON.stringify(keys(a)) === JSON.stringify(keys(b)), 'identical record sets');
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });
});
