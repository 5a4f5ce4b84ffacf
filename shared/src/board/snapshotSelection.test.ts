import { describe, expect, it } from 'vitest';
import { snapshotRecords } from './snapshotSelection.js';

const shape = (id: string, x: number, y: number, extra: Record<string, unknown> = {}) => ({
  id,
  typeName: 'shape',
  parentId: 'page:page',
  x,
  y,
  props: { w: 100, h: 50 },
  ...extra,
});

const board = [
  { id: 'document:document', typeName: 'document' },
  { id: 'page:page', typeName: 'page' },
  shape('shape:frame', 0, 0, { props: { w: 300, h: 300 } }),
  shape('shape:inFrame', 10, 10, { parentId: 'shape:frame' }),
  shape('shape:far', 1000, 1000, { props: { assetId: 'asset:img', w: 10, h: 10 } }),
  { id: 'asset:img', typeName: 'asset' },
  { id: 'asset:unused', typeName: 'asset' },
  { id: 'binding:inside', typeName: 'binding', fromId: 'shape:inFrame', toId: 'shape:frame' },
  { id: 'binding:across', typeName: 'binding', fromId: 'shape:inFrame', toId: 'shape:far' },
];

const ids = (records: { id: string }[]) => records.map((r) => r.id).sort();

describe('snapshotRecords', () => {
  it('keeps every shape of the board, the assets they show and bindings between them, nothing of the page', () => {
    expect(ids(snapshotRecords(board, null))).toEqual([
      'asset:img',
      'binding:across',
      'binding:inside',
      'shape:far',
      'shape:frame',
      'shape:inFrame',
    ]);
  });

  it('keeps the top-level shapes a region meets, with what is nested in them, and only bindings kept at both ends', () => {
    expect(ids(snapshotRecords(board, { x: 250, y: 250, w: 10, h: 10 }))).toEqual([
      'binding:inside',
      'shape:frame',
      'shape:inFrame',
    ]);
    expect(ids(snapshotRecords(board, { x: 995, y: 995, w: 5, h: 5 }))).toEqual(['asset:img', 'shape:far']);
    expect(snapshotRecords(board, { x: 5000, y: 5000, w: 10, h: 10 })).toEqual([]);
  });
});
