import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CapturedUpdate } from './updateCapture.js';
import { UpdateCapture } from './updateCapture.js';

const SERVER = Symbol('server');
const peer = { userId: 'ada' };

function clientUpdate(fill: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  fill(client);
  return Y.encodeStateAsUpdate(client);
}

describe('UpdateCapture', () => {
  it('captures a client’s update as received, and the server’s answer to it after it, encoded', () => {
    const doc = new Y.Doc();
    const captured: CapturedUpdate[] = [];
    const capture = new UpdateCapture(doc, (c) => captured.push(c));
    const list = doc.getArray<string>('list');
    // The server reverts every "bad" value in a transaction of its own (as BoardRecords does).
    list.observe((_event, tr) => {
      if (tr.origin === SERVER) return;
      const at = list.toArray().indexOf('bad');
      if (at >= 0) doc.transact(() => list.delete(at, 1), SERVER);
    });

    const good = clientUpdate((d) => d.getArray('list').push(['good']));
    const message = new Uint8Array([0, 2, 9]);
    capture.applyReceived(good, peer, message);
    expect(captured).toEqual([{ update: good, origin: peer, message }]);

    captured.length = 0;
    const bad = clientUpdate((d) => d.getArray('list').push(['bad']));
    capture.applyReceived(bad, peer, null);
    expect(captured.map((c) => c.origin)).toEqual([peer, SERVER]);
    expect(captured[0]?.update).toBe(bad);
    // Replaying what was captured, in order, gives the room's state.
    const replica = new Y.Doc();
    for (const c of [{ update: good }, ...captured]) Y.applyUpdate(replica, c.update);
    expect(replica.getArray('list').toArray()).toEqual(['good']);
  });

  it('captures nothing for an update the doc already holds, and server writes as Yjs encodes them', () => {
    const doc = new Y.Doc();
    const captured: CapturedUpdate[] = [];
    const capture = new UpdateCapture(doc, (c) => captured.push(c));
    const update = clientUpdate((d) => d.getArray('list').push(['x']));
    capture.applyReceived(update, peer, null);
    capture.applyReceived(update, peer, null);
    expect(captured).toHaveLength(1);

    doc.transact(() => doc.getArray('list').push(['y']), SERVER);
    expect(captured).toHaveLength(2);
    expect(captured[1]).toMatchObject({ origin: SERVER, message: null });
    const replica = new Y.Doc();
    for (const c of captured) Y.applyUpdate(replica, c.update);
    expect(replica.getArray('list').toArray()).toEqual(['x', 'y']);
  });
});
