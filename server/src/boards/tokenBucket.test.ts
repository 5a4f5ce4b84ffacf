import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket.js';

describe('TokenBucket', () => {
  it('gives its burst at once, then its rate, and is full again only once all it gave has refilled', () => {
    const bucket = new TokenBucket(2, 4, 0);
    expect([1, 2, 3, 4, 5].map(() => bucket.take(0))).toEqual([true, true, true, true, false]);
    expect(bucket.isFull(0)).toBe(false);
    expect(bucket.take(500)).toBe(true); // one token a half second
    expect(bucket.take(500)).toBe(false);
    expect(bucket.isFull(2_400)).toBe(false);
    expect(bucket.isFull(2_500)).toBe(true);
  });

  it('charges a cost known only after the work, so the next requests wait for it', () => {
    const bucket = new TokenBucket(1, 4, 0);
    expect(bucket.take(0)).toBe(true);
    bucket.charge(0, 5); // three left, five more: two in debt
    expect(bucket.take(2_000)).toBe(false);
    expect(bucket.take(3_000)).toBe(true);
  });
});
