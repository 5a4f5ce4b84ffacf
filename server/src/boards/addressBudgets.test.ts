import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ADDRESS_BUDGET_FACTOR, YDOC_RECORDS_KEY, YjsCloseCode } from '@conjecture/shared';
import { roomHarness, type FakePeer, type RoomHarness } from '../test/roomHarness.js';
import { geoShape } from '../test/records.js';

/**
 * On a board outside any class a connection's user is whatever its `?user=` claims: a client claiming a
 * fresh user for each connection would get a fresh budget each time. Its writes also spend its address's
 * budgets, worth ADDRESS_BUDGET_FACTOR users, as the REST routes charge a caller without credentials.
 */

const UPDATE_BURST = 4; // a user's updates at once: 4× the rate per second

/** One connection per fresh user from `address`, each spending its own user's whole burst of updates. */
let claims = 0;
function rotateUsers(h: RoomHarness, address: string | undefined, users: number): FakePeer[] {
  const peers: FakePeer[] = [];
  for (let u = 0; u < users; u++) {
    const user = `fresh${claims++}`;
    const peer = h.join(user, { sync: false, ...(address ? { address } : {}) });
    for (let i = 0; i < UPDATE_BURST && !peer.closed; i++)
      peer.records.set(`shape:${user}-${i}`, geoShape(`shape:${user}-${i}`));
    peers.push(peer);
  }
  return peers;
}

/** An update, from a client id of its own, adding an entry the board refuses. */
function refusedEntry(): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray(YDOC_RECORDS_KEY).push([null]);
  return Y.encodeStateAsUpdate(doc);
}

describe('write budgets of connections without a credential, per client address', () => {
  it('gives an address rotating `?user=` the updates of ADDRESS_BUDGET_FACTOR users, not one per claim', () => {
    const h = roomHarness({ maxUpdatesPerSecond: 1 });
    const peers = rotateUsers(h, '198.51.100.7', ADDRESS_BUDGET_FACTOR);
    expect(peers.filter((p) => p.closed)).toEqual([]);
    // The address's budget is spent: the next fresh user's first update closes its connection.
    const [next] = rotateUsers(h, '198.51.100.7', 1);
    expect(next?.closed?.code).toBe(YjsCloseCode.rateLimited);
    // Closing every connection and claiming afresh earns nothing back: the address's budget outlives them.
    for (const peer of peers) h.room.leave(peer);
    const [again] = rotateUsers(h, '198.51.100.7', 1);
    expect(again?.closed?.code).toBe(YjsCloseCode.rateLimited);
    // Another address, and a connection with a credential (a class's session: no address), write on.
    const [neighbour] = rotateUsers(h, '198.51.100.8', 1);
    expect(neighbour?.closed).toBeNull();
    const student = h.join('student', { sync: false });
    student.records.set('shape:s', geoShape('shape:s'));
    expect(student.closed).toBeNull();
    // The address earns it back with time, as a user does.
    h.tick(1_000);
    const [later] = rotateUsers(h, '198.51.100.7', 1);
    expect(later?.closed).toBeNull();
  });

  it('leaves connections with a credential to their user’s budget alone, however many users', () => {
    const h = roomHarness({ maxUpdatesPerSecond: 1 });
    const peers = rotateUsers(h, undefined, ADDRESS_BUDGET_FACTOR + 5);
    expect(peers.filter((p) => p.closed)).toEqual([]);
  });

  it('bounds refused content per address as well', () => {
    const h = roomHarness({ maxRejectedPerSecond: 1 }); // 10 refused values at once per user
    const perUser = 10;
    let closed: FakePeer | undefined;
    let sent = 0;
    for (let u = 0; u <= ADDRESS_BUDGET_FACTOR && !closed; u++) {
      const peer = h.join(`fresh${u}`, { sync: false, address: '198.51.100.7' });
      for (let i = 0; i < perUser && !peer.closed; i++) {
        peer.sendUpdate(refusedEntry());
        sent += 1;
      }
      if (peer.closed) closed = peer;
    }
    expect(closed?.closed?.code).toBe(YjsCloseCode.rejectedContent);
    expect(sent).toBe(ADDRESS_BUDGET_FACTOR * perUser + 1);
  });
});
