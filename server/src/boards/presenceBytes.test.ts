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

/** What a presence names beyond the cursor: selected shape ids, 200-point scribbles (a laser stroke). */
interface Busy {
  selected: number;
  scribbles?: number;
}

/** A presence as tldraw's record makes it, busy as `busy` says. */
function presence(userId: string, clientId: number, clock: number, busy: Busy): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, clientId);
  encoding.writeVarUint(e, clock);
  encoding.writeVarString(e, stateJson(userId, busy));
  return encodeAwareness(encoding.toUint8Array(e));
}

const scribble = (k: number) => ({
  id: `laser${k}`,
  size: 8,
  color: 'laser',
  opacity: 0.8,
  state: 'active',
  delay: 0,
  shrink: 0.1,
  taper: true,
  points: Array.from({ length: 200 }, (_, i) => ({
    x: 1234.5678 + i * 1.2345,
    y: 987.6543 - i * 0.8765,
    z: 0.5,
  })),
});

const states = new Map<string, string>();
/** The state's JSON, made once per user and busyness: a flood sends the same large state again. */
function stateJson(userId: string, { selected, scribbles = 0 }: Busy): string {
  const key = `${userId} ${selected} ${scribbles}`;
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
      scribbles: Array.from({ length: scribbles }, (_, k) => scribble(k)),
      chatMessage: '',
      meta: {},
    },
  };
  const json = JSON.stringify(state);
  states.set(key, json);
  return json;
}

/**
 * Our client publishes at most the first MAX_SHOWN_SELECTION (200) selected ids (client presenceBridge), at
 * most every PRESENCE_THROTTLE_MS (50 ms). A select-all on a big board dragged about; and everything at
 * once: that selection, a brush and two laser strokes.
 */
const SELECT_ALL: Busy = { selected: 200 };
const EVERYTHING: Busy = { selected: 200, scribbles: 2 };
/** A page loaded before our client capped its selection names every selected id. */
const OLD_PAGE_SELECT_ALL: Busy = { selected: 1_000 };
const STATES_PER_SECOND = 20;

/** Ana publishing `busy` states at our client's rate for a minute: how many reached Wendy, and Ana's fate. */
function aMinuteOf(busy: Busy) {
  const h = roomHarness();
  const wendy = h.join('wendy');
  const ana = h.join('ana', { sync: false });
  wendy.inbox.length = 0;
  let relayed = 0;
  const sent = STATES_PER_SECOND * 60;
  for (let clock = 1; clock <= sent; clock++) {
    h.tick(1000 / STATES_PER_SECOND);
    const before = wendy.inbox.length;
    h.room.receive(ana, presence('ana', 7, clock, busy));
    relayed += wendy.inbox.length - before;
  }
  return { sent, relayed, closed: ana.closed };
}

const awarenessBytes = (peer: FakePeer) =>
  peer.inbox.filter((m) => m[0] === MessageType.awareness).reduce((n, m) => n + m.byteLength, 0);

describe('presence bytes a user may have relayed to her classmates', () => {
  it('relays at most the burst, then the sustained rate, of a script’s large valid states; never closes it', () => {
    const h = roomHarness();
    const wendy = h.join('wendy');
    const tabs = [h.join('mallory', { sync: false }), h.join('mallory', { sync: false })];
    wendy.inbox.length = 0;
    const big = (tab: number, clock: number) => presence('mallory', 100 + tab, clock, { selected: 1_900 }); // ~57 KB
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

  it('holds a script to half a MiB a second per classmate, 1 MiB at once', () => {
    const h = roomHarness();
    const wendy = h.join('wendy');
    const mallory = h.join('mallory', { sync: false });
    wendy.inbox.length = 0;
    let clock = 0;
    for (let i = 0; i < 100; i++)
      h.room.receive(mallory, presence('mallory', 9, ++clock, { selected: 1_900 }));
    expect(awarenessBytes(wendy)).toBeLessThanOrEqual(1024 * 1024);
    for (let step = 0; step < 100; step++) {
      h.tick(100);
      for (let i = 0; i < 10; i++)
        h.room.receive(mallory, presence('mallory', 9, ++clock, { selected: 1_900 }));
    }
    expect(awarenessBytes(wendy)).toBeLessThanOrEqual(1024 * 1024 + 10 * 512 * 1024);
    expect(mallory.closed).toBeNull();
  });

  it('relays every state of an honest worst case, as our client publishes it, for a minute', () => {
    // A select-all dragged about fits the budget twice over.
    const selectAllBytes = presence('ana', 7, 1, SELECT_ALL).byteLength;
    expect(2 * STATES_PER_SECOND * selectAllBytes).toBeLessThanOrEqual(PRESENCE_BYTES_PER_SECOND);
    for (const busy of [SELECT_ALL, EVERYTHING]) {
      const { sent, relayed, closed } = aMinuteOf(busy);
      expect(relayed).toBe(sent);
      expect(closed).toBeNull();
    }
  });

  it('thins, never closes, a page loaded before the cap that drags a select-all about', () => {
    const { sent, relayed, closed } = aMinuteOf(OLD_PAGE_SELECT_ALL);
    expect(closed).toBeNull();
    // Her classmates see her cursor a little less smoothly: most of her states, not every one.
    expect(relayed).toBeLessThan(sent);
    expect(relayed).toBeGreaterThan(0.8 * sent);
  });
});
