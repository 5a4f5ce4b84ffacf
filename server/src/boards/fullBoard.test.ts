import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WELL_KNOWN_USERS, YDOC_RECORDS_KEY, YjsCloseCode, YjsRefusal } from '@conjecture/shared';
import { geoShape } from '../test/records.js';
import { roomHarness, storedRecords, type FakePeer } from '../test/roomHarness.js';

/**
 * A board at its size cap (MAX_BOARD_BYTES) stays recoverable: deleting is always possible, and once the
 * deletions free room the board really shrinks and the group writes again. Each case failed before, when a
 * full board refused every update — deletions included — until an operator stepped in.
 */

const BOARD_BYTES = 64 * 1024;
const padded = (id: string) => geoShape(id, { meta: { pad: 'y'.repeat(6000) } });

/**
 * Mallory's padded shapes stored past the cap, the board loaded again and snapshotted: as full as a board gets
 * (filled to the byte by many small writes, or one whose cap an operator lowered), so that even a deletion of a
 * few bytes does not fit under the cap. Returns their keys.
 */
function fillBoard(h: ReturnType<typeof roomHarness>): string[] {
  const keys: string[] = [];
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(h.room.doc));
  for (let i = 0; Y.encodeStateAsUpdate(doc).byteLength <= BOARD_BYTES; i++) {
    const before = Y.encodeStateVector(doc);
    keys.push(`shape:pad${i}`);
    doc.getArray(YDOC_RECORDS_KEY).push([{ key: `shape:pad${i}`, val: padded(`shape:pad${i}`) }]);
    const update = Y.encodeStateAsUpdate(doc, before);
    h.store.appendUpdates(h.boardId, [{ update, author: 'mallory', at: 0 }]);
  }
  h.reload();
  h.room.snapshot(); // full for a while: what fills it is in the snapshot, not in the log since
  expect(h.store.loadBytes(h.boardId)).toBeGreaterThan(BOARD_BYTES);
  expect(keys.filter((key) => h.room.records.get(key) === undefined)).toEqual([]);
  return keys;
}

const deleteAll = (peer: FakePeer, keys: string[]) =>
  peer.doc.transact(() => keys.forEach((key) => peer.records.delete(key)));

describe('a board at its size cap', () => {
  it('takes a classmate’s deletions, and once the flood is gone the group writes again', () => {
    const h = roomHarness({ maxBoardBytes: BOARD_BYTES });
    const flood = fillBoard(h);
    const probe = h.join('ben');
    probe.records.set('shape:early', geoShape('shape:early'));
    expect(probe.closed?.code).toBe(YjsCloseCode.boardFull);

    const ana = h.join('ana');
    // Within her budget of others' records at once, a few at a time.
    for (let i = 0; i < flood.length; i += 5) deleteAll(ana, flood.slice(i, i + 5));
    expect(ana.closed).toBeNull();
    expect(flood.filter((key) => h.room.records.get(key) !== undefined)).toEqual([]);

    ana.records.set('shape:ok', padded('shape:ok'));
    expect(ana.closed).toBeNull();
    const stored = storedRecords(h.store, h.boardId);
    expect(stored.has('shape:ok')).toBe(true);
    expect(flood.filter((key) => stored.has(key))).toEqual([]);
  });

  it('takes the teacher’s deletion of the whole flood in one change', () => {
    const h = roomHarness({ maxBoardBytes: BOARD_BYTES });
    const flood = fillBoard(h);
    const teacher = h.join(WELL_KNOWN_USERS.teacher);
    deleteAll(teacher, flood);
    expect(teacher.closed).toBeNull();
    teacher.records.set('shape:fresh', padded('shape:fresh'));
    expect(teacher.closed).toBeNull();
    expect(storedRecords(h.store, h.boardId).has('shape:fresh')).toBe(true);
  });

  it('shrinks once the server takes the flood away (a student removed with their work): the group writes again', () => {
    const h = roomHarness({ maxBoardBytes: BOARD_BYTES });
    const flood = fillBoard(h);
    const ana = h.join('ana');
    h.room.change((records) => flood.forEach((key) => records.delete(key)));
    ana.records.set('shape:ok', padded('shape:ok'));
    expect(ana.closed).toBeNull();
    expect(storedRecords(h.store, h.boardId).has('shape:ok')).toBe(true);
  });

  it('still holds a student to the write policy: deleting more of others’ work than she may is undone', () => {
    const h = roomHarness({ maxBoardBytes: BOARD_BYTES, maxOthersDeleted: 3 });
    const flood = fillBoard(h);
    const ana = h.join('ana');
    deleteAll(ana, flood);
    expect(ana.closed).toBeNull();
    ana.deliver();
    expect(ana.refusals).toContain(YjsRefusal.othersDeleted);
    expect(flood.filter((key) => h.room.records.get(key) === undefined)).toEqual([]);
  });

  it('still refuses an update that adds more than a small allowance along with its deletion', () => {
    const h = roomHarness({ maxBoardBytes: BOARD_BYTES });
    const flood = fillBoard(h);
    const teacher = h.join(WELL_KNOWN_USERS.teacher);
    teacher.doc.transact(() => {
      teacher.records.delete(flood[0] as string);
      teacher.records.set('shape:big', padded('shape:big'));
    });
    expect(teacher.closed?.code).toBe(YjsCloseCode.boardFull);
  });

  it('takes small edits (a deletion and a little written) and keeps its log within a slack: a snapshot folds it', () => {
    const h = roomHarness({ maxBoardBytes: BOARD_BYTES });
    fillBoard(h);
    const teacher = h.join(WELL_KNOWN_USERS.teacher);
    // Moving one shape again and again: each a deletion and a small write, the board no bigger.
    for (let i = 0; i < 400 && !teacher.closed; i++)
      teacher.records.set('shape:pad0', geoShape('shape:pad0', { x: i }));
    expect(teacher.closed).toBeNull();
    expect(h.store.loadBytes(h.boardId)).toBeLessThanOrEqual(BOARD_BYTES * 1.25);
  });

  it('is not encoded again for each update that does not fit, when a client deletes a little before each', () => {
    const h = roomHarness({ maxBoardBytes: BOARD_BYTES });
    fillBoard(h);
    let snapshots = 0;
    const writeSnapshot = h.store.writeSnapshot.bind(h.store);
    h.store.writeSnapshot = (boardId, snapshot) => {
      snapshots++;
      writeSnapshot(boardId, snapshot);
    };
    // Mallory moves a shape (a deletion, taken on a full board) and then sends what does not fit, reconnecting
    // each time she is closed: each attempt was a full board encoded again.
    for (let i = 0; i < 20; i++) {
      const mallory = h.join('mallory');
      mallory.records.set('shape:pad0', geoShape('shape:pad0', { x: i }));
      mallory.records.set(`shape:big${i}`, padded(`shape:big${i}`));
      expect(mallory.closed?.code).toBe(YjsCloseCode.boardFull);
      h.tick(100);
    }
    expect(snapshots).toBeLessThanOrEqual(1);
  });
});
