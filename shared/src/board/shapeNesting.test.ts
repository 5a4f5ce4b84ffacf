import { describe, expect, it } from 'vitest';
import { MAX_NESTING_DEPTH, nestedTooDeep, nestingDepth } from './shapeNesting.js';

const shape = (parentId: string) => ({ typeName: 'shape', parentId });

/** `count` shapes `shape:c0` … each inside the one before, `shape:c0` on the page. */
function chain(count: number): Map<string, unknown> {
  const records = new Map<string, unknown>();
  for (let i = 0; i < count; i++)
    records.set(`shape:c${i}`, shape(i === 0 ? 'page:page' : `shape:c${i - 1}`));
  return records;
}
const childrenIn = (records: Map<string, unknown>) => (key: string) =>
  [...records].filter(([, v]) => (v as { parentId: string }).parentId === key).map(([k]) => k);

describe('how deep a shape is nested', () => {
  it('counts the shapes it sits inside, 0 on the page', () => {
    const records = chain(4);
    const valueOf = (key: string) => records.get(key);
    expect(nestingDepth('shape:c0', valueOf)).toBe(0);
    expect(nestingDepth('shape:c3', valueOf)).toBe(3);
  });

  it('stops at a parent that is not there, at a loop, and just past the bound', () => {
    const records = new Map<string, unknown>([
      ['shape:orphan', shape('shape:gone')],
      ['shape:a', shape('shape:b')],
      ['shape:b', shape('shape:a')],
    ]);
    const valueOf = (key: string) => records.get(key);
    expect(nestingDepth('shape:orphan', valueOf)).toBe(0);
    expect(nestingDepth('shape:a', valueOf)).toBe(1);
    const long = chain(5_000);
    expect(nestingDepth('shape:c4999', (key) => long.get(key))).toBe(MAX_NESTING_DEPTH + 1);
  });
});

describe('a change nesting shapes too deep', () => {
  it('is a shape put past the bound, or one carrying what it holds past it', () => {
    const records = chain(MAX_NESTING_DEPTH + 1); // the last one at the bound exactly
    const valueOf = (key: string) => records.get(key);
    const last = `shape:c${MAX_NESTING_DEPTH}`;
    expect(nestedTooDeep(last, undefined, valueOf, childrenIn(records))).toBeNull();

    records.set('shape:new', shape(last));
    expect(nestedTooDeep('shape:new', undefined, valueOf, childrenIn(records))).toEqual({
      shape: 'shape:new',
      depth: MAX_NESTING_DEPTH + 1,
    });
    records.delete('shape:new');

    // a box holding a note, put into the chain's fourth-last shape: the note is one too deep
    records.set('shape:box', shape('page:page'));
    records.set('shape:note', shape('shape:box'));
    const before = records.get('shape:box');
    records.set('shape:box', shape(`shape:c${MAX_NESTING_DEPTH - 1}`));
    expect(nestedTooDeep('shape:box', before, valueOf, childrenIn(records))).toEqual({
      shape: 'shape:note',
      depth: MAX_NESTING_DEPTH + 1,
    });
  });

  it('is never a change that keeps the parent (a move, a restyle), even on a board nested too deep already', () => {
    const records = chain(MAX_NESTING_DEPTH + 10);
    const key = `shape:c${MAX_NESTING_DEPTH + 5}`;
    const before = records.get(key);
    records.set(key, { ...shape(`shape:c${MAX_NESTING_DEPTH + 4}`), x: 40 });
    expect(nestedTooDeep(key, before, (k) => records.get(k), childrenIn(records))).toBeNull();
  });

  it('is not a shape moved out, or a group as deep as students make them', () => {
    const records = chain(MAX_NESTING_DEPTH + 5);
    const valueOf = (key: string) => records.get(key);
    const deep = `shape:c${MAX_NESTING_DEPTH + 3}`;
    const before = records.get(deep);
    records.set(deep, shape('shape:c2'));
    expect(nestedTooDeep(deep, before, valueOf, childrenIn(records))).toBeNull();

    const group = chain(6);
    group.set('shape:frame', shape('page:page'));
    group.set('shape:c0', shape('shape:frame'));
    expect(nestedTooDeep('shape:c0', shape('page:page'), (k) => group.get(k), childrenIn(group))).toBeNull();
  });
});
