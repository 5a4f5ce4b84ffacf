import { describe, expect, it } from 'vitest';
import { YjsRefusal } from '@conjecture/shared';
import { noteShape } from '../test/records.js';
import { authorshipOf, foldedAfresh } from '../test/authorshipProbes.js';
import { roomHarness } from '../test/roomHarness.js';

/**
 * A record id is only a name: a student who deletes (or wipes the words of) a classmate's shape and writes
 * new work under the same id must not have it credited to the classmate, while the same work coming back
 * (an undo, a restore, an offline copy) stays its creator's. The cases naming Mallory failed before
 * recordLives.ts (Ana was credited, and Mallory's deleting her own words was refused as taking Ana's); those
 * keeping Ana hold the fix to work that is really new.
 */

const ANAS = "Ana's idea: 3 pens for $2 is cheaper per pen";
const MALLORYS = 'Mallory was here and the answer is 42';

/** Ana's note `shape:a1` on a board Ana, Ben and Mallory share, on every screen. */
function anaWroteANote(limits: { maxOthersDeleted?: number } = {}) {
  const h = roomHarness(limits);
  const [ana, ben, mallory] = [h.join('ana'), h.join('ben'), h.join('mallory')];
  ana.records.set('shape:a1', noteShape('shape:a1', ANAS));
  ben.deliver();
  mallory.deliver();
  return { h, ana, ben, mallory };
}

describe('a record id written again', () => {
  it('after a classmate’s shape was deleted, with new words, is the new writer’s, after a reload too', () => {
    const { h, ana, mallory } = anaWroteANote();
    mallory.records.delete('shape:a1');
    mallory.records.set('shape:a1', noteShape('shape:a1', MALLORYS));
    ana.deliver();
    expect(h.room.records.get('shape:a1')).toEqual(noteShape('shape:a1', MALLORYS));

    expect(authorshipOf(h, 'shape:a1')).toEqual({ creator: 'mallory', authors: ['mallory'] });
    h.reload();
    expect(authorshipOf(h, 'shape:a1')).toEqual({ creator: 'mallory', authors: ['mallory'] });
    expect(foldedAfresh(h, 'shape:a1')).toEqual({ creator: 'mallory', authors: ['mallory'] });
  });

  it('with the words rewritten in one change (fewer than half kept) is the rewriter’s', () => {
    const { h, mallory } = anaWroteANote();
    mallory.records.set('shape:a1', noteShape('shape:a1', MALLORYS));
    expect(authorshipOf(h, 'shape:a1')).toEqual({ creator: 'mallory', authors: ['mallory'] });
    expect(foldedAfresh(h, 'shape:a1')).toEqual({ creator: 'mallory', authors: ['mallory'] });
  });

  it('with a fix to a few of the words stays its creator’s, edited by the fixer', () => {
    const { h, mallory } = anaWroteANote();
    mallory.records.set('shape:a1', noteShape('shape:a1', `${ANAS}, not per box`));
    expect(authorshipOf(h, 'shape:a1')).toEqual({ creator: 'ana', authors: ['ana', 'mallory'] });
  });

  it('as the same work coming back (the deleted record written again by Ana) stays Ana’s', () => {
    const { h, ana, mallory } = anaWroteANote();
    mallory.records.delete('shape:a1');
    ana.deliver();
    expect(ana.records.has('shape:a1')).toBe(false);
    ana.records.set('shape:a1', noteShape('shape:a1', ANAS)); // her undo re-creates the exact record
    expect(authorshipOf(h, 'shape:a1')).toEqual({ creator: 'ana', authors: ['ana'] });
    h.reload();
    expect(foldedAfresh(h, 'shape:a1')).toEqual({ creator: 'ana', authors: ['ana'] });
  });

  it('back as it was, by the deleter’s own undo, stays Ana’s, edited by nobody new but the deleter', () => {
    const { h, mallory } = anaWroteANote();
    mallory.records.delete('shape:a1');
    mallory.records.set('shape:a1', noteShape('shape:a1', ANAS));
    expect(authorshipOf(h, 'shape:a1')).toEqual({ creator: 'ana', authors: ['ana', 'mallory'] });
  });

  it('back as Ana wrote it after Mallory’s words replaced hers (a restore) is Ana’s again', () => {
    const { h, mallory } = anaWroteANote();
    mallory.records.delete('shape:a1');
    mallory.records.set('shape:a1', noteShape('shape:a1', MALLORYS));
    h.room.change((records) => records.set('shape:a1', noteShape('shape:a1', ANAS)));
    expect(authorshipOf(h, 'shape:a1').creator).toBe('ana');
    expect(foldedAfresh(h, 'shape:a1').creator).toBe('ana');
  });

  it('rewritten in bulk, refused and put back by the server, stays Ana’s', () => {
    const h = roomHarness({ maxOthersDeleted: 2 });
    const [ana, mallory] = [h.join('ana'), h.join('mallory')];
    const keys = ['shape:n0', 'shape:n1', 'shape:n2', 'shape:n3'];
    ana.doc.transact(() => keys.forEach((key, i) => ana.records.set(key, noteShape(key, `${ANAS} ${i}`))));
    mallory.deliver();
    mallory.doc.transact(() => keys.forEach((key) => mallory.records.set(key, noteShape(key, MALLORYS))));
    mallory.deliver();
    expect(mallory.refusals).toEqual([YjsRefusal.othersDeleted]);
    for (const key of keys) {
      expect(h.room.records.get(key)).toEqual(noteShape(key, `${ANAS} ${keys.indexOf(key)}`));
      expect(authorshipOf(h, key).creator).toBe('ana');
    }
  });

  it('emptied, then filled with new words, is not Ana’s', () => {
    const { h, mallory } = anaWroteANote();
    const note = noteShape('shape:a1', ANAS) as { props: object };
    mallory.records.set('shape:a1', {
      ...note,
      props: { ...note.props, richText: { type: 'doc', content: [] } },
    });
    mallory.deliver();
    mallory.records.set('shape:a1', noteShape('shape:a1', MALLORYS));
    mallory.deliver();
    expect(mallory.refusals).toEqual([]);
    expect(h.room.records.get('shape:a1')).toEqual(noteShape('shape:a1', MALLORYS));
    expect(authorshipOf(h, 'shape:a1')).toEqual({ creator: 'mallory', authors: ['mallory'] });
  });

  it('by Mallory counts as her own for the bulk-delete guard, and as Mallory’s when Ana deletes it', () => {
    const { h, ana, mallory } = anaWroteANote({ maxOthersDeleted: 1 });
    mallory.records.delete('shape:a1'); // her one of others' records this minute
    mallory.records.set('shape:a1', noteShape('shape:a1', MALLORYS));
    mallory.records.set('shape:m2', noteShape('shape:m2', 'more of mine'));
    ana.deliver();
    // Deleting her own new note again is free…
    mallory.records.delete('shape:a1');
    mallory.deliver();
    expect(mallory.refusals).toEqual([]);
    expect(h.room.records.get('shape:a1')).toBeUndefined();
    // …and Ana deleting two of Mallory's notes (one under Ana's old id) is more than her one.
    mallory.records.set('shape:a1', noteShape('shape:a1', `${MALLORYS} again`));
    ana.deliver();
    ana.doc.transact(() => {
      ana.records.delete('shape:a1');
      ana.records.delete('shape:m2');
    });
    ana.deliver();
    expect(ana.refusals).toEqual([YjsRefusal.othersDeleted]);
    expect(h.room.records.get('shape:a1')).toBeDefined();
  });
});
