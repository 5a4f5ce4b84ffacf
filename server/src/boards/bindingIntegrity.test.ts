import { describe, expect, it } from 'vitest';
import { BindingIndex, bindingRefusal } from './bindingIntegrity.js';
import { arrowBinding, arrowShape, geoShape } from '../test/records.js';

const board = (...records: Array<Record<string, unknown>>) => {
  const byId = new Map(records.map((r) => [r.id as string, r]));
  return (id: string) => byId.get(id);
};

describe('bindingRefusal', () => {
  const shapes = board(arrowShape('shape:a'), arrowShape('shape:b'), geoShape('shape:box'));

  it('lets an arrow’s end rest on a box, or on a shape that is not there', () => {
    expect(bindingRefusal('binding:1', arrowBinding('binding:1', 'shape:a', 'shape:box'), shapes)).toBeNull();
    expect(
      bindingRefusal('binding:1', arrowBinding('binding:1', 'shape:a', 'shape:gone'), shapes),
    ).toBeNull();
  });

  it('refuses what tldraw’s editor never makes', () => {
    const refusal = (from: string, to: string) =>
      bindingRefusal('binding:1', arrowBinding('binding:1', from, to), shapes);
    expect(refusal('shape:a', 'shape:a')).toMatch(/itself/);
    expect(refusal('shape:a', 'shape:b')).toMatch(/arrow to an arrow/);
    expect(refusal('shape:box', 'shape:a')).toMatch(/starts at a geo/);
  });
});

describe('BindingIndex', () => {
  it('follows a binding from shape to shape, and forgets it when it goes', () => {
    const index = new BindingIndex();
    index.update('binding:1', arrowBinding('binding:1', 'shape:a', 'shape:box'));
    expect([...index.bindingsOf('shape:box')]).toEqual(['binding:1']);
    index.update('binding:1', arrowBinding('binding:1', 'shape:a', 'shape:other'));
    expect([...index.bindingsOf('shape:box')]).toEqual([]);
    expect([...index.bindingsOf('shape:other')]).toEqual(['binding:1']);
    index.update('binding:1', undefined);
    expect([...index.bindingsOf('shape:a')]).toEqual([]);
    index.update('shape:box', geoShape('shape:box')); // not a binding: ignored
    expect([...index.bindingsOf('shape:box')]).toEqual([]);
  });
});
