import { expect, it } from 'vitest';
import { YjsCloseCode, shardOf } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import { clusterMembers } from '../test/clusterMembers.js';
import { describePostgres, freshDatabaseUrl } from '../test/postgres.js';
import { rawRoundTrip } from '../test/roundTrip.js';
import { rawSocket } from '../test/testServer.js';

const member = clusterMembers({ MAX_FREE_BOARD_CONNECTIONS_PER_ADDRESS: '2' });
const asServer = (s: { url: string }) => s as unknown as RunningServer;

/** A board outside any class, made in `shard` (the balancer's `?shard=` picks it, as anyone may send). */
async function boardInShard(server: { url: string }, shard: number): Promise<string> {
  const res = await fetch(`${server.url}/api/boards?shard=${shard}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Scratch' }),
  });
  expect(res.status).toBe(201);
  const { boardId } = (await res.json()) as { boardId: string };
  expect(shardOf(boardId)).toBe(shard);
  return boardId;
}

// Hang guard for a busy machine (a built server and PostgreSQL), not a speed check.
describePostgres('connections to boards outside a class, in a cluster process', () => {
  it(
    'are capped per client address over all the shards the process serves, not per shard',
    { timeout: 90_000 },
    async () => {
      const a = asServer(await member(await freshDatabaseUrl(), 'a'));
      const [inOne, inAnother] = [await boardInShard(a, 3), await boardInShard(a, 40)];

      for (const user of ['one', 'two']) await rawRoundTrip((await rawSocket(a, inOne, `user=${user}`)).ws);
      // Each shard is a whole server of its own: counted there, a second shard would give the address 2 more.
      const extra = await rawSocket(a, inAnother, 'user=three');
      const verdict = await Promise.race([
        extra.closed.then((c) => c.code),
        rawRoundTrip(extra.ws).then(() => 'held' as const),
      ]);
      expect(verdict).toBe(YjsCloseCode.tooManyConnections);
    },
  );
});
