import { describe, expect, it } from 'vitest';
import { geoShape, noteShape } from '../test/records.js';
import { roomHarness } from '../test/roomHarness.js';

/** tldraw labels a note with the name of whoever last edited its words, from the record's `textLastEditedBy`. */
const editorOf = (peer: { records: { get(key: string): unknown } }, key: string) =>
  (peer.records.get(key) as { props: { textLastEditedBy: unknown } } | undefined)?.props.textLastEditedBy;

function anaWroteANote() {
  const h = roomHarness();
  const ana = h.join('ana');
  const ben = h.join('ben');
  const mallory = h.join('mallory');
  const note = noteShape('shape:anas', 'Half of 8 is 4', {});
  ana.records.set('shape:anas', { ...note, props: { ...(note.props as object), textLastEditedBy: 'ana' } });
  ben.deliver();
  mallory.deliver();
  return { h, ana, ben, mallory };
}

describe('the name on a sticky note', () => {
  it('is the writer’s own when a student’s change puts someone else’s there: a forged note shows its forger', () => {
    const { ana, ben, mallory } = anaWroteANote();
    const forged = noteShape('shape:forged', 'I think this is all wrong');
    mallory.records.set('shape:forged', {
      ...forged,
      props: { ...(forged.props as object), textLastEditedBy: 'ana' },
    });
    const anas = mallory.records.get('shape:anas') as { props: object };
    mallory.records.set('shape:anas', { ...anas, props: { ...anas.props, textLastEditedBy: 'ben' } });
    for (const peer of [ana, ben, mallory]) {
      peer.deliver();
      expect(editorOf(peer, 'shape:forged')).toBe('mallory');
      expect(editorOf(peer, 'shape:anas')).toBe('mallory');
    }
  });

  it('stays as it was when a classmate only moves the note, and is the editor’s own when she edits it', () => {
    const { ana, ben, mallory } = anaWroteANote();
    const anas = ben.records.get('shape:anas') as Record<string, unknown>;
    ben.records.set('shape:anas', { ...anas, x: 400 });
    ana.deliver();
    expect(editorOf(ana, 'shape:anas')).toBe('ana');
    const moved = ana.records.get('shape:anas') as { props: object };
    ana.records.set('shape:anas', { ...moved, props: { ...moved.props, textLastEditedBy: null } });
    mallory.deliver();
    expect(editorOf(mallory, 'shape:anas')).toBeNull();
  });

  it('is relabelled without disturbing the refusal of the rest of the same change', () => {
    const { ana, ben, mallory } = anaWroteANote();
    const forged = noteShape('shape:forged', 'I think this is all wrong');
    mallory.doc.transact(() => {
      mallory.records.set('shape:forged', {
        ...forged,
        props: { ...(forged.props as object), textLastEditedBy: 'ana' },
      });
      mallory.records.set('shape:faded', geoShape('shape:faded', { opacity: 0 })); // taken back
    });
    for (const peer of [ana, ben, mallory]) {
      peer.deliver();
      expect(editorOf(peer, 'shape:forged')).toBe('mallory');
      expect(peer.records.has('shape:faded')).toBe(false);
    }
  });
});
