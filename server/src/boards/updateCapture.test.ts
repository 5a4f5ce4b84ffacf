import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UpdateCapture } from './updateCapture.js';

const SERVER = Symbol('server');
const peer = { userId: 'ada' };

function clientUpdate(fill: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  fill(client);
  return Y.encodeStateAsUpdate(client);
}

/** Replays captured updates on a fresh doc: what a reload from storage would hold. */
function replay(...updates: Uint8Array[]): unknown[] {
  const replica = new Y.Doc();
  for (const u of updates) Y.applyUpdate(replica, u);
  return replica.getArray('list').toArray();
}

describe('UpdateCapture', () => {
  it('captures a client’s update as received, and the server’s answer to it after it, encoded', () => {
    const doc = new Y.Doc();
    const capture = new UpdateCapture(doc);
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
    expect(capture.take()).toEqual([{ update: good, origin: peer, message }]);

    const bad = clientUpdate((d) => d.getArray('list').push(['bad']));
    capture.applyReceived(bad, peer, null);
    const captured = capture.take();
    expect(captured.map((c) => c.origin)).toEqual([peer, SERVER]);
    expect(captured[0]?.update).toBe(bad);
    expect(replay(good, ...captured.map((c) => c.update))).toEqual(['good']);
  });

  it('captures nothing for an update the doc already holds, and server writes as Yjs encodes them', () => {
    const doc = new Y.Doc();
    const capture = new UpdateCapture(doc);
    const update = clientUpdate((d) => d.getArray('list').push(['x']));
    capture.applyReceived(update, peer, null);
    capture.applyReceived(update, peer, null);
    expect(capture.take()).toHaveLength(1);

    doc.transact(() => doc.getArray('list').push(['y']), SERVER);
    const [server] = capture.take();
    expect(server).toMatchObject({ origin: SERVER, message: null });
    expect(replay(update, (server as { update: Uint8Array }).update)).toEqual(['x', 'y']);
  });

  it('stores what the doc holds, not the bytes received, when applying an update throws', () => {
    const doc = new Y.Doc();
    const capture = new UpdateCapture(doc);
    doc.getArray('list').observe(() => {
      throw new Error('an observer failed');
    });
    const update = clientUpdate((d) => d.getArray('list').push(['x']));
    expect(() => capture.applyReceived(update, peer, new Uint8Array([1]))).toThrow('an observer failed');
    const [captured] = capture.take();
    expect(captured).toMatchObject({ origin: peer, message: null });
    expect(captured?.update).not.toBe(update);
    expect(replay((captured as { update: Uint8Array }).update)).toEqual(['x']);
  });
});
