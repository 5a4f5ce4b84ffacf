import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { YjsCloseCode, YjsRefusal, type YjsRefusalReason } from '@conjecture/shared';
import {
  EQUATION_DEFAULT_PROPS,
  MAX_NESTING_DEPTH,
  NUMBER_LINE_DEFAULT_PROPS,
  TABLE_DEFAULT_PROPS,
  nestingDepth,
  recordText,
  segmentPoints,
  writtenContent,
} from '@conjecture/shared/board/index';
import { shapeRecord } from '@conjecture/shared/board/shapeRecordFixtures';
import { richTextError } from '@conjecture/shared/board/richTextSchema';
import { outOfSightRefusal } from './outOfSight.js';
import {
  arrowBinding,
  arrowShape,
  frameShape,
  geoShape,
  imageShape,
  noteShape,
  strokeShape,
} from '../test/records.js';
import { deleteOnlyUpdate, roomHarness, storedRecords } from '../test/roomHarness.js';
import type { FakePeer } from '../test/roomHarness.js';

/**
 * Well-formed Yjs updates used as weapons by a student's own connection, driven through the room message
 * by message. Each case failed on 25a8add, where the room applied whatever Yjs accepted.
 */

const stateOf = (peer: FakePeer) => ({
  client: peer.doc.clientID,
  clock: Y.getState(peer.doc.store, peer.doc.clientID),
});
/** A record put straight into the board's stored log, as a build from before a check would have let it in. */
function storedPastTheRoom(h: ReturnType<typeof roomHarness>, key: string, val: unknown): void {
  const old = new Y.Doc();
  Y.applyUpdate(old, Y.encodeStateAsUpdate(h.room.doc));
  old.getArray('tldraw').push([{ key, val }]);
  const update = Y.encodeStateAsUpdate(old, Y.encodeStateVector(h.room.doc));
  h.store.appendUpdates(h.boardId, [{ update, author: 'ana', at: 0 }]);
}
const authorsInLog = (h: ReturnType<typeof roomHarness>) =>
  h.store.updatesAfter(h.boardId, 0).map((u) => u.author);
/** A board holding Ana's `shape:keep` and `record` stored past the room, reloaded: her shape stands. */
function reloadedWithStored(record: Record<string, unknown>): ReturnType<typeof roomHarness> {
  const h = roomHarness();
  h.join('ana').records.set('shape:keep', geoShape('shape:keep'));
  storedPastTheRoom(h, record.id as string, record);
  h.reload();
  expect(h.room.records.get('shape:keep')).toBeDefined();
  return h;
}
/** Ana writes `record`: it never reaches Ben, is taken back from her screen, and she alone is told `reason`. */
function expectTakenBack(record: Record<string, unknown>, reason: YjsRefusalReason): void {
  const h = roomHarness();
  const ana = h.join('ana');
  const ben = h.join('ben');
  const key = record.id as string;
  ana.records.set(key, record);
  ben.deliver();
  ana.deliver();
  expect(ben.records.has(key)).toBe(false);
  expect(ana.records.has(key)).toBe(false);
  expect(ana.refusals).toEqual([reason]);
  expect(ben.refusals).toEqual([]);
}

/** Ana, Ben and Mallory on one board, Ana's `shape:a1` on it, and Mallory's copy holding it. */
function anaHasAShapeMalloryHasSeen() {
  const h = roomHarness();
  const ana = h.join('ana');
  const ben = h.join('ben');
  const mallory = h.join('mallory');
  ana.records.set('shape:a1', geoShape('shape:a1'));
  mallory.deliver();
  return { h, ana, ben, mallory };
}

describe('an update the room cannot apply completely', () => {
  it('is refused when it deletes a classmate’s future changes, and her later work reaches everyone', () => {
    const { h, ana, ben, mallory } = anaHasAShapeMalloryHasSeen();
    const { client, clock } = stateOf(ana);

    mallory.sendUpdate(deleteOnlyUpdate(client, clock, 1_000_000));
    expect(mallory.closed?.code).toBe(YjsCloseCode.incompleteUpdate);
    expect(h.room.doc.store.pendingDs).toBeNull();

    ana.records.set('shape:a2', geoShape('shape:a2'));
    ben.deliver();
    expect(ben.records.has('shape:a2')).toBe(true);
    expect(storedRecords(h.store, h.boardId).has('shape:a2')).toBe(true);
    expect(authorsInLog(h)).not.toContain('mallory');
  });

  it('is refused when its structs depend on changes nobody sent, and nothing of it is kept', () => {
    const h = roomHarness();
    const mallory = h.join('mallory');
    // A big struct placed after an item of a client the room never saw; only the big struct is sent.
    const ghost = new Y.Doc();
    ghost.getArray('tldraw').push([{ key: 'shape:ghost', val: geoShape('shape:ghost') }]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(h.room.doc));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(ghost));
    const before = Y.encodeStateVector(doc);
    const pad = 'x'.repeat(500_000);
    const arr = doc.getArray<{ key: string; val?: unknown }>('tldraw');
    const afterGhost = arr.toArray().findIndex((e) => e.key === 'shape:ghost') + 1;
    arr.insert(afterGhost, [{ key: 'shape:big', val: geoShape('shape:big', { meta: { pad } }) }]);
    const newcomerBytes = Y.encodeStateAsUpdate(h.room.doc).byteLength;

    mallory.sendUpdate(Y.encodeStateAsUpdate(doc, before));
    expect(mallory.closed?.code).toBe(YjsCloseCode.incompleteUpdate);
    expect(h.room.doc.store.pendingStructs).toBeNull();
    expect(Y.encodeStateAsUpdate(h.room.doc).byteLength).toBe(newcomerBytes);
    expect(authorsInLog(h)).not.toContain('mallory');
  });

  it('from the sender’s own missing changes is answered by asking for them, and then applies', () => {
    const h = roomHarness();
    const ana = h.join('ana', { writable: false });
    const ben = h.join('ben');
    ana.records.set('shape:while-paused', geoShape('shape:while-paused')); // discarded: read-only
    expect(h.room.discardedUpdates).toBe(1);
    h.room.setWritable(ana, true);
    ana.records.set('shape:after', geoShape('shape:after')); // builds on the discarded change
    expect(ana.closed).toBeNull();
    ana.deliver(); // the room asked for what it lacks; ana answers with everything
    ben.deliver();
    expect(ben.records.has('shape:while-paused')).toBe(true);
    expect(ben.records.has('shape:after')).toBe(true);
  });
});

describe('a client id', () => {
  it('belongs to the user who first wrote under it: a classmate squatting it is cut off', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    const ben = h.join('ben');
    ana.records.set('shape:a1', geoShape('shape:a1'));
    const mallory = h.join('mallory');
    mallory.sendUpdate(
      craft(
        h,
        (doc) => doc.getArray('tldraw').push([{ key: 'shape:m', val: geoShape('shape:m') }]),
        ana.doc.clientID,
      ),
    );
    expect(mallory.closed?.code).toBe(YjsCloseCode.clientIdTaken);

    ana.records.set('shape:a2', geoShape('shape:a2'));
    ben.deliver();
    expect(ben.records.has('shape:a2')).toBe(true);
    expect(ben.records.has('shape:m')).toBe(false);
  });

  it('stays its writer’s after the board is reloaded from storage', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    ana.records.set('shape:a1', geoShape('shape:a1'));
    const anaId = ana.doc.clientID;
    h.reload();
    const edit = (doc: Y.Doc) =>
      doc.getArray('tldraw').push([{ key: 'shape:a2', val: geoShape('shape:a2') }]);
    const mallory = h.join('mallory');
    mallory.sendUpdate(craft(h, edit, anaId));
    expect(mallory.closed?.code).toBe(YjsCloseCode.clientIdTaken);
    // Ana herself, back on a new connection with the same doc, carries on.
    const anaAgain = h.join('ana');
    anaAgain.sendUpdate(craft(h, edit, anaId));
    expect(anaAgain.closed).toBeNull();
    expect(h.room.records.get('shape:a2')).toBeDefined();
  });

  it('pushed ages ahead by structs that hold nothing (a GC run, deleted content) costs the board nothing', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    const ben = h.join('ben');
    ana.records.set('shape:a1', geoShape('shape:a1'));
    const mallory = h.join('mallory');
    const own = mallory.doc.clientID;
    mallory.sendUpdate(emptyStruct({ client: own, clock: 0, length: 2 ** 40 }));
    mallory.sendUpdate(emptyStruct({ client: own, clock: 2 ** 40, length: 2 ** 30, deletedIn: 'tldraw' }));
    mallory.sendUpdate(emptyStruct({ client: 4242, clock: 0, length: Number.MAX_SAFE_INTEGER }));
    expect(mallory.closed).toBeNull();
    expect(Y.getState(h.room.doc.store, own)).toBe(2 ** 40 + 2 ** 30);

    ana.records.set('shape:a2', geoShape('shape:a2'));
    ben.deliver();
    expect(ben.records.has('shape:a2')).toBe(true);
    h.reload();
    const zed = h.join('zed');
    zed.deliver();
    expect(zed.records.has('shape:a1') && zed.records.has('shape:a2')).toBe(true);
    expect(Y.encodeStateAsUpdate(h.room.doc).byteLength).toBeLessThan(4096);
  });

  it('the server writes under is nobody else’s', () => {
    const h = roomHarness();
    h.room.change((records) => records.set('shape:s', geoShape('shape:s')));
    const mallory = h.join('mallory');
    mallory.sendUpdate(
      craft(
        h,
        (doc) => doc.getArray('tldraw').push([{ key: 'shape:m', val: geoShape('shape:m') }]),
        h.room.doc.clientID,
      ),
    );
    expect(mallory.closed?.code).toBe(YjsCloseCode.clientIdTaken);
  });
});

/**
 * One struct of `length` clock ticks that holds nothing, written by hand as a hostile client would: a GC run, or
 * (with `deletedIn`) deleted content at the start of that root array. Yjs keeps either as one struct, whatever
 * its length.
 */
function emptyStruct(at: { client: number; clock: number; length: number; deletedIn?: string }): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // structs of one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, at.client);
  encoding.writeVarUint(e, at.clock);
  if (at.deletedIn === undefined) {
    encoding.writeUint8(e, 0); // GC
  } else {
    encoding.writeUint8(e, 1); // an item with no origins: ContentDeleted
    encoding.writeVarUint(e, 1); // its parent is a root type, by name
    encoding.writeVarString(e, at.deletedIn);
  }
  encoding.writeVarUint(e, at.length);
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

/**
 * An update made on a copy of the room's doc (no YKeyValue reader attached, so anything goes), under
 * `client` if given: what a hand-written hostile client sends.
 */
function craft(h: ReturnType<typeof roomHarness>, edit: (doc: Y.Doc) => void, client?: number): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(h.room.doc));
  if (client !== undefined) doc.clientID = client; // after loading: Yjs renames a doc that receives its own id
  const before = Y.encodeStateVector(doc);
  doc.transact(() => edit(doc));
  return Y.encodeStateAsUpdate(doc, before);
}

describe('validation per item', () => {
  it('removes every copy of a refused entry sent twice in one update', () => {
    const h = roomHarness();
    const mallory = h.join('mallory');
    const ben = h.join('ben');
    const forged = {
      key: 'critique:x',
      val: { id: 'critique:x', typeName: 'critique', replies: [{ author: 'teacher' }] },
    };
    const invalid = { key: 'shape:bad', val: { ...geoShape('shape:bad'), x: 'left' } };
    mallory.sendUpdate(craft(h, (doc) => doc.getArray('tldraw').push([forged, forged, invalid, invalid])));
    ben.deliver();
    mallory.deliver();
    for (const peer of [ben, mallory]) {
      expect(peer.records.has('critique:x')).toBe(false);
      expect(peer.records.has('shape:bad')).toBe(false);
    }
    const stored = storedRecords(h.store, h.boardId);
    expect(stored.has('critique:x') || stored.has('shape:bad')).toBe(false);
  });

  it('takes a null (or any non-entry) out, so stock YKeyValue readers keep working', () => {
    const h = roomHarness();
    const mallory = h.join('mallory');
    mallory.sendUpdate(craft(h, (doc) => doc.getArray('tldraw').push([null, 7, 'x', null])));
    expect(
      h.room.doc
        .getArray('tldraw')
        .toArray()
        .every((v) => v !== null && typeof v === 'object'),
    ).toBe(true);
    // A reader made before its first sync, as the web client makes one.
    const late = h.join('late', { sync: false });
    expect(() => late.sync()).not.toThrow();
    expect(late.records.has('document:document')).toBe(true);
  });

  it('reads locks from the server, not from the transaction that clears them', () => {
    const h = roomHarness();
    h.room.change((records) => {
      records.set('shape:card', geoShape('shape:card', { x: 100 }));
      records.set('shape:question', geoShape('shape:question', { x: 300 }));
      records.lock(['shape:card', 'shape:question']);
    });
    const mallory = h.join('mallory');
    mallory.doc.transact(() => {
      mallory.records.set('shape:card', geoShape('shape:card', { x: 900 }));
      mallory.records.delete('shape:question');
      mallory.meta.set('locked', []);
    });
    mallory.deliver();
    expect(mallory.records.get('shape:card')).toMatchObject({ x: 100 });
    expect(mallory.records.has('shape:question')).toBe(true);
    expect(mallory.meta.get('locked')).toEqual(['shape:card', 'shape:question']);
    const stored = storedRecords(h.store, h.boardId);
    expect(stored.get('shape:card')).toMatchObject({ x: 100 });
    expect(stored.has('shape:question')).toBe(true);
  });

  it('keeps the schema label to versions the board can migrate from', () => {
    const h = roomHarness();
    const mallory = h.join('mallory');
    const label = structuredClone(h.room.records.meta.get('schema')) as { sequences: Record<string, number> };
    mallory.meta.set('schema', { anything: true });
    mallory.deliver();
    expect(mallory.meta.get('schema')).toEqual(label);
    const future = { ...label, sequences: { ...label.sequences, 'com.tldraw.shape.geo': 999 } };
    mallory.meta.set('schema', future);
    mallory.deliver();
    expect(mallory.meta.get('schema')).toEqual(label);
    mallory.meta.set('other', 1);
    mallory.deliver();
    expect(mallory.meta.has('other')).toBe(false);
  });
});

describe('reverting', () => {
  it('takes thousands of scattered junk values out in one server change, in ranges', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    for (let i = 0; i < 50; i++) ana.records.set(`shape:s${i}`, geoShape(`shape:s${i}`));
    const mallory = h.join('mallory');
    mallory.sendUpdate(
      craft(h, (doc) => {
        const arr = doc.getArray('tldraw');
        for (let i = 0; i < 3000; i++) arr.insert((i * 7919) % (arr.length + 1), [null]);
      }),
    );
    const log = h.store.updatesAfter(h.boardId, 0);
    const revert = log.at(-1);
    expect(revert?.author).toBe('server');
    expect(log.at(-2)?.author).toBe('mallory');
    expect(
      h.room.doc
        .getArray('tldraw')
        .toArray()
        .filter((v) => v === null),
    ).toHaveLength(0);
    expect(h.room.records.keys().filter((k) => k.startsWith('shape:s'))).toHaveLength(50);
  });

  it('refuses an update with more items than a room applies at once', () => {
    const h = roomHarness({ maxItemsPerUpdate: 1000 });
    const mallory = h.join('mallory');
    mallory.sendUpdate(
      craft(h, (doc) => {
        for (let i = 0; i < 1200; i++) doc.getArray('tldraw').insert(0, [{ key: `shape:j${i}`, val: {} }]);
      }),
    );
    expect(mallory.closed?.code).toBe(YjsCloseCode.tooLarge);
    expect(authorsInLog(h)).not.toContain('mallory');
  });

  it('does not count refused bytes against the board’s cap', () => {
    const h = roomHarness({ maxBoardBytes: 200_000, maxRejectedPerSecond: 1000 });
    for (let round = 0; round < 8; round++) {
      const mallory = h.join(`mallory${round}`);
      mallory.doc.getArray('tldraw').push([{ key: `shape:junk${round}`, val: { pad: 'x'.repeat(40_000) } }]);
      expect(mallory.closed).toBeNull();
    }
    const ana = h.join('ana');
    ana.records.set('shape:ok', geoShape('shape:ok'));
    expect(ana.closed).toBeNull();
    expect(storedRecords(h.store, h.boardId).has('shape:ok')).toBe(true);
  });

  it('counts what the board holds, not its history: rewriting one note cannot fill the board for the group', () => {
    // 64 kB of board, a snapshot only every 500 updates: before, the log since the last snapshot counted in
    // full, so one student rewriting her own 10 kB note a few times locked the whole group out (boardFull)
    // until the board was unloaded — which it never is while the group works on it.
    const h = roomHarness({ maxBoardBytes: 64 * 1024 });
    const [mallory, ana] = [h.join('mallory'), h.join('ana')];
    for (let i = 0; i < 12; i++) {
      mallory.records.set('shape:hers', noteShape('shape:hers', `${i} ${'words '.repeat(1700)}`));
      expect(mallory.closed).toBeNull();
    }
    ana.records.set('shape:ok', noteShape('shape:ok', 'Our claim: 3 pens for $2'));
    expect(ana.closed).toBeNull();
    expect(storedRecords(h.store, h.boardId).has('shape:ok')).toBe(true);
  });

  it('closes a connection that keeps sending content the board refuses', () => {
    const h = roomHarness({ maxRejectedPerSecond: 2 });
    const mallory = h.join('mallory');
    for (let i = 0; i < 30 && !mallory.closed; i++) {
      mallory.sendUpdate(craft(h, (doc) => doc.getArray('tldraw').push([null])));
    }
    expect(mallory.closed?.code).toBe(YjsCloseCode.rejectedContent);
  });
});

describe('a record over the board’s size bounds', () => {
  it('is taken back for everyone, and its writer alone is told why', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    const ben = h.join('ben');
    ana.records.set('shape:paste', noteShape('shape:paste', 'x'.repeat(100_000)));
    ana.records.set('shape:ok', noteShape('shape:ok', 'a note'));
    ben.deliver();
    ana.deliver();
    expect(ben.records.has('shape:paste')).toBe(false);
    expect(ana.records.has('shape:paste')).toBe(false); // gone from her screen, with the reason
    expect(ben.records.has('shape:ok')).toBe(true);
    expect(ana.refusals).toEqual([YjsRefusal.tooLarge]);
    expect(ben.refusals).toEqual([]);
  });

  it('is looked for only where an update could hold one: a shape moved is not serialized to be measured', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    ana.records.set('shape:m', geoShape('shape:m'));
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      ana.records.set('shape:m', geoShape('shape:m', { x: 300 }));
      const measured = stringify.mock.calls.filter(
        ([value]) => (value as { id?: unknown } | null)?.id === 'shape:m',
      );
      expect(measured).toEqual([]);
    } finally {
      stringify.mockRestore();
    }
    expect(h.room.records.get('shape:m')).toMatchObject({ x: 300 });
  });

  const hugeCloud = (id: string) => {
    const shape = geoShape(id);
    return { ...shape, props: { ...(shape.props as object), geo: 'cloud', w: 100_000, h: 1 } };
  };

  it('includes a few bytes whose outline would stop every browser: a cloud 100,000 px long and 1 px tall', () => {
    expectTakenBack(hugeCloud('shape:cloud'), YjsRefusal.tooLarge);
  });

  it('stored before its outline was bounded is taken out when the board loads', () => {
    const h = reloadedWithStored(hugeCloud('shape:cloud'));
    expect(h.room.records.get('shape:cloud')).toBeUndefined();
  });
});

describe('a text the editor cannot read', () => {
  const unreadable = (id: string) => {
    const note = noteShape(id, 'Our claim');
    const props = note.props as { richText: { content: unknown[] } };
    props.richText.content.push({ type: 'script', content: [{ type: 'text', text: 'and more' }] });
    return note;
  };

  it('is refused: a node the editor does not know never reaches a classmate, and its writer is told', () => {
    expectTakenBack(unreadable('shape:bad'), YjsRefusal.notAccepted);
  });

  it('stored before it was refused keeps its words as plain text when the board loads', () => {
    const h = reloadedWithStored(unreadable('shape:bad'));
    const repaired = h.room.records.get('shape:bad');
    expect(recordText(repaired)).toBe('Our claim\nand more');
    expect(richTextError((repaired as { props: { richText: unknown } }).props.richText)).toBeNull();
    const ben = h.join('ben');
    expect(recordText(ben.records.get('shape:bad'))).toBe('Our claim\nand more');
  });
});

describe('a text holding a control that turns it backwards (an embedding or an override)', () => {
  const RLO = '\u202e';
  const paragraph = (text: string) => ({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  });
  const labelled = (record: Record<string, unknown>, text: string) => ({
    ...record,
    props: { ...(record.props as object), richText: paragraph(text) },
  });
  const table = (id: string, cell: string) =>
    shapeRecord('table', { ...TABLE_DEFAULT_PROPS, cells: [['pens', cell]] }, id);

  it('is refused in a note, a box’s or an arrow’s label, a frame’s name and a table’s cell: never reaches a classmate', () => {
    // "I agree" + RLO + "5/3 < 3/2" reads "I agree 2/3 > 3/5" on every screen, and the reverse to the matcher.
    const written = `I agree ${RLO}5/3 < 3/2`;
    expectTakenBack(noteShape('shape:n', written), YjsRefusal.notAccepted);
    expectTakenBack(labelled(geoShape('shape:g'), written), YjsRefusal.notAccepted);
    expectTakenBack(labelled(arrowShape('shape:a'), written), YjsRefusal.notAccepted);
    expectTakenBack(
      frameShape('shape:f', { props: { w: 400, h: 300, name: written, color: 'black' } }),
      YjsRefusal.notAccepted,
    );
    expectTakenBack(table('shape:t', `\u202b${'$2'}`), YjsRefusal.notAccepted);
  });

  it('written into a note already on the board is taken back to the words it had', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    ana.records.set('shape:n', noteShape('shape:n', 'I agree'));
    ana.deliver();
    ana.records.set('shape:n', noteShape('shape:n', `I agree ${RLO}tnemugra`));
    ana.deliver();
    expect(recordText(h.room.records.get('shape:n'))).toBe('I agree');
    expect(recordText(ana.records.get('shape:n'))).toBe('I agree');
    expect(ana.refusals).toEqual([YjsRefusal.notAccepted]);
  });

  it('lets right-to-left writing be: marks, and isolates keeping an equation left to right', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    const ben = h.join('ben');
    const honest = 'ثمن القلم\u200f \u20662/3 = 0.67\u2069 שלוש\u200e';
    ana.records.set('shape:n', noteShape('shape:n', honest));
    ben.deliver();
    expect(recordText(ben.records.get('shape:n'))).toBe(honest);
    expect(ana.refusals).toEqual([]);
  });

  it('stored before it was refused loses the control when the board loads, its words kept', () => {
    const h = reloadedWithStored(noteShape('shape:old', `Ours ${RLO}works`));
    expect(recordText(h.room.records.get('shape:old'))).toBe('Ours works');
    expect(recordText(h.join('ben').records.get('shape:old'))).toBe('Ours works');
  });
});

describe('any other change the board does not accept', () => {
  it('is taken back and its writer alone is told: a record this board cannot hold, a locked item moved', () => {
    const h = roomHarness();
    h.room.change((records) => {
      records.set('shape:card', geoShape('shape:card', { x: 100 }));
      records.lock(['shape:card']);
    });
    const ana = h.join('ana');
    const ben = h.join('ben');
    // as a browser on a newer build of the app would write it: a prop this server's board does not know
    const newer = geoShape('shape:newer');
    ana.records.set('shape:newer', { ...newer, props: { ...(newer.props as object), sparkle: true } });
    ana.deliver();
    expect(ana.records.has('shape:newer')).toBe(false);
    expect(ana.refusals).toEqual([YjsRefusal.notAccepted]);

    ana.records.set('shape:card', geoShape('shape:card', { x: 900 }));
    ana.deliver();
    ben.deliver();
    expect(ana.records.get('shape:card')).toMatchObject({ x: 100 });
    expect(ana.refusals).toEqual([YjsRefusal.notAccepted, YjsRefusal.notAccepted]);
    expect(ben.refusals).toEqual([]);
  });
});

describe('a paint-order index every student’s next shape would copy', () => {
  it('is taken back: a key of 300,000 characters, or the largest whole key, never reaches a classmate', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    const mallory = h.join('mallory');
    mallory.records.set('shape:long', geoShape('shape:long', { index: `a1${'V'.repeat(300_000)}` }));
    mallory.deliver();
    mallory.records.set('shape:top', geoShape('shape:top', { index: `${'z'.repeat(27)}${'z'.repeat(200)}` }));
    mallory.deliver();
    ana.deliver();
    for (const peer of [ana, mallory])
      expect([...peer.records.map.keys()].filter((k) => k.startsWith('shape:'))).toEqual([]);
    expect(mallory.refusals).toEqual([YjsRefusal.notAccepted, YjsRefusal.notAccepted]);
    expect(ana.refusals).toEqual([]);
  });
});

describe('deleting what others wrote', () => {
  const shapeKeys = (records: { map: Map<string, unknown> }) =>
    [...records.map.keys()].filter((k) => k.startsWith('shape:')).sort();
  type Shape = Record<string, unknown> & { x: number; props: Record<string, unknown> };
  /** Ana, Ben and Mallory on a board where a student may take 5 of others' records at once; Ana's eight
      records (made by `make`) on it and on Mallory's screen. */
  const anasEight = (prefix: string, make: (key: string, i: number) => Record<string, unknown>) => {
    const h = roomHarness({ maxOthersDeleted: 5 });
    const [ana, ben, mallory] = [h.join('ana'), h.join('ben'), h.join('mallory')];
    const anas = Array.from({ length: 8 }, (_, i) => `shape:${prefix}${i}`);
    for (const [i, key] of anas.entries()) ana.records.set(key, make(key, i));
    mallory.deliver();
    return { h, ana, ben, mallory, anas };
  };
  /** `peer` rewrites each of `keys` in one transaction. */
  const rewriteAll = (
    peer: FakePeer,
    keys: readonly string[],
    change: (shape: Shape, i: number) => Record<string, unknown>,
  ) =>
    peer.doc.transact(() =>
      keys.forEach((key, i) => peer.records.set(key, change(peer.records.get(key) as Shape, i))),
    );

  it('by making it invisible (opacity 0, which tldraw never offers) is undone, and the writer told', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    const mallory = h.join('mallory');
    ana.doc.transact(() => {
      for (const i of [1, 2, 3]) ana.records.set(`shape:a${i}`, geoShape(`shape:a${i}`));
    });
    mallory.deliver();
    mallory.doc.transact(() => {
      for (const i of [1, 2, 3]) mallory.records.set(`shape:a${i}`, geoShape(`shape:a${i}`, { opacity: 0 }));
    });
    ana.deliver();
    mallory.deliver();
    for (const peer of [ana, mallory])
      expect(
        shapeKeys(peer.records).map((k) => (peer.records.get(k) as { opacity: number }).opacity),
      ).toEqual([1, 1, 1]);
    expect(mallory.refusals).toEqual([YjsRefusal.outOfSight]);
  });

  it('by shrinking it out of sight (a scale, a size, a note’s words, a drawing at 1e-9) is undone, and the writer told', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    const box = geoShape('shape:box');
    const note = noteShape('shape:note', 'Half of 8 is 4');
    const tick = [
      { x: 0, y: 0 },
      { x: 40, y: 40 },
      { x: 120, y: -60 },
    ];
    const drawing = strokeShape('shape:drawing', tick);
    ana.doc.transact(() => {
      ana.records.set('shape:box', box);
      ana.records.set('shape:note', note);
      ana.records.set('shape:drawing', drawing);
    });
    mallory.deliver();
    const shrunk = (shape: Record<string, unknown>, props: Record<string, unknown>) => ({
      ...shape,
      props: { ...(shape.props as object), ...props },
    });
    mallory.records.set('shape:box', shrunk(box, { scale: 1e-9 }));
    mallory.deliver();
    mallory.records.set('shape:box', shrunk(box, { w: 1e-9, h: 1e-9 }));
    mallory.deliver();
    mallory.records.set('shape:note', shrunk(note, { fontSizeAdjustment: 1e-9 }));
    mallory.deliver();
    mallory.records.set('shape:drawing', strokeShape('shape:drawing', tick, { scaleX: 1e-9, scaleY: 1e-9 }));
    mallory.deliver();
    ben.deliver();
    for (const peer of [ben, mallory]) {
      expect(peer.records.get('shape:box')).toEqual(box);
      expect(peer.records.get('shape:note')).toEqual(note);
      expect(peer.records.get('shape:drawing')).toEqual(drawing);
    }
    expect(mallory.refusals).toEqual([
      YjsRefusal.outOfSight,
      YjsRefusal.outOfSight,
      YjsRefusal.outOfSight,
      YjsRefusal.outOfSight,
    ]);
  });

  it('by cropping a picture to nothing of it (a crop box inverted, or blown up past the picture) is undone', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    const picture = imageShape('shape:picture', { topLeft: { x: 0.25, y: 0 }, bottomRight: { x: 1, y: 1 } });
    ana.records.set('shape:picture', picture);
    mallory.deliver();
    for (const crop of [
      { topLeft: { x: 1, y: 1 }, bottomRight: { x: 0, y: 0 } },
      { topLeft: { x: -1e5, y: -1e5 }, bottomRight: { x: 1e5, y: 1e5 } },
    ]) {
      mallory.records.set('shape:picture', imageShape('shape:picture', crop));
      mallory.deliver();
    }
    ben.deliver();
    for (const peer of [ben, mallory]) expect(peer.records.get('shape:picture')).toEqual(picture);
    expect(mallory.refusals).toEqual([YjsRefusal.outOfSight, YjsRefusal.outOfSight]);
  });

  it('stored out of sight before it was refused is put back in sight when the board loads', () => {
    const hidden = (id: string, props: Record<string, unknown>, opacity = 1): Record<string, unknown> => {
      const shape = id.includes('note') ? noteShape(id, 'Half of 8 is 4') : geoShape(id);
      return { ...shape, opacity, props: { ...(shape.props as object), ...props } };
    };
    for (const record of [
      hidden('shape:faded', {}, 0),
      hidden('shape:shrunk', { scale: 1e-9, w: 1e-9 }),
      hidden('shape:note', { fontSizeAdjustment: 0 }),
      imageShape('shape:picture', { topLeft: { x: 1, y: 1 }, bottomRight: { x: 0, y: 0 } }),
    ]) {
      const h = reloadedWithStored(record);
      const mended = h.room.records.get(record.id as string);
      expect(outOfSightRefusal(record.id as string, undefined, mended)).toBeNull();
      expect(mended).toMatchObject({ x: record.x, y: record.y }); // where it was, as it was otherwise
      expect(h.join('ben').records.get(record.id as string)).toEqual(mended);
    }
  });

  it('by fading it inside faint frames (each at tldraw’s faintest, together far fainter) is undone', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    ana.doc.transact(() => {
      ana.records.set('shape:frame', frameShape('shape:frame'));
      ana.records.set('shape:inFrame', geoShape('shape:inFrame', { parentId: 'shape:frame', opacity: 0.5 }));
      for (const i of [1, 2]) ana.records.set(`shape:a${i}`, geoShape(`shape:a${i}`));
    });
    mallory.deliver();
    mallory.doc.transact(() => {
      mallory.records.set('shape:veil', frameShape('shape:veil', { opacity: 0.1 }));
      for (const i of [1, 2])
        mallory.records.set(`shape:a${i}`, geoShape(`shape:a${i}`, { parentId: 'shape:veil', opacity: 0.1 }));
    });
    mallory.records.set('shape:frame', frameShape('shape:frame', { opacity: 0.1 })); // its 0.5 child at 0.05
    ben.deliver();
    mallory.deliver();
    for (const peer of [ben, mallory]) {
      for (const key of ['shape:a1', 'shape:a2'])
        expect(peer.records.get(key)).toMatchObject({ parentId: 'page:page', opacity: 1 });
      expect(peer.records.get('shape:frame')).toMatchObject({ opacity: 1 });
    }
    expect(mallory.refusals).toEqual([YjsRefusal.outOfSight, YjsRefusal.outOfSight]);
    expect(ben.refusals).toEqual([]);
  });

  it('a faded frame whose shapes stay within tldraw’s faintest stands', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    const ben = h.join('ben');
    ana.doc.transact(() => {
      ana.records.set('shape:frame', frameShape('shape:frame', { opacity: 0.5 }));
      ana.records.set('shape:inFrame', geoShape('shape:inFrame', { parentId: 'shape:frame', opacity: 0.25 }));
    });
    ben.deliver();
    expect(ben.records.get('shape:inFrame')).toMatchObject({ opacity: 0.25 });
    expect(ana.refusals).toEqual([]);
  });

  it('in bulk (select all, delete) is undone for the others’ records, while the deleter’s own go', () => {
    const h = roomHarness({ maxOthersDeleted: 5 });
    const ana = h.join('ana');
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    for (let i = 0; i < 8; i++) ana.records.set(`shape:a${i}`, geoShape(`shape:a${i}`));
    for (let i = 0; i < 3; i++) mallory.records.set(`shape:m${i}`, geoShape(`shape:m${i}`));
    mallory.deliver();
    expect(shapeKeys(mallory.records)).toHaveLength(11);

    mallory.doc.transact(() => {
      for (const key of shapeKeys(mallory.records)) mallory.records.delete(key);
    });
    ben.deliver();
    mallory.deliver();
    const anas = Array.from({ length: 8 }, (_, i) => `shape:a${i}`).sort();
    expect(shapeKeys(ben.records)).toEqual(anas);
    expect(shapeKeys(mallory.records)).toEqual(anas); // her screen shows them back too
    expect(
      [...storedRecords(h.store, h.boardId).keys()].filter((k) => k.startsWith('shape:')).sort(),
    ).toEqual(anas);
    expect(mallory.closed).toBeNull(); // a refused deletion is not punished: an honest "clear" gets the same
    // …and is told why, alone
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);
    expect(ben.refusals).toEqual([]);
  });

  it('by emptying their words in bulk is undone like a deletion; a few at a time stand', () => {
    const { h, ben, mallory, anas } = anasEight('n', (key, i) => noteShape(key, `Ana's idea ${i}`));
    const empty = (note: Shape) => ({
      ...note,
      props: { ...note.props, richText: { type: 'doc', content: [] } },
    });
    const words = (peer: FakePeer) => anas.map((key) => recordText(peer.records.get(key)));
    const original = anas.map((_, i) => `Ana's idea ${i}`);

    rewriteAll(mallory, anas, empty);
    ben.deliver();
    mallory.deliver();
    expect(words(ben)).toEqual(original);
    expect(words(mallory)).toEqual(original); // back on her screen too
    expect(anas.map((key) => recordText(storedRecords(h.store, h.boardId).get(key)))).toEqual(original);
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);
    expect(mallory.closed).toBeNull();

    // fixing a classmate's note, or clearing two, is ordinary editing
    rewriteAll(mallory, ['shape:n0', 'shape:n1'], empty);
    ben.deliver();
    expect(words(ben).slice(0, 3)).toEqual([null, null, "Ana's idea 2"]);
  });

  it('by replacing their words in bulk is undone like a deletion; a fix to a word stands', () => {
    const { ben, mallory, anas } = anasEight('n', (key, i) =>
      noteShape(key, `3 pens for $2 is cheaper, idea ${i}`),
    );
    const saying = (words: string) => (note: Shape) => {
      const { richText } = noteShape('shape:any', words).props as { richText: unknown };
      return { ...note, props: { ...note.props, richText } };
    };
    const original = anas.map((_, i) => `3 pens for $2 is cheaper, idea ${i}`);

    rewriteAll(mallory, anas, saying('.'));
    ben.deliver();
    mallory.deliver();
    expect(anas.map((key) => recordText(ben.records.get(key)))).toEqual(original);
    expect(anas.map((key) => recordText(mallory.records.get(key)))).toEqual(original);
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);

    // correcting a classmate's words keeps most of them: ordinary editing, however many
    rewriteAll(mallory, anas, (note, i) => saying(`3 pens for $2 is cheaper per pen, idea ${i}`)(note));
    ben.deliver();
    expect(recordText(ben.records.get('shape:n0'))).toBe('3 pens for $2 is cheaper per pen, idea 0');
    expect(mallory.refusals).toHaveLength(1);
  });

  it('by emptying their equations, tables and number lines in bulk is undone like a deletion', () => {
    const kinds = {
      equation: {
        make: (key: string, i: number) =>
          shapeRecord('equation', { ...EQUATION_DEFAULT_PROPS, latex: `y = ${i}x + \\frac{3}{4}` }, key),
        emptied: { latex: '' },
      },
      table: {
        make: (key: string, i: number) =>
          shapeRecord(
            'table',
            {
              ...TABLE_DEFAULT_PROPS,
              cells: [
                ['pens', 'price'],
                [`${i}`, '$2'],
              ],
            },
            key,
          ),
        emptied: { cells: [['', '']] },
      },
      'number line': {
        make: (key: string, i: number) =>
          shapeRecord(
            'number-line',
            {
              ...NUMBER_LINE_DEFAULT_PROPS,
              points: [
                { id: `p${i}`, value: 0.5, label: 'half' },
                { id: `q${i}`, value: 0.75, label: '' },
              ],
            },
            key,
          ),
        emptied: { points: [] },
      },
    };
    for (const [kind, { make, emptied }] of Object.entries(kinds)) {
      const { ana, ben, mallory, anas } = anasEight('q', make);
      const written = (peer: FakePeer) => anas.map((key) => writtenContent(peer.records.get(key)));
      const before = written(ana);
      rewriteAll(mallory, anas, (shape) => ({ ...shape, props: { ...shape.props, ...emptied } }));
      ben.deliver();
      mallory.deliver();
      expect({ kind, written: written(ben) }).toEqual({ kind, written: before });
      expect({ kind, written: written(mallory) }).toEqual({ kind, written: before });
      expect({ kind, refusals: mallory.refusals }).toEqual({ kind, refusals: [YjsRefusal.othersDeleted] });
    }
  });

  it('by cutting their drawings to a dot in bulk is undone like a deletion', () => {
    const line = Array.from({ length: 60 }, (_, i) => ({ x: i * 4, y: i * 2 }));
    const { ben, mallory, anas } = anasEight('d', (key) => strokeShape(key, line));
    const points = (peer: FakePeer) =>
      anas.map((key) => segmentPoints((peer.records.get(key) as { props: unknown }).props).flat().length);

    const { segments: dot } = strokeShape('shape:any', [{ x: 0, y: 0 }]).props as { segments: unknown };
    rewriteAll(mallory, anas, (drawing) => ({ ...drawing, props: { ...drawing.props, segments: dot } }));
    ben.deliver();
    mallory.deliver();
    expect(points(ben)).toEqual(anas.map(() => 60));
    expect(points(mallory)).toEqual(anas.map(() => 60));
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);
  });

  it('by sending it out of reach in bulk (thousands of screens away, or carried there in a frame) is undone', () => {
    const { ana, ben, mallory, anas } = anasEight('a', (key, i) => geoShape(key, { x: 40 * i, y: 30 }));
    const place = (peer: FakePeer) =>
      anas.map((key) => {
        const { x, y, parentId } = peer.records.get(key) as { x: number; y: number; parentId: string };
        return { x, y, parentId };
      });
    const where = place(ana);
    const moveAll = (peer: FakePeer, keys: string[], to: (x: number) => Record<string, unknown>) =>
      rewriteAll(peer, keys, (shape) => ({ ...shape, ...to(shape.x) }));

    moveAll(mallory, anas, (x) => ({ x: x + 5e6 }));
    ben.deliver();
    mallory.deliver();
    expect(place(ben)).toEqual(where);
    expect(place(mallory)).toEqual(where); // back on her screen too
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);

    // into her own frame, where they stand as they stood (ordinary editing), and the frame sent away
    mallory.records.set(
      'shape:box',
      frameShape('shape:box', { x: 0, y: 0, props: { w: 400, h: 300, name: '', color: 'black' } }),
    );
    moveAll(mallory, anas, () => ({ parentId: 'shape:box' }));
    ben.deliver();
    mallory.deliver();
    expect(place(ben).every((p) => p.parentId === 'shape:box')).toBe(true);
    const framed = place(ben);
    moveAll(mallory, ['shape:box'], () => ({ x: -3e6, y: 2e6 }));
    ben.deliver();
    mallory.deliver();
    expect((ben.records.get('shape:box') as { x: number }).x).toBe(0);
    expect(place(ben)).toEqual(framed);
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted, YjsRefusal.othersDeleted]);

    // a move within reach stands, and so does sending her own work anywhere
    moveAll(mallory, anas, (x) => ({ x: x + 500 }));
    mallory.records.set('shape:m', geoShape('shape:m'));
    moveAll(mallory, ['shape:m'], () => ({ x: 5e6 }));
    ben.deliver();
    expect((ben.records.get('shape:a0') as { x: number }).x).toBe(framed[0]!.x + 500);
    expect((ben.records.get('shape:m') as { x: number }).x).toBe(5e6);
    expect(mallory.refusals).toHaveLength(2);
  });

  it('by drawing it white on the white canvas in bulk (select all, Alt+T) is undone like a deletion', () => {
    const { ana, ben, mallory, anas } = anasEight('a', (key) => geoShape(key));
    const colours = (peer: FakePeer) =>
      anas.map((key) => (peer.records.get(key) as { props: { color: string } }).props.color);
    const before = colours(ana);
    rewriteAll(mallory, anas, (shape) => ({ ...shape, props: { ...shape.props, color: 'white' } }));
    ben.deliver();
    mallory.deliver();
    expect(colours(ben)).toEqual(before);
    expect(colours(mallory)).toEqual(before);
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);
  });

  it('by writing their boxes’ and arrows’ words in white (a label colour tldraw never offers) in bulk is undone like a deletion', () => {
    const { richText } = noteShape('shape:any', 'x + 3 = 7').props as { richText: unknown };
    const labelled = (key: string, i: number) => {
      const shape = i % 2 === 0 ? geoShape(key) : arrowShape(key);
      return { ...shape, props: { ...(shape.props as object), richText } };
    };
    const { ana, ben, mallory, anas } = anasEight('w', labelled);
    const labels = (peer: FakePeer) =>
      anas.map((key) => (peer.records.get(key) as { props: { labelColor: string } }).props.labelColor);
    const before = labels(ana);
    rewriteAll(mallory, anas, (shape) => ({ ...shape, props: { ...shape.props, labelColor: 'white' } }));
    ben.deliver();
    mallory.deliver();
    expect(labels(ben)).toEqual(before);
    expect(labels(mallory)).toEqual(before);
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);

    // a box filled with its colour keeps white words in sight: a restyle, not counted
    rewriteAll(mallory, [anas[0]!, anas[2]!], (shape) => ({
      ...shape,
      props: { ...shape.props, fill: 'fill', labelColor: 'white' },
    }));
    ben.deliver();
    expect((ben.records.get(anas[0]!) as { props: { labelColor: string } }).props.labelColor).toBe('white');
    expect(mallory.refusals).toHaveLength(1);
  });

  it('a few at a time stands, within a budget earned back over a minute; the teacher is not limited', () => {
    const h = roomHarness({ maxOthersDeleted: 5 });
    const ana = h.join('ana');
    const mallory = h.join('mallory');
    for (let i = 0; i < 12; i++) ana.records.set(`shape:a${i}`, geoShape(`shape:a${i}`));
    mallory.deliver();
    const deleteBy = (peer: FakePeer, keys: string[]) => {
      peer.doc.transact(() => keys.forEach((k) => peer.records.delete(k)));
      ana.deliver();
      peer.deliver();
    };
    deleteBy(mallory, ['shape:a0', 'shape:a1', 'shape:a2']);
    expect(ana.records.has('shape:a0')).toBe(false); // 3 of 5: stands
    deleteBy(mallory, ['shape:a3', 'shape:a4', 'shape:a5']);
    expect(ana.records.has('shape:a3')).toBe(true); // 3 more than the 2 left: undone
    h.tick(60_000);
    deleteBy(mallory, ['shape:a3', 'shape:a4', 'shape:a5']);
    expect(ana.records.has('shape:a3')).toBe(false); // earned back
    const teacher = h.join('teacher');
    deleteBy(
      teacher,
      shapeKeys(teacher.records).filter((k) => k.startsWith('shape:a')),
    );
    expect(shapeKeys(ana.records).filter((k) => k.startsWith('shape:a'))).toEqual([]);
  });

  it('stays the writer’s work once a classmate has touched it: moved a pixel, then deleted or emptied in bulk, it comes back', () => {
    const h = roomHarness({ maxOthersDeleted: 5 });
    const ana = h.join('ana');
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    const shapes = Array.from({ length: 8 }, (_, i) => `shape:a${i}`);
    const notes = Array.from({ length: 8 }, (_, i) => `shape:n${i}`);
    for (const key of shapes) ana.records.set(key, geoShape(key));
    for (const [i, key] of notes.entries()) ana.records.set(key, noteShape(key, `Ana's idea ${i}`));
    mallory.deliver();
    const nudged = (peer: FakePeer, keys: string[]) =>
      rewriteAll(peer, keys, (shape) => ({ ...shape, x: shape.x + 1 }));
    // an ordinary edit of every one of Ana's records: it stands
    nudged(mallory, [...shapes, ...notes]);
    ben.deliver();
    mallory.deliver();
    expect(mallory.refusals).toEqual([]);

    mallory.doc.transact(() => shapes.forEach((key) => mallory.records.delete(key)));
    ben.deliver();
    mallory.deliver();
    expect(shapeKeys(ben.records).filter((k) => k.startsWith('shape:a'))).toEqual(shapes);
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);

    rewriteAll(mallory, notes, (note) => ({
      ...note,
      props: { ...note.props, richText: { type: 'doc', content: [] } },
    }));
    ben.deliver();
    mallory.deliver();
    expect(notes.map((key) => recordText(ben.records.get(key)))).toEqual(
      notes.map((_, i) => `Ana's idea ${i}`),
    );
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted, YjsRefusal.othersDeleted]);

    // her own records, edited by Ana, are still hers to clear at once
    const own = Array.from({ length: 8 }, (_, i) => `shape:m${i}`);
    for (const key of own) mallory.records.set(key, geoShape(key));
    ana.deliver();
    nudged(ana, own);
    mallory.deliver();
    mallory.doc.transact(() => own.forEach((key) => mallory.records.delete(key)));
    ben.deliver();
    mallory.deliver();
    expect(shapeKeys(ben.records).filter((k) => k.startsWith('shape:m'))).toEqual([]);
    expect(mallory.refusals).toHaveLength(2);
  });
});

describe('adding to the board', () => {
  const added = (peer: FakePeer, prefix: string) =>
    [...peer.records.map.keys()].filter((k) => k.startsWith(`shape:${prefix}`)).length;
  const addBy = (peer: FakePeer, prefix: string, count: number, others: FakePeer[]) => {
    peer.doc.transact(() => {
      for (let i = 0; i < count; i++)
        peer.records.set(`shape:${prefix}${i}`, geoShape(`shape:${prefix}${i}`));
    });
    for (const other of others) other.deliver();
    peer.deliver();
  };

  it('a flood of valid shapes in one update is taken back whole, and its writer alone is told', () => {
    const h = roomHarness({ maxRecordsCreated: 50 });
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    addBy(mallory, 'flood', 600, [ben]); // more values than the connection may have refused in a burst
    expect(added(ben, 'flood')).toBe(0);
    expect(added(mallory, 'flood')).toBe(0); // gone from her screen too, with the reason
    expect([...storedRecords(h.store, h.boardId).keys()].some((k) => k.startsWith('shape:flood'))).toBe(
      false,
    );
    expect(mallory.refusals).toEqual([YjsRefusal.tooMany]);
    expect(ben.refusals).toEqual([]);
    expect(mallory.closed).toBeNull(); // a big paste looks the same: refused, not cut off
    // …but a second flood soon after is what a script does: the connection is closed
    addBy(mallory, 'again', 600, [ben]);
    expect(added(ben, 'again')).toBe(0);
    expect(mallory.closed?.code).toBe(YjsCloseCode.rejectedContent);
  });

  it('a paste within the budget stands; the budget is earned back over ten minutes; edits and the teacher are not counted', () => {
    const h = roomHarness({ maxRecordsCreated: 50 });
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    addBy(mallory, 'paste', 30, [ben]);
    expect(added(ben, 'paste')).toBe(30);

    // moving all thirty is editing, not adding
    mallory.doc.transact(() => {
      for (let i = 0; i < 30; i++)
        mallory.records.set(`shape:paste${i}`, { ...geoShape(`shape:paste${i}`), x: 500 });
    });
    ben.deliver();
    expect((ben.records.get('shape:paste0') as { x: number }).x).toBe(500);

    addBy(mallory, 'more', 30, [ben]);
    expect(added(ben, 'more')).toBe(0); // 30 more than the 20 left
    h.tick(600_000);
    addBy(mallory, 'more', 30, [ben]);
    expect(added(ben, 'more')).toBe(30);

    const teacher = h.join('teacher');
    addBy(teacher, 'template', 200, [ben]);
    expect(added(ben, 'template')).toBe(200);
  });

  it('weighs a shape by its outline: a few heavy clouds, or ordinary ones stretched, are a flood', () => {
    const h = roomHarness({ maxRecordsCreated: 50 });
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    const heavyCloud = (id: string) => {
      const shape = geoShape(id);
      return { ...shape, props: { ...(shape.props as object), geo: 'cloud', w: 800, h: 1 } }; // 1,600 bumps
    };
    mallory.doc.transact(() => {
      for (let i = 0; i < 4; i++) mallory.records.set(`shape:heavy${i}`, heavyCloud(`shape:heavy${i}`));
    });
    ben.deliver();
    mallory.deliver();
    expect(added(ben, 'heavy')).toBe(0); // four weigh 68, more than 50
    expect(mallory.refusals).toEqual([YjsRefusal.tooMany]);

    addBy(mallory, 'plain', 4, [ben]);
    expect(added(ben, 'plain')).toBe(4);
    mallory.doc.transact(() => {
      for (let i = 0; i < 4; i++) mallory.records.set(`shape:plain${i}`, heavyCloud(`shape:plain${i}`));
    });
    ben.deliver();
    mallory.deliver();
    expect((ben.records.get('shape:plain0') as { props: { geo: string } }).props.geo).toBe('rectangle');
    expect((mallory.records.get('shape:plain0') as { props: { geo: string } }).props.geo).toBe('rectangle');
    expect(mallory.refusals).toEqual([YjsRefusal.tooMany, YjsRefusal.tooLarge]);

    h.tick(600_000);
    mallory.records.set('shape:plain0', heavyCloud('shape:plain0')); // one weighs 17: within the budget
    ben.deliver();
    expect((ben.records.get('shape:plain0') as { props: { geo: string } }).props.geo).toBe('cloud');
  });

  it('weighs a record by its bytes: a few hundred-kilobyte frame names are a flood, not a board too full to write on', () => {
    // Half the board's cap in one budget's worth, as with the defaults (500 × 32 kB of a 32 MB board): each
    // name weighed one, so ten of them (3 MB, nearly this board) stood, and a board at its cap closes every
    // classmate's next change.
    const h = roomHarness({ maxRecordsCreated: 50, maxBoardBytes: 3_200 * 1024 });
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    const named = (id: string) =>
      frameShape(id, { props: { w: 400, h: 300, name: 'x'.repeat(300_000), color: 'black' } });
    for (let i = 0; i < 10; i++) {
      mallory.records.set(`shape:big${i}`, named(`shape:big${i}`));
      ben.deliver();
      mallory.deliver();
    }
    expect(added(ben, 'big')).toBe(5); // each weighs 10
    expect(mallory.refusals[0]).toBe(YjsRefusal.tooMany);
    ben.records.set('shape:mine', geoShape('shape:mine'));
    expect(ben.closed).toBeNull();
    expect(h.room.records.get('shape:mine')).toBeDefined();
  });
});

describe('a loop of parents', () => {
  const frameOf = (id: string, parentId: string) => geoShape(id, { parentId });

  it('is refused where it is made: a shape its own parent, or two each other’s, never reach a classmate', () => {
    const h = roomHarness();
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    mallory.doc.transact(() => {
      mallory.records.set('shape:self', frameOf('shape:self', 'shape:self'));
      mallory.records.set('shape:a', frameOf('shape:a', 'shape:b'));
      mallory.records.set('shape:b', frameOf('shape:b', 'shape:a'));
      mallory.records.set('shape:ok', geoShape('shape:ok'));
    });
    ben.deliver();
    mallory.deliver();
    for (const peer of [ben, mallory]) {
      expect(['shape:self', 'shape:a', 'shape:b'].filter((k) => peer.records.has(k))).toEqual([]);
      expect(peer.records.has('shape:ok')).toBe(true);
    }
  });

  it('made by putting a frame inside its own child is refused, and the frame keeps its old parent', () => {
    const h = roomHarness();
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    // a frame with a child, made in one change (as tldraw makes a frame around shapes): it stands
    mallory.doc.transact(() => {
      mallory.records.set('shape:child', frameOf('shape:child', 'shape:frame'));
      mallory.records.set('shape:frame', geoShape('shape:frame'));
    });
    ben.deliver();
    expect(ben.records.get('shape:child')).toMatchObject({ parentId: 'shape:frame' });

    mallory.records.set('shape:frame', frameOf('shape:frame', 'shape:child'));
    ben.deliver();
    mallory.deliver();
    expect(ben.records.get('shape:frame')).toMatchObject({ parentId: 'page:page' });
    expect(mallory.records.get('shape:frame')).toMatchObject({ parentId: 'page:page' });
  });

  it('stored before it was refused is taken out when the board loads', () => {
    const h = reloadedWithStored(frameOf('shape:self', 'shape:self'));
    expect(h.room.records.get('shape:self')).toBeUndefined();
  });
});

describe('shapes nested inside one another', () => {
  const nestedIn = (id: string, parentId: string) => geoShape(id, { parentId, x: 1, y: 1 });
  const link = (i: number) => `shape:link${i}`;
  /** `peer` nests `count` of its own shapes, each in the one before, in one change (the first on the page). */
  const chainBy = (peer: FakePeer, count: number) =>
    peer.doc.transact(() => {
      for (let i = 0; i < count; i++)
        peer.records.set(link(i), nestedIn(link(i), i === 0 ? 'page:page' : link(i - 1)));
    });
  /** Where a shape's origin is on the page, through every parent (as tldraw draws it). */
  const pageX = (peer: FakePeer, key: string): number => {
    let x = 0;
    for (let at: string | undefined = key; at?.startsWith('shape:');) {
      const shape = peer.records.get(at) as { x: number; parentId: string } | undefined;
      if (!shape) break;
      x += shape.x;
      at = shape.parentId;
    }
    return x;
  };
  const deepest = (peer: FakePeer) =>
    Math.max(
      0,
      ...[...peer.records.map.keys()]
        .filter((k) => k.startsWith('shape:'))
        .map((k) => nestingDepth(k, (key) => peer.records.get(key))),
    );

  it('past any board a student builds is refused where it passes the bound: it never reaches a classmate', () => {
    const h = roomHarness();
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    chainBy(mallory, 2_000 / 20); // a script's chain, made of her own shapes (2,000 crash a browser)
    ben.deliver();
    mallory.deliver();
    expect(deepest(ben)).toBe(MAX_NESTING_DEPTH);
    expect(deepest(mallory)).toBe(MAX_NESTING_DEPTH);
    expect(ben.records.has(link(MAX_NESTING_DEPTH))).toBe(true);
    expect(ben.records.has(link(MAX_NESTING_DEPTH + 1))).toBe(false);
    expect(mallory.refusals).toEqual([YjsRefusal.notAccepted]);

    // …and so is reparenting what is there past it (no shape is new: nothing to count as added)
    mallory.records.set('shape:top', geoShape('shape:top'));
    mallory.records.set(link(0), nestedIn(link(0), 'shape:top'));
    ben.deliver();
    expect(ben.records.get(link(0))).toMatchObject({ parentId: 'page:page' });
    expect(deepest(ben)).toBe(MAX_NESTING_DEPTH);
  });

  it('cannot carry a classmate’s work out of reach past where the server looks', () => {
    const h = roomHarness({ maxOthersDeleted: 5 });
    const [ana, ben, mallory] = [h.join('ana'), h.join('ben'), h.join('mallory')];
    const anas = Array.from({ length: 8 }, (_, i) => `shape:a${i}`);
    for (const [i, key] of anas.entries()) ana.records.set(key, geoShape(key, { x: 40 * i, y: 30 }));
    mallory.deliver();
    const where = anas.map((key) => pageX(ana, key));

    chainBy(mallory, 70); // deeper than the server's walks up and down parents (64)
    mallory.doc.transact(() => {
      for (const key of anas)
        mallory.records.set(key, { ...(mallory.records.get(key) as object), parentId: link(69) });
    });
    mallory.records.set(link(0), { ...(mallory.records.get(link(0)) as object), x: 5e6 });
    ben.deliver();
    mallory.deliver();
    expect(anas.map((key) => pageX(ben, key))).toEqual(where);
    expect(anas.map((key) => pageX(mallory, key))).toEqual(where);
  });

  it('as deep as students build (a group in a frame in a frame), and moves within it, stand', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    const ben = h.join('ben');
    chainBy(ana, 6);
    ana.records.set(link(5), { ...(ana.records.get(link(5)) as object), x: 30 });
    ben.deliver();
    expect(ben.records.get(link(5))).toMatchObject({ parentId: link(4), x: 30 });
    expect(ana.refusals).toEqual([]);
  });

  it('stored past the bound before it was refused is put on the page where it was drawn when the board loads', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    chainBy(ana, 10);
    const deep = Array.from({ length: 80 }, (_, i) => link(10 + i));
    for (const [i, key] of deep.entries()) storedPastTheRoom(h, key, nestedIn(key, link(9 + i)));
    h.reload();
    const ben = h.join('ben');
    expect(deepest(ben)).toBeLessThanOrEqual(MAX_NESTING_DEPTH);
    for (const [i, key] of deep.entries()) expect({ key, x: pageX(ben, key) }).toEqual({ key, x: 11 + i });
  });
});

describe('a binding tldraw cannot hold', () => {
  const bindingKeys = (peer: FakePeer) =>
    [...peer.records.map.keys()].filter((k) => k.startsWith('binding:')).sort();

  it('is refused: an arrow bound to itself, to an arrow bound back, or a box’s “arrow” binding', () => {
    const h = roomHarness();
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    mallory.doc.transact(() => {
      mallory.records.set('shape:box', geoShape('shape:box'));
      mallory.records.set('shape:other', geoShape('shape:other'));
      mallory.records.set('shape:a1', arrowShape('shape:a1'));
      mallory.records.set('shape:a2', arrowShape('shape:a2'));
      mallory.records.set('shape:a3', arrowShape('shape:a3'));
      mallory.records.set('binding:self', arrowBinding('binding:self', 'shape:a1', 'shape:a1'));
      mallory.records.set('binding:x1', arrowBinding('binding:x1', 'shape:a2', 'shape:a3'));
      mallory.records.set('binding:x2', arrowBinding('binding:x2', 'shape:a3', 'shape:a2'));
      mallory.records.set('binding:fromBox', arrowBinding('binding:fromBox', 'shape:box', 'shape:other'));
      // and one tldraw makes: an arrow's end on a box
      mallory.records.set('binding:ok', arrowBinding('binding:ok', 'shape:a1', 'shape:box'));
    });
    ben.deliver();
    mallory.deliver();
    expect(bindingKeys(ben)).toEqual(['binding:ok']);
    expect(bindingKeys(mallory)).toEqual(['binding:ok']);
    expect(ben.records.has('shape:a2')).toBe(true); // the shapes themselves are fine
  });

  it('made by remaking the shape a binding points at as an arrow is refused at that shape', () => {
    const h = roomHarness();
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    mallory.doc.transact(() => {
      mallory.records.set('shape:a', arrowShape('shape:a'));
      mallory.records.set('shape:box', geoShape('shape:box'));
      mallory.records.set('binding:ok', arrowBinding('binding:ok', 'shape:a', 'shape:box'));
    });
    // the box deleted and made again, under its id, as an arrow: the binding would join two arrows
    mallory.doc.transact(() => mallory.records.delete('shape:box'));
    mallory.records.set('shape:box', arrowShape('shape:box'));
    ben.deliver();
    mallory.deliver();
    expect(ben.records.has('shape:box')).toBe(false);
    expect(ben.records.has('binding:ok')).toBe(true);
  });

  it('stored before it was refused is taken out when the board loads', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    ana.records.set('shape:a', arrowShape('shape:a'));
    storedPastTheRoom(h, 'binding:self', arrowBinding('binding:self', 'shape:a', 'shape:a'));
    h.reload();
    expect(h.room.records.get('binding:self')).toBeUndefined();
    expect(h.room.records.get('shape:a')).toBeDefined();
  });
});

describe('a board’s one page', () => {
  const pageRecord = (id: string, index = 'a2') => ({
    id,
    typeName: 'page',
    name: 'Hidden',
    index,
    meta: {},
  });

  it('is the only page: a second page, or a shape moved onto one, never reaches a classmate', () => {
    const { ben, mallory } = anaHasAShapeMalloryHasSeen();
    mallory.doc.transact(() => {
      mallory.records.set('page:hidden', pageRecord('page:hidden'));
      mallory.records.set('shape:a1', geoShape('shape:a1', { parentId: 'page:hidden' }));
    });
    ben.deliver();
    mallory.deliver();
    for (const peer of [ben, mallory]) {
      expect(peer.records.has('page:hidden')).toBe(false);
      expect(peer.records.get('shape:a1')).toMatchObject({ parentId: 'page:page' });
    }
    expect(mallory.refusals).toEqual([YjsRefusal.notAccepted]);
    expect(ben.refusals).toEqual([]);
  });

  it('may not be deleted: every shape on it would be hidden from the group, none of them deleted', () => {
    const { ben, mallory } = anaHasAShapeMalloryHasSeen();
    mallory.doc.transact(() => mallory.records.delete('page:page'));
    ben.deliver();
    mallory.deliver();
    expect(ben.records.get('page:page')).toMatchObject({ typeName: 'page' });
    expect(mallory.records.get('page:page')).toMatchObject({ typeName: 'page' });
    expect(mallory.refusals).toEqual([YjsRefusal.notAccepted]);
  });

  it('gathers the pages of a board stored before it had one: their work beside the page’s, nothing lost', () => {
    const h = roomHarness();
    h.join('ana').records.set('shape:keep', geoShape('shape:keep'));
    storedPastTheRoom(h, 'page:second', pageRecord('page:second'));
    storedPastTheRoom(h, 'shape:s1', geoShape('shape:s1', { parentId: 'page:second' }));
    h.reload();
    expect(h.room.records.get('page:second')).toBeUndefined();
    const keep = h.room.records.get('shape:keep') as { x: number; props: { w: number } };
    const moved = h.room.records.get('shape:s1') as { parentId: string; x: number };
    expect(moved.parentId).toBe('page:page');
    expect(moved.x).toBeGreaterThan(keep.x + keep.props.w);
    expect(storedRecords(h.store, h.boardId).has('page:second')).toBe(false);
  });
});

describe('the board’s grid', () => {
  const documentWith = (gridSize: number) => ({
    id: 'document:document',
    typeName: 'document',
    gridSize,
    name: '',
    meta: {},
  });

  it('is refused at 0 or past 1,000 (a student with the grid on snaps every point to it)', () => {
    const h = roomHarness();
    const ben = h.join('ben');
    const mallory = h.join('mallory');
    for (const gridSize of [0, -5, 1e9]) {
      mallory.records.set('document:document', documentWith(gridSize));
      mallory.deliver(); // the server's answer: her screen holds tldraw's grid again
    }
    ben.deliver();
    for (const peer of [ben, mallory])
      expect(peer.records.get('document:document')).toMatchObject({ gridSize: 10 });
    expect(mallory.refusals).toEqual([
      YjsRefusal.notAccepted,
      YjsRefusal.notAccepted,
      YjsRefusal.notAccepted,
    ]);
    mallory.records.set('document:document', documentWith(25));
    ben.deliver();
    expect(ben.records.get('document:document')).toMatchObject({ gridSize: 25 });
  });

  it('stored at 0 before it was refused is tldraw’s 10 again when the board loads', () => {
    const h = reloadedWithStored(documentWith(0));
    expect(h.room.records.get('document:document')).toMatchObject({ gridSize: 10 });
  });
});
