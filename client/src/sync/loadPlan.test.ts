import { describe, expect, it } from 'vitest';
import type { TLRecord } from 'tldraw';
import {
  FIRST_SHAPES_MAX,
  nextBatchSize,
  planLoad,
  recordsInView,
  smallestBatch,
  smoothedCost,
} from './loadPlan.js';

const page = (id: string, index: string) => ({ id, typeName: 'page', index, name: id, meta: {} });
const shape = (id: string, x: number, y: number, parentId = 'page:a') => ({
  id,
  typeName: 'shape',
  type: 'geo',
  parentId,
  x,
  y,
  props: { w: 100, h: 100 },
});
const binding = (id: string, fromId: string, toId: string) => ({ id, typeName: 'binding', fromId, toId });
const records = (...rs: object[]) => rs as TLRecord[];
const ids = (rs: TLRecord[]) => rs.map((r) => r.id);

const VIEW = { x: 0, y: 0, w: 1000, h: 800 };

describe('planLoad', () => {
  it('puts every non-shape record and the shapes in view first, the rest nearest first', () => {
    const plan = planLoad(
      records(
        { id: 'document:document', typeName: 'document' },
        page('page:a', 'a1'),
        shape('shape:far', 5000, 0),
        shape('shape:in', 100, 100),
        shape('shape:near', 1200, 0),
      ),
      VIEW,
    );
    expect(ids(plan.first)).toEqual(['document:document', 'page:a', 'shape:in']);
    expect(ids(plan.rest)).toEqual(['shape:near', 'shape:far']);
  });

  it('keeps a frame before its children, placed by the frame, and other pages last', () => {
    const plan = planLoad(
      records(
        page('page:b', 'a2'),
        page('page:a', 'a1'),
        shape('shape:child', 10, 10, 'shape:frame'),
        shape('shape:other-page', 0, 0, 'page:b'),
        shape('shape:frame', 3000, 0),
        shape('shape:grandchild', 0, 0, 'shape:child'),
        shape('shape:near', 1100, 0),
      ),
      VIEW,
    );
    expect(ids(plan.first)).toEqual(['page:b', 'page:a']);
    expect(ids(plan.rest)).toEqual([
      'shape:near',
      'shape:frame',
      'shape:child',
      'shape:grandchild',
      'shape:other-page',
    ]);
  });

  it('puts a binding right after the later of its two shapes', () => {
    const plan = planLoad(
      records(
        page('page:a', 'a1'),
        shape('shape:in', 0, 0),
        shape('shape:in2', 300, 0),
        shape('shape:far', 9000, 0),
        shape('shape:near', 1500, 0),
        binding('binding:inside', 'shape:in', 'shape:in2'),
        binding('binding:out', 'shape:far', 'shape:in'),
      ),
      VIEW,
    );
    expect(ids(plan.first)).toEqual(['page:a', 'shape:in2', 'shape:in', 'binding:inside']); // nearest the centre first
    expect(ids(plan.rest)).toEqual(['shape:near', 'shape:far', 'binding:out']);
  });

  it('caps what goes in before the editor mounts, nearest the view first', () => {
    const many = Array.from({ length: FIRST_SHAPES_MAX + 50 }, (_, i) => shape(`shape:s${i}`, i, i));
    const plan = planLoad(records(page('page:a', 'a1'), ...many), VIEW);
    expect(plan.first).toHaveLength(FIRST_SHAPES_MAX + 1);
    expect(plan.rest).toHaveLength(50);
    expect(new Set([...ids(plan.first), ...ids(plan.rest)]).size).toBe(FIRST_SHAPES_MAX + 51);
  });

  it('loses and duplicates nothing', () => {
    const input = records(
      page('page:a', 'a1'),
      ...Array.from({ length: 300 }, (_, i) =>
        shape(`shape:s${i}`, (i % 20) * 220, Math.floor(i / 20) * 180),
      ),
      binding('binding:x', 'shape:s1', 'shape:s299'),
    );
    const plan = planLoad(input, VIEW);
    expect([...ids(plan.first), ...ids(plan.rest)].sort()).toEqual(ids(input).sort());
  });
});

describe('recordsInView', () => {
  const board = records(
    { id: 'document:document', typeName: 'document' },
    page('page:b', 'a2'),
    page('page:a', 'a1'),
    shape('shape:in', 100, 100),
    shape('shape:frame', 900, 700), // overlaps the view's corner: drawn with its child, which lies outside
    shape('shape:child', 400, 400, 'shape:frame'),
    shape('shape:out', 2000, 0),
    shape('shape:other-page', 100, 100, 'page:b'),
    binding('binding:drawn', 'shape:in', 'shape:frame'),
    binding('binding:half', 'shape:in', 'shape:out'),
  );

  it("keeps what is not a shape, the first page's shapes in view with their subtrees, and bindings between drawn shapes", () => {
    expect(ids(recordsInView(board, VIEW, 100))).toEqual([
      'document:document',
      'page:b',
      'page:a',
      'shape:in',
      'shape:frame',
      'shape:child',
      'binding:drawn',
    ]);
  });

  it('stops at maxShapes, a whole subtree at a time', () => {
    expect(ids(recordsInView(board, VIEW, 2))).toEqual(['document:document', 'page:b', 'page:a', 'shape:in']);
  });
});

describe('nextBatchSize', () => {
  const limits = { min: 10, max: 1000 };
  it('grows a batch that was quick, shrinks one that was slow, at most by two', () => {
    expect(nextBatchSize(100, 25, 50, limits)).toBe(200);
    expect(nextBatchSize(100, 1, 50, limits)).toBe(200);
    expect(nextBatchSize(100, 100, 50, limits)).toBe(50);
    expect(nextBatchSize(100, 5000, 50, limits)).toBe(50);
    expect(nextBatchSize(100, 40, 50, limits)).toBe(125);
  });
  it('stays within its limits', () => {
    expect(nextBatchSize(12, 5000, 50, limits)).toBe(10);
    expect(nextBatchSize(900, 1, 50, limits)).toBe(1000);
  });
});

describe('smoothedCost', () => {
  it('starts at the first batch and moves a third of the way to each next one', () => {
    expect(smoothedCost(null, 0.3)).toBe(0.3);
    expect(smoothedCost(0.3, 0.6)).toBeCloseTo(0.4);
    expect(smoothedCost(0.3, 0.3)).toBe(0.3);
  });
  it('keeps batches steady through collections: the longest task is shorter than sized on the last batch alone', () => {
    const limits = { min: 10, max: 2000 };
    // 0.3 ms a record, and every other batch pays an 80 ms collection (as scavenges do in a big load).
    const load = (smoothed: boolean) => {
      let size = 50;
      let cost: number | null = null;
      const tasks: number[] = [];
      const sizes: number[] = [];
      for (let batch = 0; batch < 20; batch++) {
        const elapsed = size * 0.3 + (batch % 2 === 1 ? 80 : 0);
        tasks.push(elapsed);
        sizes.push(size);
        cost = smoothedCost(cost, elapsed / size);
        size = nextBatchSize(size, smoothed ? cost * size : elapsed, 100, limits);
      }
      const settled = sizes.slice(5);
      return { longest: Math.max(...tasks.slice(5)), swing: Math.max(...settled) / Math.min(...settled) };
    };
    const lastAlone = load(false);
    const steady = load(true);
    expect(lastAlone.longest).toBeGreaterThanOrEqual(175);
    expect(steady.longest).toBeLessThan(155);
    expect(steady.swing).toBeLessThan(1.25);
    expect(lastAlone.swing).toBeGreaterThan(1.7);
  });
});

describe('smallestBatch', () => {
  it('uses the finer floor before anything is measured and where its batches stay short tasks', () => {
    expect(smallestBatch(5_000, null)).toBe(63);
    expect(smallestBatch(5_000, 2)).toBe(63); // 63 records at 2 ms: 126 ms
  });

  it('keeps the coarser floor where even the finer batches would be long (a slow machine)', () => {
    expect(smallestBatch(5_000, 3)).toBe(125); // 63 records at 3 ms: 189 ms, over the margin
    expect(smallestBatch(5_000, 8)).toBe(125);
  });
});
