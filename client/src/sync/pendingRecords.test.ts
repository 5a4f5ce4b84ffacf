import { describe, expect, it } from 'vitest';
import type { TLRecord } from 'tldraw';
import { PendingRecords } from './pendingRecords.js';

const shape = (id: string, parentId = 'page:a', x = 0) =>
  ({ id, typeName: 'shape', parentId, x }) as unknown as TLRecord;
const binding = (id: string, fromId: string, toId: string) =>
  ({ id, typeName: 'binding', fromId, toId }) as unknown as TLRecord;
const ids = (rs: TLRecord[]) => rs.map((r) => r.id);

describe('PendingRecords', () => {
  it('hands out records in load order, in batches, each once', () => {
    const pending = new PendingRecords(['a', 'b', 'c', 'd', 'e'].map((n) => shape(`shape:${n}`)));
    expect(ids(pending.take(2))).toEqual(['shape:a', 'shape:b']);
    expect(ids(pending.take(2))).toEqual(['shape:c', 'shape:d']);
    expect(ids(pending.take(2))).toEqual(['shape:e']);
    expect(pending.take(2)).toEqual([]);
    expect(pending.size).toBe(0);
  });

  it('puts a waiting record at its latest value and never a deleted one', () => {
    const pending = new PendingRecords([shape('shape:a'), shape('shape:b'), shape('shape:c')]);
    pending.replace(shape('shape:b', 'page:a', 42));
    pending.drop('shape:c');
    pending.replace(shape('shape:c', 'page:a', 7)); // a late update of a deleted record does not revive it
    pending.replace(shape('shape:new')); // nor does one of a record that was never waiting
    const all = pending.take(10);
    expect(ids(all)).toEqual(['shape:a', 'shape:b']);
    expect(all[1]).toMatchObject({ x: 42 });
  });

  it('takes along what an arriving record needs, before it, and not again later', () => {
    const pending = new PendingRecords([
      shape('shape:x'),
      shape('shape:frame'),
      shape('shape:child', 'shape:frame'),
      shape('shape:target'),
    ]);
    const arriving = shape('shape:new-child', 'shape:child');
    expect(ids(pending.takeDependencies(arriving))).toEqual(['shape:frame', 'shape:child']);
    expect(ids(pending.takeDependencies(binding('binding:b', 'shape:new-child', 'shape:target')))).toEqual([
      'shape:target',
    ]);
    expect(ids(pending.take(10))).toEqual(['shape:x']);
  });

  it('drops the waiting records that depended on a deleted one', () => {
    const pending = new PendingRecords([
      shape('shape:child', 'shape:frame'),
      shape('shape:grandchild', 'shape:child'),
      binding('binding:to-frame', 'shape:arrow', 'shape:frame'),
      shape('shape:unrelated'),
    ]);
    expect(pending.dropDependents(['shape:frame']).sort()).toEqual([
      'binding:to-frame',
      'shape:child',
      'shape:grandchild',
    ]);
    expect(ids(pending.take(10))).toEqual(['shape:unrelated']);
  });
});
