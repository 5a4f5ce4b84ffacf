import { describe, expect, it } from 'vitest';
import { shardOf } from '@conjecture/shared';
import { requestShard } from './requestShard.js';

describe('the shard of a request', () => {
  it('comes from the class, board or asset id in the path, before anything else', () => {
    const get = (url: string) => requestShard('GET', url, { authorization: 'Bearer other.sig' });
    expect(get('/api/classes/cls123/view?shard=3')).toEqual({ shard: shardOf('cls123') });
    expect(get('/api/boards/brd456')).toEqual({ shard: shardOf('brd456') });
    expect(get('/api/assets/asset7890ab?shard=1')).toEqual({ shard: shardOf('asset7890ab') });
    expect(get('/yjs/brd456?token=x')).toEqual({ shard: shardOf('brd456') });
  });

  it('then from an upload’s owner, the balancer’s ?shard=, a join’s body, the caller’s session', () => {
    expect(requestShard('POST', '/api/assets?boardId=b1', {})).toEqual({ shard: shardOf('b1') });
    expect(requestShard('GET', '/socket.io/?EIO=4&shard=12', {})).toEqual({ shard: 12 });
    expect(requestShard('POST', '/api/join', { cookie: 'conjecture_teacher_c=s.x' })).toEqual({
      joinBody: true,
    });
    expect(requestShard('GET', '/api/me', { authorization: 'Bearer sess1.sig' })).toEqual({
      shard: shardOf('sess1'),
    });
    expect(requestShard('GET', '/api/me', { cookie: 'a=b; conjecture_teacher_c1=sess2.sig' })).toEqual({
      shard: shardOf('sess2'),
    });
  });

  it('is anywhere for what belongs to no class, and ignores a ?shard= out of range', () => {
    expect(requestShard('GET', '/', {})).toEqual({ any: true });
    expect(requestShard('POST', '/api/classes?shard=999', {})).toEqual({ any: true });
  });
});
