import { describe, expect, it } from 'vitest';
import { YjsRefusal } from '@conjecture/shared';
import { geoShape, noteShape, strokeShape } from '../test/records.js';
import { roomHarness } from '../test/roomHarness.js';
import { boardActs } from './boardActs.js';

/**
 * Participation counts a new piece of work under a classmate's record id as its writer's creation, as
 * authorship does (`recordLives.ts`): Mallory's new words or drawing where Ana's were counted as an edit of
 * Ana's item, and Ana kept the creation (the first case failed before boardActs followed the lives).
 * Only what the server admitted is counted: a re-creation the bulk-delete guard put back, or new shapes taken
 * back as a flood, were counted as their writer's creations (those two cases failed before the acts were
 * folded with authorship, in boards/boardLog.ts). Refused edits — classmates' notes sent out of reach past the
 * allowance, words added in a record the write policy refuses — were counted as their writer's edits with
 * their words, and a classmate's next words were measured against the refused text (those two cases failed
 * before actsFold dropped the edits the server put back).
 */

const ANAS = "Ana's idea: 3 pens for $2 is cheaper per pen";
const MALLORYS = 'Mallory was here and the answer is 42';
const line = (from: number) => Array.from({ length: 20 }, (_, i) => ({ x: from + i * 3, y: i }));

function actsOf(h: ReturnType<typeof roomHarness>) {
  return boardActs(h.store, h.boardId).acts.map(({ kind, author, itemId }) => ({ kind, author, itemId }));
}

function actsWithWords(h: ReturnType<typeof roomHarness>) {
  return boardActs(h.store, h.boardId).acts.map(({ kind, author, itemId, words }) => [
    kind,
    author,
    itemId,
    words,
  ]);
}

const keys = ['shape:n0', 'shape:n1', 'shape:n2'];
const anasNotes = keys.map((itemId) => ['create', 'ana', itemId, 11]);

describe('what a board’s log says each member did', () => {
  it('counts new work written under a classmate’s record id as its writer’s creation', () => {
    const h = roomHarness();
    const [ana, mallory] = [h.join('ana'), h.join('mallory')];
    ana.records.set('shape:n', noteShape('shape:n', ANAS));
    ana.records.set('shape:d', strokeShape('shape:d', line(0)));
    mallory.deliver();
    mallory.records.delete('shape:n');
    mallory.records.set('shape:n', noteShape('shape:n', MALLORYS));
    mallory.records.set('shape:d', strokeShape('shape:d', line(90)));
    expect(actsOf(h)).toEqual([
      { kind: 'create', author: 'ana', itemId: 'shape:n' },
      { kind: 'create', author: 'ana', itemId: 'shape:d' },
      { kind: 'create', author: 'mallory', itemId: 'shape:n' },
      { kind: 'create', author: 'mallory', itemId: 'shape:d' },
    ]);
  });

  it('counts edits, and work coming back, as edits', () => {
    const h = roomHarness();
    const [ana, ben] = [h.join('ana'), h.join('ben')];
    ana.records.set('shape:n', noteShape('shape:n', ANAS));
    ana.records.set('shape:b', geoShape('shape:b'));
    ben.deliver();
    ben.records.set('shape:n', noteShape('shape:n', `${ANAS}, not per box`));
    ben.records.set('shape:b', geoShape('shape:b', { x: 300 }));
    ben.records.delete('shape:n');
    ben.records.set('shape:n', noteShape('shape:n', ANAS)); // his undo of the deletion
    expect(actsOf(h)).toEqual([
      { kind: 'create', author: 'ana', itemId: 'shape:n' },
      { kind: 'create', author: 'ana', itemId: 'shape:b' },
      { kind: 'edit', author: 'ben', itemId: 'shape:n' },
      { kind: 'edit', author: 'ben', itemId: 'shape:b' },
      { kind: 'edit', author: 'ben', itemId: 'shape:n' },
    ]);
  });

  it('does not count a re-creation the bulk-delete guard refused and put back, and counts one it admitted', () => {
    const h = roomHarness({ maxOthersDeleted: 2 });
    const [ana, mallory] = [h.join('ana'), h.join('mallory')];
    const keys = ['shape:n0', 'shape:n1', 'shape:n2'];
    ana.doc.transact(() => keys.forEach((key, i) => ana.records.set(key, noteShape(key, `${ANAS} ${i}`))));
    mallory.deliver();
    mallory.doc.transact(() => keys.forEach((key) => mallory.records.set(key, noteShape(key, MALLORYS))));
    mallory.deliver();
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);
    h.tick(60_000);
    mallory.records.set('shape:n0', noteShape('shape:n0', MALLORYS)); // one: within her allowance
    mallory.deliver();
    expect(mallory.refusals).toHaveLength(1);
    expect(actsOf(h)).toEqual([
      ...keys.map((itemId) => ({ kind: 'create', author: 'ana', itemId })),
      { kind: 'create', author: 'mallory', itemId: 'shape:n0' },
    ]);
  });

  it('does not count new shapes the server took back as a flood, and counts those it admitted', () => {
    const h = roomHarness({ maxRecordsCreated: 3 });
    const ben = h.join('ben');
    ben.doc.transact(() => {
      for (let i = 0; i < 5; i++) ben.records.set(`shape:f${i}`, geoShape(`shape:f${i}`));
    });
    ben.deliver();
    expect(ben.refusals).toEqual([YjsRefusal.tooMany]);
    ben.records.set('shape:b', geoShape('shape:b'));
    ben.deliver();
    expect(actsOf(h)).toEqual([{ kind: 'create', author: 'ben', itemId: 'shape:b' }]);
  });

  it('does not count edits the server refused and put back: its writer gets nothing, its revert nobody', () => {
    const h = roomHarness({ maxOthersDeleted: 2 });
    const [ana, mallory] = [h.join('ana'), h.join('mallory')];
    ana.doc.transact(() => keys.forEach((key, i) => ana.records.set(key, noteShape(key, `${ANAS} ${i}`))));
    mallory.deliver();
    // Ana's notes sent out of reach at once: a wipe past her allowance, refused whole.
    mallory.doc.transact(() =>
      keys.forEach((key) => mallory.records.set(key, { ...mallory.records.get(key), x: 50_000 })),
    );
    mallory.deliver();
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);
    // Words added to a note with a position the write policy refuses: the record is put back.
    mallory.records.set('shape:n0', {
      ...noteShape('shape:n0', `${ANAS} 0 and my own six words here`),
      x: 1e9,
    });
    mallory.deliver();
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted, YjsRefusal.notAccepted]);
    expect(ana.records.get('shape:n0')).toEqual(noteShape('shape:n0', `${ANAS} 0`));
    expect(actsWithWords(h)).toEqual(anasNotes);
  });

  it('does not count a refused edit the server only took out (no value written back), nor measure words against it', () => {
    const h = roomHarness();
    const [ana, mallory] = [h.join('ana'), h.join('mallory')];
    ana.records.set('shape:n0', noteShape('shape:n0', `${ANAS} 0`));
    // Written without Ana's note (a script, or a client that never synced): a second live entry for the key,
    // refused, which the server deletes and Ana's entry stands.
    mallory.records.set('shape:n0', {
      ...noteShape('shape:n0', `${ANAS} 0 and my own six words here`),
      x: 1e9,
    });
    expect(mallory.refusals).toEqual([]);
    mallory.deliver();
    expect(mallory.refusals).toEqual([YjsRefusal.notAccepted]);
    ana.deliver();
    ana.records.set('shape:n0', noteShape('shape:n0', `${ANAS} 0, and 4 per $3`));
    expect(actsWithWords(h)).toEqual([anasNotes[0], ['edit', 'ana', 'shape:n0', 4]]);
  });

  it('still counts an admitted edit, the one the server relabels with its writer too', () => {
    const h = roomHarness({ maxOthersDeleted: 2 });
    const [ana, mallory] = [h.join('ana'), h.join('mallory')];
    ana.doc.transact(() => keys.forEach((key, i) => ana.records.set(key, noteShape(key, `${ANAS} ${i}`))));
    mallory.deliver();
    mallory.records.set('shape:n0', { ...mallory.records.get('shape:n0'), x: 50_000 }); // one: allowed
    const added = noteShape('shape:n1', `${ANAS} 1 per pen`);
    const props = { ...(added.props as object), textLastEditedBy: 'ana' }; // relabelled 'mallory'
    mallory.records.set('shape:n1', { ...added, props });
    mallory.records.set('shape:n2', { ...mallory.records.get('shape:n2'), y: 300 });
    mallory.deliver();
    expect(mallory.refusals).toEqual([]);
    ana.deliver();
    expect((ana.records.get('shape:n1') as { props: { textLastEditedBy: unknown } }).props).toMatchObject({
      textLastEditedBy: 'mallory',
    });
    expect(actsWithWords(h)).toEqual([
      ...anasNotes,
      ['edit', 'mallory', 'shape:n0', 0],
      ['edit', 'mallory', 'shape:n1', 2],
      ['edit', 'mallory', 'shape:n2', 0],
    ]);
  });

  it('counts a shape the server deletes later (a student’s marks removed) as its writer’s creation', () => {
    const h = roomHarness();
    const ana = h.join('ana');
    ana.records.set('shape:n', noteShape('shape:n', ANAS));
    h.tick(1);
    h.room.change((records) => records.delete('shape:n'));
    ana.deliver();
    expect(ana.records.has('shape:n')).toBe(false);
    expect(actsOf(h)).toEqual([{ kind: 'create', author: 'ana', itemId: 'shape:n' }]);
  });
});
