import { describe, expect, it } from 'vitest';
import { ChildIndex, faintnessRefusal } from './shapeOpacity.js';

const shape = (parentId: string, opacity = 1) => ({ typeName: 'shape', parentId, opacity });

function board(records: Record<string, unknown>) {
  const children = new ChildIndex();
  for (const [key, value] of Object.entries(records)) children.update(key, value);
  return { children, valueOf: (key: string) => records[key] };
}

describe('the child index', () => {
  it('keeps each shape’s children as it is moved in and out and deleted', () => {
    const children = new ChildIndex();
    children.update('shape:a', shape('shape:frame'));
    children.update('shape:b', shape('shape:frame'));
    expect([...children.childrenOf('shape:frame')]).toEqual(['shape:a', 'shape:b']);
    children.update('shape:a', shape('page:page'));
    children.update('shape:b', undefined);
    expect([...children.childrenOf('shape:frame')]).toEqual([]);
  });
});

describe('a change that fades a shape past tldraw’s faintest', () => {
  it('is refused for the shape itself, or for what it holds', () => {
    const records: Record<string, unknown> = {
      'shape:frame': shape('page:page', 0.2),
      'shape:held': shape('shape:frame', 0.5),
    };
    const { children, valueOf } = board(records);
    // the frame set from 1 to 0.2 would draw its shape at 0.1: stands; then the shape to 0.4: 0.08
    expect(faintnessRefusal('shape:frame', shape('page:page', 1), valueOf, children)).toBeNull();
    records['shape:held'] = shape('shape:frame', 0.4);
    expect(faintnessRefusal('shape:held', shape('shape:frame', 0.5), valueOf, children)).toMatch(/0\.08/);
    expect(faintnessRefusal('shape:frame', shape('page:page', 1), valueOf, children)).toMatch(/shape:held/);
  });

  it('is not looked for when neither its opacity nor its parent changed (a move)', () => {
    const records = { 'shape:faint': shape('shape:gone', 0.01) };
    const { children, valueOf } = board(records);
    expect(faintnessRefusal('shape:faint', records['shape:faint'], valueOf, children)).toBeNull();
  });
});
