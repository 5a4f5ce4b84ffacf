import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { YDOC_RECORDS_KEY, YjsCloseCode } from '@conjecture/shared';
import { encodeAwareness, encodeUpdate } from '../boards/syncMessages.js';
import { MemoryStore } from '../storage/memoryStore.js';
import { rawRoundTrip, roundTrip } from '../test/roundTrip.js';
import {
  connectClient,
  createBoard,
  geoShape,
  rawSocket,
  startTestServer,
  synced,
  waitFor,
} from '../test/testServer.js';

/** A board with one honest client, so each test can check that the bad input changed nothing it can see. */
async function boardWithWitness(env: Record<string, string> = {}) {
  const store = new MemoryStore();
  const server = await startTestServer(env, { store });
  const boardId = await createBoard(server);
  const witness = connectClient(server, boardId, { user: 'wendy' });
  await synced(witness);
  const logLength = () => store.updatesAfter(boardId, 0).length;
  return { server, store, boardId, witness, logLength, initialLog: logLength() };
}

/** An update that sets one record in a fresh doc's key-value array, as y-utility's YKeyValue would. */
function recordUpdate(key: string, val: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray(YDOC_RECORDS_KEY).push([{ key, val }]);
  return Y.encodeStateAsUpdate(doc);
}

describe('bad input on the Yjs endpoint', () => {
  it('closes a connection that sends garbage, and keeps serving the board unchanged', async () => {
    const { server, boardId, witness, logLength, initialLog } = await boardWithWitness();
    const bad = await rawSocket(server, boardId);
    bad.ws.send(Buffer.from([0, 2, 200, 1, 2, 3])); // a sync update whose length runs past the frame
    const closed = await bad.closed;
    expect(closed.code).toBe(YjsCloseCode.malformed);
    expect(closed.reason).toMatch(/malformed|truncated/);
    expect(logLength()).toBe(initialLog);
    // The server still works for everyone else.
    witness.records.set('shape:after', geoShape('shape:after'));
    await waitFor(() => logLength() === initialLog + 1, 'the witness’s update to be stored');
  });

  it.each([
    ['an unknown message type', Buffer.from([9, 1, 2])],
    ['an unknown sync sub-type', Buffer.from([0, 7, 0])],
    ['bytes that do not decode as an update', encodeUpdate(new Uint8Array([255, 255, 255, 255, 1]))],
    [
      'trailing bytes after a message',
      Buffer.concat([encodeUpdate(recordUpdate('shape:x', {})), Buffer.from([1])]),
    ],
    [
      'bytes after the update inside its message (Yjs ignores them; they would be stored and relayed)',
      encodeUpdate(Buffer.concat([recordUpdate('shape:x', geoShape('shape:x')), Buffer.from([0, 0, 0])])),
    ],
    ['an empty frame', Buffer.alloc(0)],
  ])('refuses %s', async (_what, frame) => {
    const { server, boardId, logLength, initialLog } = await boardWithWitness();
    const bad = await rawSocket(server, boardId);
    bad.ws.send(frame);
    expect((await bad.closed).code).toBe(YjsCloseCode.malformed);
    expect(logLength()).toBe(initialLog);
  });

  it('refuses text frames', async () => {
    const { server, boardId } = await boardWithWitness();
    const bad = await rawSocket(server, boardId);
    bad.ws.send('{"hello":"world"}');
    expect((await bad.closed).code).toBe(YjsCloseCode.malformed);
  });

  it('refuses updates that create other types than the board’s own', async () => {
    const { server, boardId, logLength, initialLog } = await boardWithWitness();
    const doc = new Y.Doc();
    doc.getText('evil').insert(0, 'x'.repeat(100));
    const bad = await rawSocket(server, boardId);
    bad.ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc)));
    const closed = await bad.closed;
    expect(closed.code).toBe(YjsCloseCode.malformed);
    expect(closed.reason).toMatch(/unsupported content|unknown root/);
    expect(logLength()).toBe(initialLog);
  });

  it('closes a connection that sends an update over MAX_UPDATE_BYTES', async () => {
    const { server, boardId, logLength, initialLog } = await boardWithWitness({ MAX_UPDATE_BYTES: '4096' });
    const bad = await rawSocket(server, boardId);
    bad.ws.send(
      encodeUpdate(recordUpdate('shape:big', geoShape('shape:big', { meta: { pad: 'x'.repeat(4200) } }))),
    );
    expect((await bad.closed).code).toBe(YjsCloseCode.tooLarge);
    // Far past the limit, ws itself refuses the frame (1009) before it is buffered whole.
    const huge = await rawSocket(server, boardId);
    huge.ws.send(Buffer.alloc(64 * 1024, 1));
    expect((await huge.closed).code).toBe(1009);
    expect(logLength()).toBe(initialLog);
  });

  it('closes a connection that floods updates beyond its rate', async () => {
    const { server, boardId } = await boardWithWitness({ MAX_UPDATES_PER_SECOND: '5' });
    const flood = await rawSocket(server, boardId);
    for (let i = 0; i < 200; i++)
      flood.ws.send(encodeUpdate(recordUpdate(`shape:f${i}`, geoShape(`shape:f${i}`))));
    expect((await flood.closed).code).toBe(YjsCloseCode.rateLimited);
  });

  it('refuses updates to a board past its size cap', async () => {
    const { server, boardId, witness } = await boardWithWitness({ MAX_BOARD_BYTES: String(64 * 1024) });
    const filler = await rawSocket(server, boardId);
    const closes = filler.closed;
    for (let i = 0; i < 20; i++) {
      filler.ws.send(
        encodeUpdate(
          recordUpdate(`shape:p${i}`, geoShape(`shape:p${i}`, { meta: { pad: 'y'.repeat(6000) } })),
        ),
      );
    }
    expect((await closes).code).toBe(YjsCloseCode.boardFull);
    await roundTrip(witness);
    const stored = witness.records.map.size;
    expect(stored).toBeLessThan(2 + 20);
  });

  it('reverts a well-formed update that writes a record tldraw rejects, before others can load it', async () => {
    const { server, store, boardId, witness } = await boardWithWitness();
    const writer = connectClient(server, boardId, { user: 'mallory' });
    await synced(writer);
    writer.records.set('shape:ok', geoShape('shape:ok'));
    await waitFor(() => witness.records.get('shape:ok'), 'a valid shape to arrive');

    const seen: unknown[] = [];
    witness.records.on('change', (changes: Map<string, { newValue?: unknown }>) => {
      for (const [key, change] of changes)
        if (key === 'shape:bad' || key === 'shape:ok') seen.push(change.newValue);
    });
    writer.records.set('shape:bad', geoShape('shape:bad', { props: { geo: 'rectangle', w: 'wide' } }));
    writer.records.set('shape:ok', geoShape('shape:ok', { x: Number.NaN }));
    writer.records.set('shape:wrong-key', geoShape('shape:other-id'));
    writer.records.set('instance:x', { id: 'instance:x', typeName: 'instance' });
    writer.records.delete('document:document');

    await waitFor(() => !writer.records.has('shape:bad'), 'the server’s revert to reach the writer');
    await waitFor(
      () => writer.records.get('shape:ok')?.x === 10,
      'the old value to be restored for the writer',
    );
    await waitFor(() => writer.records.has('document:document'), 'the document record to be restored');
    await roundTrip(witness); // the witness has heard every relay of the writer's changes
    expect(witness.records.has('shape:bad')).toBe(false);
    expect(witness.records.has('shape:wrong-key')).toBe(false);
    expect(witness.records.has('instance:x')).toBe(false);
    expect(witness.records.get('shape:ok')).toMatchObject({ x: 10 });
    expect(witness.records.has('document:document')).toBe(true);
    // The witness received each change merged with its revert: it never held an invalid record.
    expect(seen.filter((v) => v !== undefined && (v as { x: number }).x !== 10)).toEqual([]);
    const authors = store.updatesAfter(boardId, 0).map((u) => u.author);
    expect(authors.slice(-2)).toContain('server');
  });

  it('removes entries that are not {key, val} records', async () => {
    const { server, boardId, witness } = await boardWithWitness();
    const doc = new Y.Doc();
    doc.getArray(YDOC_RECORDS_KEY).push([42, null as never, 'text', { key: 7, val: {} }]);
    const bad = await rawSocket(server, boardId);
    bad.ws.send(encodeUpdate(Y.encodeStateAsUpdate(doc)));
    await rawRoundTrip(bad.ws); // handled (and reverted) before the late client asks for the board
    const late = connectClient(server, boardId, { user: 'late' });
    await synced(late);
    await roundTrip(witness);
    expect(
      late.doc
        .getArray(YDOC_RECORDS_KEY)
        .toArray()
        .every((e) => typeof e === 'object' && e !== null),
    ).toBe(true);
    expect(witness.doc.getArray(YDOC_RECORDS_KEY).length).toBe(late.doc.getArray(YDOC_RECORDS_KEY).length);
  });

  it('drops awareness that claims another user’s identity', async () => {
    const { server, boardId, witness } = await boardWithWitness();
    const bad = await rawSocket(server, boardId, 'user=mallory');
    const spoof = (id: string, clientId: number) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, JSON.stringify({ user: { id, color: '#123456' } }));
      return encodeAwareness(encoding.toUint8Array(e));
    };
    bad.ws.send(spoof('wendy', 999));
    bad.ws.send(spoof('mallory', 1000));
    // Both go over one connection in order and reach the witness over one in order: 999 would be there first.
    await waitFor(() => witness.provider.awareness.getStates().has(1000), 'mallory’s own presence');
    expect(witness.provider.awareness.getStates().has(999)).toBe(false);
  });

  it('drops presence under more client ids than a browser uses (a cursor each on every classmate’s board)', async () => {
    const { server, boardId, witness } = await boardWithWitness();
    const bad = await rawSocket(server, boardId, 'user=mallory');
    const presences = (clientIds: number[]) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, clientIds.length);
      for (const clientId of clientIds) {
        encoding.writeVarUint(e, clientId);
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, JSON.stringify({ user: { id: 'mallory', color: '#123456' } }));
      }
      return encodeAwareness(encoding.toUint8Array(e));
    };
    const crowd = Array.from({ length: 400 }, (_, i) => 5000 + i);
    bad.ws.send(presences(crowd));
    bad.ws.send(presences([2000, 2001]));
    bad.ws.send(presences([2002, 2003, 2004]));
    bad.ws.send(presences([2005]));
    // In order over one connection each way: the crowd and the third message would be there before 2005.
    await waitFor(
      () => witness.provider.awareness.getStates().has(2005),
      'mallory’s presences within bounds',
    );
    const states = witness.provider.awareness.getStates();
    expect(states.has(2000) && states.has(2001)).toBe(true);
    expect(crowd.some((id) => states.has(id)) || states.has(2002)).toBe(false);
  });
});
