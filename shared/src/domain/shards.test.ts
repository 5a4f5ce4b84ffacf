import { describe, expect, it } from 'vitest';
import { idInShard, SHARD_COUNT, shardOf, shardOfHandshake } from './shards.js';

describe('shards', () => {
  it('puts a key in the same shard every time, and spreads random ids over all of them', () => {
    expect(shardOf('class-abc123')).toBe(shardOf('class-abc123'));
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) seen.add(shardOf(`id${i}x${i * 7919}`));
    expect(seen.size).toBe(SHARD_COUNT);
  });

  it('routes a join code as the student may type it (case, spaces, dashes)', () => {
    expect(shardOf('acd-efg')).toBe(shardOf('ACDEFG'));
    expect(shardOf(' ACD EFG ')).toBe(shardOf('ACDEFG'));
  });

  it('makes ids in a chosen shard, and any id without one', () => {
    let n = 0;
    const make = () => `candidate-${n++}`;
    for (const shard of [0, 17, SHARD_COUNT - 1]) expect(shardOf(idInShard(shard, make))).toBe(shard);
    expect(idInShard(null, () => 'first')).toBe('first');
  });

  it('routes a socket handshake by its class, else by the session in its token', () => {
    expect(shardOfHandshake({ classId: 'c1' })).toBe(shardOf('c1'));
    expect(shardOfHandshake({ token: 'session42.signature' })).toBe(shardOf('session42'));
  });
});
