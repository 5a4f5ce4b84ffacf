import { describe, expect, it } from 'vitest';
import { geoShape, noteShape, strokeShape } from '../test/records.js';
import { roomHarness } from '../test/roomHarness.js';
import { boardActs } from './boardActs.js';

/**
 * Participation counts a new piece of work under a classmate's record id as its writer's creation, as
 * authorship does (`recordLives.ts`): Mallory's new words or drawing where Ana's were counted as an edit of
 * Ana's item, and Ana kept the creation (the first case failed before boardActs followed the lives).
 */

const ANAS = "Ana's idea: 3 pens for $2 is cheaper per pen";
const MALLORYS = 'Mallory was here and the answer is 42';
const line = (from: number) => Array.from({ length: 20 }, (_, i) => ({ x: from + i * 3, y: i }));

function actsOf(h: ReturnType<typeof roomHarness>) {
  return boardActs(h.store, h.boardId).acts.map(({ kind, author, itemId }) => ({ kind, author, itemId }));
}

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
});
