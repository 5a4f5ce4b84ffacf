import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.js';
import { roundTrip } from '../test/roundTrip.js';
import {
  connectClient,
  createBoard,
  geoShape,
  startTestServer,
  synced,
  waitFor,
} from '../test/testServer.js';

describe('server-locked records', () => {
  it('reverts a stock client’s move, edit or delete of a locked record, and keeps the log honest', async () => {
    const store = new MemoryStore();
    const server = await startTestServer({}, { store });
    const boardId = await createBoard(server);
    const room = server.rooms.hold(boardId);
    room.change((records) => {
      records.set('shape:card', geoShape('shape:card', { x: 100, y: 100 }));
      records.lock(['shape:card']);
    });
    server.rooms.release(boardId);

    const mallory = connectClient(server, boardId, { user: 'mallory' });
    const witness = connectClient(server, boardId, { user: 'wendy' });
    await Promise.all([synced(mallory), synced(witness)]);
    expect(mallory.records.get('shape:card')).toMatchObject({ x: 100 });

    mallory.records.set('shape:card', geoShape('shape:card', { x: 900, y: 100 })); // a move
    await waitFor(() => mallory.records.get('shape:card')?.x === 100, 'the move to be reverted');
    mallory.records.delete('shape:card');
    await waitFor(() => mallory.records.get('shape:card')?.x === 100, 'the delete to be reverted');
    // Unlocking is the server's alone: a client cannot rewrite the lock list.
    mallory.doc.getMap('meta').set('locked', []);
    await waitFor(
      () => (mallory.doc.getMap('meta').get('locked') as string[] | undefined)?.length === 1,
      'the lock list to be restored',
    );
    mallory.records.set('shape:card', geoShape('shape:card', { x: 5 }));
    await waitFor(() => mallory.records.get('shape:card')?.x === 100, 'still locked');

    mallory.records.set('shape:free', geoShape('shape:free'));
    await waitFor(() => witness.records.get('shape:free'), 'ordinary shapes to sync');
    expect(witness.records.get('shape:card')).toMatchObject({ x: 100 });
    const authors = store.updatesAfter(boardId, 0).map((u) => u.author);
    expect(authors).toContain('mallory');
    expect(authors.filter((a) => a === 'server').length).toBeGreaterThan(3);
  });
});

describe('names never ride in the board', () => {
  it('reverts a user record that carries a name or claims someone else’s id', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const ana = connectClient(server, boardId, { user: 'ana' });
    const witness = connectClient(server, boardId, { user: 'wendy' });
    await Promise.all([synced(ana), synced(witness)]);
    const user = (id: string, name: string) => ({
      id,
      typeName: 'user',
      name,
      color: '#1971c2',
      imageUrl: '',
      meta: {},
    });
    ana.records.set('user:ana', user('user:ana', ''));
    await waitFor(() => witness.records.get('user:ana'), 'her own nameless user record');
    ana.records.set('user:ana', user('user:ana', 'Ana Realname'));
    ana.records.set('user:ben', user('user:ben', ''));
    await waitFor(
      () => ana.records.get('user:ana')?.name === '' && !ana.records.has('user:ben'),
      'both to be reverted',
    );
    await roundTrip(witness);
    expect(witness.records.get('user:ana')).toMatchObject({ name: '' });
    expect(witness.records.has('user:ben')).toBe(false);
  });
});
