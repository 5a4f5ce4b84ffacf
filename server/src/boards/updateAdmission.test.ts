import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteOnlyUpdate } from '../test/roomHarness.js';
import { admitUpdate } from './updateAdmission.js';

const heldBy = (doc: Y.Doc) => (client: number) => Y.getState(doc.store, client);

/** A room's doc and a client that has synced with it. */
function synced() {
  const room = new Y.Doc();
  room.getArray('tldraw').push([{ key: 'document:document', val: {} }]);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  return { room, client };
}

const edit = (doc: Y.Doc, fn: (doc: Y.Doc) => void) => {
  const before = Y.encodeStateVector(doc);
  fn(doc);
  return Y.encodeStateAsUpdate(doc, before);
};

describe('admitting an update', () => {
  it('admits a complete update and names the client ids it writes under', () => {
    const { room, client } = synced();
    const update = edit(client, (d) => d.getArray('tldraw').push([{ key: 'shape:a', val: {} }]));
    expect(admitUpdate(update, heldBy(room), 100)).toEqual({
      ok: true,
      writes: [client.clientID],
      items: 2,
      structBytes: update.length - 1, // all but the empty delete set
      deletes: false,
    });
  });

  it('tells an update that only deletes, by the bytes of what it writes (none) and its deletions', () => {
    const { room, client } = synced();
    Y.applyUpdate(
      room,
      edit(client, (d) => d.getArray('tldraw').push([{ key: 'shape:a', val: {} }])),
    );
    const update = edit(client, (d) => d.getArray('tldraw').delete(0, 1));
    expect(admitUpdate(update, heldBy(room), 100)).toMatchObject({
      ok: true,
      writes: [],
      structBytes: 1,
      deletes: true,
    });
  });

  it('admits structs of several clients that depend on each other within the update', () => {
    const { room, client } = synced();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(client));
    const a = edit(other, (d) => d.getArray('tldraw').push([{ key: 'shape:o', val: {} }]));
    Y.applyUpdate(client, a);
    const b = edit(client, (d) => d.getArray('tldraw').push([{ key: 'shape:c', val: {} }]));
    const both = Y.mergeUpdates([b, a]);
    const admission = admitUpdate(both, heldBy(room), 100);
    expect(admission.ok && admission.writes.sort()).toEqual([client.clientID, other.clientID].sort());
  });

  it('refuses a gap, a missing neighbour and a delete beyond what the room holds', () => {
    const { room, client } = synced();
    const first = edit(client, (d) => d.getArray('tldraw').push([{ key: 'shape:1', val: {} }]));
    const second = edit(client, (d) => d.getArray('tldraw').push([{ key: 'shape:2', val: {} }]));
    expect(admitUpdate(second, heldBy(room), 100)).toMatchObject({
      ok: false,
      kind: 'incomplete',
      missingFrom: [client.clientID],
    });
    Y.applyUpdate(room, first);
    expect(admitUpdate(second, heldBy(room), 100).ok).toBe(true);
    const ds = deleteOnlyUpdate(room.clientID, Y.getState(room.store, room.clientID), 10);
    expect(admitUpdate(ds, heldBy(room), 100)).toMatchObject({ ok: false, kind: 'incomplete' });
    const inside = deleteOnlyUpdate(room.clientID, 0, 1);
    expect(admitUpdate(inside, heldBy(room), 100).ok).toBe(true);
  });

  it('refuses content a board never holds, and more items than the limit', () => {
    const { room, client } = synced();
    const text = edit(client, (d) => d.getText('evil').insert(0, 'x'));
    expect(admitUpdate(text, heldBy(room), 100)).toMatchObject({ ok: false, kind: 'unsupported' });
    const nested = edit(client, (d) => d.getArray('tldraw').push([new Y.Map()]));
    expect(admitUpdate(nested, heldBy(room), 100)).toMatchObject({ ok: false, kind: 'unsupported' });
    const keyed = edit(new Y.Doc(), (d) => d.getMap('tldraw').set('k', 1)); // the list root, written as a map
    expect(admitUpdate(keyed, heldBy(room), 100)).toMatchObject({ ok: false, kind: 'unsupported' });
    const many = edit(client, (d) => d.getArray('tldraw').push(Array.from({ length: 200 }, () => null)));
    expect(admitUpdate(many, heldBy(room), 100)).toMatchObject({ ok: false, kind: 'tooManyItems' });
    expect(admitUpdate(new Uint8Array([255, 1]), heldBy(room), 100)).toMatchObject({
      ok: false,
      kind: 'malformed',
    });
  });
});
