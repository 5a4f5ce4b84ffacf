import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { YjsCloseCode, shardOf } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import { clusterMembers } from '../test/clusterMembers.js';
import { PNG } from '../test/lessonInEveryStore.js';
import { describePostgres, freshDatabaseUrl } from '../test/postgres.js';
import { TEST_REDIS_URL } from '../test/redis.js';
import { rawRoundTrip } from '../test/roundTrip.js';
import { socketWithoutClass, verdictOn } from '../test/sockets.js';
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
      expect(verdict).toBe(YjsCloseCode.tooManyFromAddress);
    },
  );
});

/** Two processes on one PostgreSQL and one Redis, behind one proxy (the address is the forwarded one). */
async function twoProcessesOnRedis(env: Record<string, string> = {}) {
  const url = await freshDatabaseUrl();
  const shared = { REDIS_URL: TEST_REDIS_URL as string, TRUST_PROXY: '1', ...env };
  return Promise.all([member(url, 'a', shared), member(url, 'b', shared)]).then((both) => both.map(asServer));
}

/** Asks `server` for a board outside any class in `shard`, as a client at `address` behind the proxy. */
const makeBoard = (
  server: RunningServer,
  shard: number,
  address: string,
  body: unknown = { title: 'Scratch' },
) =>
  fetch(`${server.url}/api/boards?shard=${shard}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(body),
  });

const freshAddress = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

describePostgres('boards outside a class across the processes of a cluster (through Redis)', () => {
  it.skipIf(!TEST_REDIS_URL)(
    'caps connections per client address over all processes, not per process',
    { timeout: 90_000 },
    async () => {
      const [a, b] = (await twoProcessesOnRedis()) as [RunningServer, RunningServer];
      const [onA, onB] = [await boardInShard(a, 3), await boardInShard(b, 40)];
      const from = { 'x-forwarded-for': freshAddress() };
      await rawRoundTrip((await rawSocket(a, onA, 'user=one', from)).ws);
      await rawRoundTrip((await rawSocket(a, onA, 'user=two', from)).ws);
      // b holds none of them: counted per process, it would admit 2 more.
      const extra = await rawSocket(b, onB, 'user=three', from);
      const verdict = await Promise.race([
        extra.closed.then((c) => c.code),
        rawRoundTrip(extra.ws).then(() => 'held' as const),
      ]);
      expect(verdict).toBe(YjsCloseCode.tooManyFromAddress);
    },
  );

  it.skipIf(!TEST_REDIS_URL)(
    'caps socket.io connections without a class per client address over all processes',
    { timeout: 90_000 },
    async () => {
      const [a, b] = (await twoProcessesOnRedis()) as [RunningServer, RunningServer];
      const from = { 'x-forwarded-for': freshAddress() };
      const verdicts = [];
      for (const server of [a, a, b]) verdicts.push(await verdictOn(socketWithoutClass(server, from)));
      expect(verdicts.slice(0, 2)).toEqual(['connected', 'connected']);
      expect((verdicts[2] as Error & { data?: { code?: string } }).data?.code).toBe('rate_limited');
    },
  );

  it.skipIf(!TEST_REDIS_URL)(
    'bounds boards made and image bytes uploaded per client address over all processes',
    { timeout: 90_000 },
    async () => {
      const [a, b] = (await twoProcessesOnRedis({
        MAX_BOARDS_PER_HOUR: '2',
        MAX_ASSET_BYTES: '1024',
        MAX_UPLOAD_BYTES_PER_HOUR: '1024',
      })) as [RunningServer, RunningServer];
      const address = freshAddress();
      // Each in a shard of its own, which the process asked takes.
      const made = [await makeBoard(a, 5, address), await makeBoard(b, 6, address)];
      expect(made.map((r) => r.status)).toEqual([201, 201]);
      const [onA, onB] = (await Promise.all(made.map((r) => r.json()))) as { boardId: string }[];
      const third = await makeBoard(a, 5, address);
      expect(third.status).toBe(429);
      expect(await third.json()).toMatchObject({ code: 'rate_limited', message: /boards made/ });

      // 600 bytes each: either process alone would take both.
      const upload = (s: RunningServer, boardId: string | undefined, shard: number) =>
        fetch(`${s.url}/api/assets?boardId=${boardId}&user=u&shard=${shard}`, {
          method: 'POST',
          headers: { 'content-type': 'image/png', 'x-forwarded-for': address },
          body: Buffer.concat([PNG, Buffer.alloc(600 - PNG.length)]),
        });
      expect((await upload(a, onA?.boardId, 5)).status).toBe(201);
      const over = await upload(b, onB?.boardId, 6);
      expect(over.status).toBe(429);
      expect(await over.json()).toMatchObject({ code: 'rate_limited', message: /images uploaded/ });
    },
  );

  it.skipIf(!TEST_REDIS_URL)(
    "admits exactly the hour's boards of an address asked for at once over all processes, a failed one costing none",
    { timeout: 90_000 },
    async () => {
      const [a, b] = (await twoProcessesOnRedis({ MAX_BOARDS_PER_HOUR: '2' })) as [
        RunningServer,
        RunningServer,
      ];
      const address = freshAddress();
      // Refused by the shard (no board made): the place it took is given back.
      expect((await makeBoard(a, 5, address, { title: 7 })).status).toBe(400);
      // Checked, then counted once made, all of these would pass the check before any was counted.
      const asked = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? makeBoard(a, 5, address) : makeBoard(b, 6, address))),
      );
      const statuses = asked.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 201, 429, 429, 429, 429, 429, 429]);
    },
  );

  it.skipIf(!TEST_REDIS_URL)(
    "stops counting a process's connections as soon as it has stopped gracefully (SIGTERM)",
    { timeout: 90_000 },
    async () => {
      const url = await freshDatabaseUrl();
      const shared = { REDIS_URL: TEST_REDIS_URL as string, TRUST_PROXY: '1' };
      const stopping = await member(url, 'a', shared);
      const live = asServer(await member(url, 'b', shared));
      const [onA, onB] = [await boardInShard(stopping, 3), await boardInShard(live, 40)];
      const from = { 'x-forwarded-for': freshAddress() };
      for (const user of ['one', 'two'])
        await rawRoundTrip((await rawSocket(asServer(stopping), onA, `user=${user}`, from)).ws);
      stopping.process.kill('SIGTERM');
      expect(await stopping.exited).toMatchObject({ code: 0 });
      // Left to expire, its two entries would fill the cap for 30 s.
      for (const user of ['three', 'four'])
        await rawRoundTrip((await rawSocket(live, onB, `user=${user}`, from)).ws);
    },
  );
});
