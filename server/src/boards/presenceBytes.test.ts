import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { encodeAwareness, MessageType } from './syncMessages.js';
import { PRESENCE_BYTES_BURST, PRESENCE_BYTES_PER_SECOND } from './presenceCheck.js';
import { roomHarness, type FakePeer } from '../test/roomHarness.js';

/**
 * Every presence a user publishes is relayed to each classmate on the board, so what one user may publish
 * in bytes is what each classmate's Chromebook must take in over the school's Wi-Fi. The budget is the
 * user's, in bytes (sustained and burst); past it her states are dropped, her connection never closed.
 */

/** A presence as our client publishes it: tldraw's presence record with `selected` shapes selected. */
function presence(userId: string, clientId: number, clock: number, selected: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, stateJson(userId, selected));
  return encodeAwareness(encoding.toUint8Array(e));
}

const states = new Map<string, string>();
/** The state's JSON, made once per user and selection: a flood sends the same large state again. */
function stateJson(userId: string, selected: number): string {
  const key = `${userId} ${selected}`;
  const known = states.get(key);
  if (known !== undefined) return known;
  const state = {
    user: { id: userId, color: '#1f77b4' },
    presence: {
      typeName: 'instance_presence',
      id: 'instance_presence:x',
      userId: `user:${userId}`,
      userName: '',
      lastActivityTimestamp: 1_765_000_000_000,
      color: '#1f77b4',
      camera: { x: -1234.567, y: -987.123, z: 0.734 },
      cursor: { x: 1234.5678, y: 987.6543, type: 'default', rotation: 0 },
      screenBounds: { x: 0, y: 0, w: 1366, h: 768 },
      brush: { x: 100.123, y: 200.456, w: 300.789, h: 400.123 },
      // tldraw's shape ids: 'shape:' and a 21-character nanoid.
      selectedShapeIds: Array.from({ length: selected }, (_, i) => `shape:${String(i).padStart(21, 'a')}`),
      currentPageId: 'page:page',
      followingUserId: null,
      scribbles: [],
      chatMessage: '',
      meta: {},
    },
  };
  const json = JSON.stringify(state);
  states.set(key, json);
  return json;
}

const awarenessBytes = (peer: FakePeer) =>
  peer.inbox.filter((m) => m[0] === MessageType.awareness).reduce((n, m) => n + m.byteLength, 0);

describe('presence bytes a user may have relayed to her classmates', () => {
  it('relays at most the burst, then the sustained rate, of a script’s large valid states; never closes it', () => {
    const h = roomHarness();
    const wendy = h.join('wendy');
    const tabs = [h.join('mallory', { sync: false }), h.join('mallory', { sync: false })];
    wendy.inbox.length = 0;
    const big = (tab: number, clock: number) => presence('mallory', 100 + tab, clock, 1_900); // ~57 KB
    expect(big(0, 1).byteLength).toBeGreaterThan(50_000);
    let clock = 0;
    // A flood at one instant: 200 states over two connections of one user.
    for (let i = 0; i < 200; i++) h.room.receive(tabs[i % 2] as FakePeer, big(i % 2, ++clock));
    expect(awarenessBytes(wendy)).toBeGreaterThan(0);
    expect(awarenessBytes(wendy)).toBeLessThanOrEqual(PRESENCE_BYTES_BURST);
    // Ten seconds of flooding, 100 states every 100 ms: no more than the rate over that time.
    for (let step = 0; step < 100; step++) {
      h.tick(100);
      for (let i = 0; i < 100; i++) h.room.receive(tabs[i % 2] as FakePeer, big(i % 2, ++clock));
    }
    expect(awarenessBytes(wendy)).toBeLessThanOrEqual(PRESENCE_BYTES_BURST + 10 * PRESENCE_BYTES_PER_SECOND);
    expect(tabs.every((tab) => tab.closed === null)).toBe(true);
  });

  it('relays every state of an honest worst case: 1,000 shapes selected, the cursor moving, for a minute', () => {
    const h = roomHarness();
    const wendy = h.join('wendy');
    const ana = h.join('ana', { sync: false });
    wendy.inbox.length = 0;
    // Our client publishes at most every PRESENCE_THROTTLE_MS (50 ms), and renews its state every 15 s.
    let relayed = 0;
    for (let clock = 1; clock <= 20 * 60; clock++) {
      h.tick(50);
      const before = wendy.inbox.length;
      h.room.receive(ana, presence('ana', 7, clock, 1_000));
      relayed += wendy.inbox.length - before;
    }
    expect(relayed).toBe(20 * 60);
    expect(ana.closed).toBeNull();
  });
});
