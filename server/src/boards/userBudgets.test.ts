import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YDOC_RECORDS_KEY, YjsCloseCode } from '@conjecture/shared';
import { encodeAwareness, MessageType } from './syncMessages.js';
import { MAX_CONNECTIONS_PER_BOARD } from './userBudgets.js';
import { roomHarness, type FakePeer, type RoomHarness } from '../test/roomHarness.js';
import { geoShape } from '../test/records.js';

/**
 * A user's budgets on a board are the user's, not each connection's: opening more connections to one's own
 * board buys no more updates, presence, refused content or awareness answers — and only so many connect.
 */

/** An awareness message publishing `clientId`'s presence as `userId` (its `clock`th state). */
function presence(userId: string, clientId: number, clock: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, JSON.stringify({ user: { id: userId, color: '#123456' } }));
  return encodeAwareness(encoding.toUint8Array(e));
}

const QUERY_AWARENESS = new Uint8Array([MessageType.queryAwareness]);
const isAwareness = (message: Uint8Array) => message[0] === MessageType.awareness;

/**
 * `count` connections of `userId`, not synced: a client's answer to the room's sync step 1 is an update, and
 * would take a token of the budgets counted here.
 */
const connections = (h: RoomHarness, userId: string, count: number) =>
  Array.from({ length: count }, () => h.join(userId, { sync: false }));

/** An update, from a client id of its own, adding an entry the board refuses. */
function refusedEntry(): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray(YDOC_RECORDS_KEY).push([null]);
  return Y.encodeStateAsUpdate(doc);
}

describe('a user’s budgets on a board, over all their connections', () => {
  it('gives three connections of one user the update budget of one (burst of 4× the rate)', () => {
    const h = roomHarness({ maxUpdatesPerSecond: 5 });
    const tabs = connections(h, 'mallory', 3);
    let accepted = 0;
    let refused: FakePeer | undefined;
    for (let i = 0; i < 30 && !refused; i++) {
      const tab = tabs[i % 3] as FakePeer;
      tab.records.set(`shape:m${i}`, geoShape(`shape:m${i}`));
      if (tab.closed) refused = tab;
      else accepted += 1;
    }
    expect(accepted).toBe(20);
    expect(refused?.closed?.code).toBe(YjsCloseCode.rateLimited);
    // Only the connection that went over is closed; its siblings spend the same empty budget…
    const siblings = tabs.filter((tab) => tab !== refused);
    expect(siblings.every((tab) => tab.closed === null)).toBe(true);
    // …and earn it back with time, as one connection would.
    h.tick(1_000);
    const [next] = siblings as [FakePeer];
    next.records.set('shape:later', geoShape('shape:later'));
    expect(next.closed).toBeNull();
    // Another user's budget is their own.
    const ana = h.join('ana', { sync: false });
    for (let i = 0; i < 20; i++) ana.records.set(`shape:a${i}`, geoShape(`shape:a${i}`));
    expect(ana.closed).toBeNull();
  });

  it('keeps a user’s budgets after their last connection until they would have refilled', () => {
    const h = roomHarness({ maxUpdatesPerSecond: 5 });
    const tabs = connections(h, 'mallory', 2);
    for (let i = 0; i < 20; i++)
      (tabs[i % 2] as FakePeer).records.set(`shape:m${i}`, geoShape(`shape:m${i}`));
    for (const tab of tabs) h.room.leave(tab);
    // Hanging up and connecting again buys no new burst: the spent budget is still hers.
    const again = h.join('mallory', { sync: false });
    again.records.set('shape:n0', geoShape('shape:n0'));
    expect(again.closed?.code).toBe(YjsCloseCode.rateLimited);
    // Once every budget of hers would have refilled (the slowest, awareness queries: 4 at 1 per 10 s), a
    // connection starts afresh, as it would have with the budgets kept.
    h.tick(40_000);
    const later = h.join('mallory', { sync: false });
    for (let i = 0; i < 20; i++) later.records.set(`shape:l${i}`, geoShape(`shape:l${i}`));
    expect(later.closed).toBeNull();
  });

  it('keeps no presence of a user’s in her kept budgets: she publishes again when she is back', () => {
    const h = roomHarness();
    const first = h.join('mallory', { sync: false });
    for (let id = 100; id < 104; id++) h.room.receive(first, presence('mallory', id, 1));
    h.room.leave(first);
    const back = [h.join('mallory', { sync: false }), h.join('mallory', { sync: false })];
    back.forEach((tab, i) => {
      for (let id = 200 + 4 * i; id < 204 + 4 * i; id++) h.room.receive(tab, presence('mallory', id, 1));
    });
    const published = [...h.room.awareness.getStates().keys()].filter((id) => id >= 200);
    expect(published).toHaveLength(8);
  });

  it('closes the connection whose refused content runs past the user’s budget, not its siblings', () => {
    const h = roomHarness({ maxRejectedPerSecond: 2 }); // 20 refused values at once
    const tabs = connections(h, 'mallory', 3);
    let sent = 0;
    let refused: FakePeer | undefined;
    for (let i = 0; i < 60 && !refused; i++) {
      const tab = tabs[i % 3] as FakePeer;
      tab.sendUpdate(refusedEntry());
      sent += 1;
      if (tab.closed) refused = tab;
    }
    expect(refused?.closed?.code).toBe(YjsCloseCode.rejectedContent);
    expect(sent).toBe(21);
    expect(tabs.filter((tab) => tab.closed !== null)).toEqual([refused]);
  });

  it('relays a user’s awareness within one budget over all their connections (the rest dropped)', () => {
    const h = roomHarness({ maxAwarenessPerSecond: 5 }); // bursts of 10
    const wendy = h.join('wendy');
    const tabs = connections(h, 'mallory', 3);
    wendy.inbox.length = 0;
    for (let clock = 1; clock <= 10; clock++) {
      tabs.forEach((tab, i) => h.room.receive(tab, presence('mallory', 100 + i, clock)));
    }
    expect(wendy.inbox.filter(isAwareness)).toHaveLength(10);
    expect(tabs.every((tab) => tab.closed === null)).toBe(true);
  });

  it('holds a user to 8 presences on a board, however many connections publish them', () => {
    const h = roomHarness();
    const tabs = connections(h, 'mallory', 6);
    tabs.forEach((tab, i) => {
      h.room.receive(tab, presence('mallory', 100 + 2 * i, 1));
      h.room.receive(tab, presence('mallory', 101 + 2 * i, 1));
    });
    const published = [...h.room.awareness.getStates().keys()].filter((id) => id >= 100);
    expect(published).toHaveLength(8);
  });

  it('answers a few awareness queries, then one every few seconds, per user: past that no work, no reply', () => {
    const h = roomHarness();
    h.join('wendy');
    const tabs = connections(h, 'mallory', 3);
    const answers = () => tabs.reduce((n, tab) => n + tab.inbox.filter(isAwareness).length, 0);
    for (const tab of tabs) tab.inbox.length = 0;
    for (let i = 0; i < 30; i++) h.room.receive(tabs[i % 3] as FakePeer, QUERY_AWARENESS);
    expect(answers()).toBe(4);
    expect(tabs.every((tab) => tab.closed === null)).toBe(true);
    h.tick(10_000);
    for (let i = 0; i < 30; i++) h.room.receive(tabs[i % 3] as FakePeer, QUERY_AWARENESS);
    expect(answers()).toBe(5);
    // Another user asks on their own budget.
    const ana = h.join('ana');
    ana.inbox.length = 0;
    h.room.receive(ana, QUERY_AWARENESS);
    expect(ana.inbox.filter(isAwareness)).toHaveLength(1);
  });
});

describe('connections per user and board', () => {
  it('refuses a student’s connection past the cap (4430), while another user still connects', () => {
    const h = roomHarness();
    const cap = MAX_CONNECTIONS_PER_BOARD.student;
    const tabs = connections(h, 'mallory', cap);
    expect(tabs.every((tab) => tab.closed === null)).toBe(true);
    const extra = h.join('mallory');
    expect(extra.closed?.code).toBe(YjsCloseCode.tooManyConnections);
    expect(extra.inbox).toHaveLength(0); // refused before anything was sent (or encoded) for it
    expect(h.room.connectionCount).toBe(cap);
    const ana = h.join('ana');
    expect(ana.closed).toBeNull();
    // A connection that leaves makes room for another.
    h.room.leave(tabs[0] as FakePeer);
    expect(h.join('mallory').closed).toBeNull();
  });

  it('lets a teacher hold more (dashboard thumbnail, editor, following, each overlapping a reconnect)', () => {
    const h = roomHarness();
    const cap = MAX_CONNECTIONS_PER_BOARD.teacher;
    expect(cap).toBeGreaterThan(MAX_CONNECTIONS_PER_BOARD.student);
    const views = Array.from({ length: cap }, () =>
      h.join('teacher', { writable: false, maxConnections: cap }),
    );
    expect(views.every((view) => view.closed === null)).toBe(true);
    const extra = h.join('teacher', { writable: false, maxConnections: cap });
    expect(extra.closed?.code).toBe(YjsCloseCode.tooManyConnections);
  });
});
