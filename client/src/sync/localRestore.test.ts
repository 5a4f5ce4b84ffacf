import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { watchLocalRestore } from './localRestore.js';

/** An update that adds records to a board doc's records array. */
function recordsUpdate(...keys: string[]): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray('records').push(keys.map((key) => ({ key, val: { id: key } })));
  return Y.encodeStateAsUpdate(doc);
}

describe('watchLocalRestore', () => {
  const localCopy = { name: 'the local copy' }; // a local copy's transactions carry the copy itself

  it('is false while only the server’s answer has arrived, even once the local copy opened empty', () => {
    const doc = new Y.Doc();
    const local = watchLocalRestore(doc, localCopy);
    Y.applyUpdate(doc, recordsUpdate('shape:a', 'shape:b'), 'server'); // the first part of a big answer
    doc.transact(() => {}, localCopy); // the local copy opens, with nothing stored
    expect(local.restored()).toBe(false);
  });

  it('is true once the local copy brought records the doc did not hold', () => {
    const doc = new Y.Doc();
    const local = watchLocalRestore(doc, localCopy);
    doc.transact(() => Y.applyUpdate(doc, recordsUpdate('shape:a')), localCopy);
    expect(local.restored()).toBe(true);
  });

  it('is false when the local copy held only what the server had already delivered', () => {
    const doc = new Y.Doc();
    const update = recordsUpdate('shape:a');
    Y.applyUpdate(doc, update, 'server');
    const local = watchLocalRestore(doc, localCopy);
    doc.transact(() => Y.applyUpdate(doc, update), localCopy);
    expect(local.restored()).toBe(false);
  });

  it('names the clients whose edits the copy brought, not those the server delivered first', () => {
    const doc = new Y.Doc();
    const local = watchLocalRestore(doc, localCopy);
    const fromServer = new Y.Doc();
    fromServer.getArray('records').push([{ key: 'shape:theirs' }]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(fromServer), 'server');
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(fromServer));
    offline.getArray('records').push([{ key: 'shape:mine-offline' }]);
    // the copy holds both: the board the server sent last visit, and this browser's edit made offline since
    doc.transact(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(offline)), localCopy);
    expect([...local.restoredClients()]).toEqual([offline.clientID]);
  });

  it('stops watching', () => {
    const doc = new Y.Doc();
    const local = watchLocalRestore(doc, localCopy);
    local.stop();
    doc.transact(() => Y.applyUpdate(doc, recordsUpdate('shape:a')), localCopy);
    expect(local.restored()).toBe(false);
  });
});
