import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { claimedItems, countMissing, coverAll, LatencyHistogram } from './accounting.js';

const vector = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

describe('LatencyHistogram', () => {
  it('reads percentiles within its 2 % resolution', () => {
    const histogram = new LatencyHistogram();
    for (let ms = 1; ms <= 1000; ms++) histogram.record(ms);
    expect(histogram.count).toBe(1000);
    expect(histogram.percentile(50)).toBeCloseTo(500, -1);
    expect(Math.abs(histogram.percentile(99) / 990 - 1)).toBeLessThan(0.02);
    expect(Math.abs(histogram.percentile(100) / 1000 - 1)).toBeLessThan(0.02);
  });

  it('merges workers’ buckets into the histogram of all their samples', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    const all = new LatencyHistogram();
    [0.01, 2, 3, 40].forEach((ms) => (a.record(ms), all.record(ms)));
    [5, 6, 700].forEach((ms) => (b.record(ms), all.record(ms)));
    const merged = LatencyHistogram.from(a.buckets()).merge(LatencyHistogram.from(b.buckets()));
    expect(merged.count).toBe(7);
    for (const p of [0, 10, 50, 90, 100]) expect(merged.percentile(p)).toBe(all.percentile(p));
  });

  it('is NaN with no samples, never zero', () => {
    expect(new LatencyHistogram().percentile(50)).toBeNaN();
  });
});

describe('lost updates', () => {
  it('counts each edit a groupmate saw relayed and the server no longer holds', () => {
    const writer = new Y.Doc();
    const groupmate = new Y.Doc();
    const server = new Y.Doc();
    const records = new YKeyValue<{ x: number }>(writer.getArray('tldraw'));
    for (let x = 0; x < 5; x++) records.set('shape:a', { x });
    // The server stored three of the five edits before it died, but relayed all five.
    Y.applyUpdate(groupmate, Y.encodeStateAsUpdate(writer));
    const stored = new Y.Doc();
    const storedRecords = new YKeyValue<{ x: number }>(stored.getArray('tldraw'));
    stored.clientID = writer.clientID;
    for (let x = 0; x < 3; x++) storedRecords.set('shape:a', { x });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(stored));

    const claimed = claimedItems(
      [
        { clientId: writer.clientID, vector: vector(writer) },
        { clientId: groupmate.clientID, vector: vector(groupmate) },
      ],
      new Map(),
    );
    expect(countMissing(claimed, vector(server))).toBe(2);
    expect(countMissing(claimed, vector(writer))).toBe(0);
  });

  it('does not claim a writer’s own edits that nobody else saw', () => {
    const writer = new Y.Doc();
    new YKeyValue<{ x: number }>(writer.getArray('tldraw')).set('shape:a', { x: 1 });
    const claimed = claimedItems([{ clientId: writer.clientID, vector: vector(writer) }], new Map());
    expect(countMissing(claimed, new Map())).toBe(0);
  });

  it('claims what the server acknowledged as stored even if no client saw it relayed', () => {
    const claimed = claimedItems([], new Map([[7, 4]]));
    expect(countMissing(claimed, new Map([[7, 1]]))).toBe(3);
    expect(countMissing(claimed, new Map([[7, 9]]))).toBe(0);
  });

  it('covers state vectors client by client', () => {
    const into = new Map([
      [1, 5],
      [2, 1],
    ]);
    coverAll(
      into,
      new Map([
        [1, 3],
        [2, 4],
        [3, 2],
      ]),
      3,
    );
    expect([...into]).toEqual([
      [1, 5],
      [2, 4],
    ]);
  });
});
