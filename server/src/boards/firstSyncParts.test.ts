import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@conjecture/shared';
import { MessageType, SyncType } from './syncMessages.js';
import { roomHarness, type FakePeer, type RoomHarness } from '../test/roomHarness.js';
import { geoShape } from '../test/records.js';

/** Sends the peer's state vector (sync step 1) and returns the kinds of the room's answer, not yet applied. */
function ask(harness: RoomHarness, peer: FakePeer): string[] {
  peer.inbox.length = 0; // the room's own step 1, sent at join
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, MessageType.sync);
  syncProtocol.writeSyncStep1(step1, peer.doc);
  harness.room.receive(peer, encoding.toUint8Array(step1));
  return peer.inbox.map((message) => {
    const decoder = decoding.createDecoder(message);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.sync);
    const sub = decoding.readVarUint(decoder);
    return sub === SyncType.step2 ? 'step2' : sub === SyncType.update ? 'update' : 'other';
  });
}

/** A big board grows over a lesson; these tests fill it in one transaction, past a student's budget for that. */
const FILL_AT_ONCE = { maxRecordsCreated: 1_000 };

describe('a board’s first sync', () => {
  it('goes, for a big board, as updates and then a last part as the step 2, and gives the whole board', () => {
    const harness = roomHarness(FILL_AT_ONCE);
    const ana = harness.join('ana');
    const text = 'x'.repeat(1_200); // 560 shapes of ~1.3 kB: about 700 kB, three parts of up to 256 kB
    ana.doc.transact(() => {
      for (let i = 0; i < 560; i++)
        ana.records.set(`shape:s${i}`, geoShape(`shape:s${i}`, { meta: { text } }));
    });
    ana.records.delete('shape:s7'); // and a delete set, which goes with the last part

    const ben = harness.join('ben', { sync: false });
    expect(ask(harness, ben)).toEqual(['update', 'update', 'step2']);
    ben.deliver();
    expect(ben.records.yarray.toJSON()).toEqual(ana.records.yarray.toJSON());
    expect(ben.records.get('shape:s7')).toBeUndefined();
    expect(ben.doc.store.pendingStructs).toBeNull();
  });

  it('is one step 2 for a small board, and for what a returning browser lacks', () => {
    const harness = roomHarness();
    const ana = harness.join('ana');
    ana.records.set('shape:a', geoShape('shape:a'));
    const ben = harness.join('ben', { sync: false });
    expect(ask(harness, ben)).toEqual(['step2']);
    ben.deliver();
    ana.doc.transact(() => {
      for (let i = 0; i < 400; i++)
        ana.records.set(`shape:s${i}`, geoShape(`shape:s${i}`, { meta: { pad: 'y'.repeat(1_000) } }));
    });
    ben.deliver(); // relayed as it happened
    expect(ask(harness, ben)).toEqual(['step2']);
  });

  /** A board of about 700 kB and more: a few parts of up to 256 kB. */
  function bigBoard(): RoomHarness {
    const harness = roomHarness(FILL_AT_ONCE);
    const ana = harness.join('ana');
    ana.doc.transact(() => {
      for (let i = 0; i < 560; i++)
        ana.records.set(`shape:s${i}`, geoShape(`shape:s${i}`, { meta: { text: 'x'.repeat(1_200) } }));
    });
    return harness;
  }

  it('is not answered again and again for a big board: a connection that keeps asking is closed', () => {
    const harness = bigBoard();
    const mallory = harness.join('mallory', { sync: false });
    const answers: number[] = [];
    while (!mallory.closed && answers.length < 40) {
      const kinds = ask(harness, mallory);
      if (kinds.length > 0) answers.push(kinds.length);
    }
    // A few parts a time: the burst of 48 parts is a dozen answers or so, then the connection is closed.
    const parts = answers[0] as number;
    expect(parts).toBeGreaterThanOrEqual(3);
    expect(answers.length).toBe(Math.ceil(48 / parts));
    expect(mallory.closed?.code).toBe(YjsCloseCode.rateLimited);
  });

  it('counts a user’s answers across connections: reconnecting to ask again does not refill the budget', () => {
    const harness = bigBoard();
    const whole = ask(harness, harness.join('ben', { sync: false }));
    let answers = 0;
    let connections = 0;
    let refused: FakePeer | null = null;
    while (!refused && connections < 40) {
      const mallory = harness.join('mallory', { sync: false });
      connections += 1;
      if (ask(harness, mallory).length > 0) answers += 1;
      if (mallory.closed) refused = mallory;
      else harness.room.leave(mallory);
    }
    expect(answers).toBe(Math.ceil(48 / whole.length));
    expect(refused?.closed?.code).toBe(YjsCloseCode.rateLimited);
    // Another user is answered as usual, and mallory again once the budget has refilled (two parts a second).
    expect(ask(harness, harness.join('cleo', { sync: false }))).toEqual(whole);
    harness.tick(1_000 * whole.length);
    expect(ask(harness, harness.join('mallory', { sync: false }))).toEqual(whole);
  });

  it('answers a teacher who opens a big board on the dashboard, the projector and in the editor at once', () => {
    const harness = bigBoard();
    const views = [1, 2, 3].map(() => harness.join('teacher', { writable: false, sync: false }));
    for (const view of views) {
      const kinds = ask(harness, view);
      expect(kinds.length).toBeGreaterThanOrEqual(3);
      expect(kinds.at(-1)).toBe('step2');
    }
    expect(views.every((view) => view.closed === null)).toBe(true);
  });

  it('answers a client that resyncs every few seconds (small answers) for as long as it likes', () => {
    const harness = roomHarness();
    const ana = harness.join('ana');
    ana.records.set('shape:a', geoShape('shape:a'));
    const ben = harness.join('ben');
    for (let i = 0; i < 100; i++) {
      harness.tick(2_000);
      expect(ask(harness, ben)).toEqual(['step2']);
      ben.deliver();
    }
    expect(ben.closed).toBeNull();
  });
});
