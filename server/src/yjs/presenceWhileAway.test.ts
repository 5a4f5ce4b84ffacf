import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { encodeAwareness } from '../boards/syncMessages.js';
import { assign, classWithGroupOfTwo, joinAs } from '../test/classroomClient.js';
import { connectClient, geoShape, rawSocket, startTestServer, synced, waitFor } from '../test/testServer.js';

/**
 * A presence's awareness client id is relayed to every member of the board, so a classmate learns it. When
 * its student's connection drops (Wi-Fi), the id must stay hers: a classmate who publishes under it would
 * take her place on everyone's board — and on her own page, which takes a newer state for its id as its own.
 */

/** An awareness message publishing `user`'s presence under `clientId` at `clock`. */
function presence(user: string, clientId: number, clock: number, marker: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, JSON.stringify({ user: { id: user, color: '#123456' }, presence: { marker } }));
  return encodeAwareness(encoding.toUint8Array(e));
}

type Shown = { user?: { id?: string }; presence?: { marker?: string } } | undefined;

describe('a presence’s client id while its student is away', () => {
  it('stays hers: a classmate who learned it cannot publish under it, and her reconnected page shows again', async () => {
    const server = await startTestServer();
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const mallory = (await joinAs(server, teacher.joinCode, 'Mallory')).body;
    await assign(teacher, mallory.identity.studentId, g1.groupId);
    const anaId = ana.identity.studentId;
    const malloryId = mallory.identity.studentId;

    const witness = connectClient(server, g1.boardId, { token: ben.token });
    await synced(witness);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    const anaClient = a.doc.clientID;
    const mark = (marker: string) =>
      a.provider.awareness.setLocalState({ user: { id: anaId, color: '#112233' }, presence: { marker } });
    mark('here');
    const shown = () => witness.provider.awareness.getStates().get(anaClient) as Shown;
    await waitFor(() => shown()?.presence?.marker === 'here', 'Ana’s presence on Ben’s board');

    // Her Wi-Fi drops: the server takes her presence off the board.
    a.provider.disconnect();
    await waitFor(() => shown() === undefined, 'Ana’s presence gone from Ben’s board');

    // Mallory publishes under Ana's client id, at a clock far ahead, then under her own id. Both go over one
    // connection in order and reach Ben over one in order: the first would be there before the second.
    const bad = await rawSocket(server, g1.boardId, `token=${mallory.token}`);
    bad.ws.send(presence(malloryId, anaClient, 1000, 'taken'));
    bad.ws.send(presence(malloryId, 4242, 1, 'mine'));
    await waitFor(
      () => (witness.provider.awareness.getStates().get(4242) as Shown)?.presence?.marker === 'mine',
      'Mallory’s own presence on Ben’s board',
    );
    expect(shown()).toBeUndefined();

    // Ana comes back on the same page: her presence shows again, hers, as she moves.
    a.provider.connect();
    await synced(a);
    for (const marker of ['back 1', 'back 2', 'back 3']) mark(marker);
    await waitFor(() => shown()?.presence?.marker === 'back 3', 'Ana’s presence back on Ben’s board');
    expect(shown()?.user?.id).toBe(anaId);
    expect((a.provider.awareness.getLocalState() as Shown)?.user?.id).toBe(anaId);
  });

  it('shows an idle student again as soon as her dropped connection is back, without her moving', async () => {
    const server = await startTestServer();
    const { ana, ben, g1 } = await classWithGroupOfTwo(server);
    const anaId = ana.identity.studentId;
    const witness = connectClient(server, g1.boardId, { token: ben.token });
    await synced(witness);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    const anaClient = a.doc.clientID;
    a.provider.awareness.setLocalState({
      user: { id: anaId, color: '#112233' },
      presence: { marker: 'here' },
    });
    const shown = () => witness.provider.awareness.getStates().get(anaClient) as Shown;
    await waitFor(() => shown()?.presence?.marker === 'here', 'Ana’s presence on Ben’s board');

    // Her Wi-Fi drops (no goodbye from the page); the provider reconnects by itself.
    a.provider.ws?.close();
    await waitFor(() => shown() === undefined, 'Ana’s presence gone from Ben’s board');
    await waitFor(() => a.provider.wsconnected && a.provider.synced, 'Ana back and synced');

    // Whatever her page said on the way back went over her connection before this shape, and the server
    // relayed it to Ben before the shape: once Ben holds the shape, her presence is there, or never will be.
    a.records.set('shape:back', geoShape('shape:back'));
    await waitFor(() => witness.records.get('shape:back'), 'Ana’s shape on Ben’s board');
    expect(shown()?.presence?.marker).toBe('here');
    expect(shown()?.user?.id).toBe(anaId);
  });
});
