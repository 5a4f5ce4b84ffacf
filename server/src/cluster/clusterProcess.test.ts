import { expect, it } from 'vitest';
import WebSocket from 'ws';
import { randomBytes } from 'node:crypto';
import { ApiRequestError, createApiClient, idInShard, joinCodeFromBytes, shardOf } from '@conjecture/shared';
import { TEST_REDIS_URL } from '../test/redis.js';
import { JOIN_FAILURES_PER_WINDOW } from './sharedLimits.js';
import type { RunningServer } from '../createServer.js';
import { clusterMembers } from '../test/clusterMembers.js';
import { classWithGroupOfTwo, createClassAsTeacher } from '../test/classroomClient.js';
import { failoverProxy } from '../test/failoverProxy.js';
import { describePostgres, freshDatabaseUrl } from '../test/postgres.js';
import { roundTrip } from '../test/roundTrip.js';
import { connectClient, geoShape, onCleanup, synced, waitFor } from '../test/testServer.js';

// Here each process is asked directly for the other's shards: no handover (tested behind HAProxy).
const member = clusterMembers({ SHARD_HANDOVER_QUIET_MS: '3600000' });

const asServer = (s: { url: string }) => s as unknown as RunningServer;

/** A new class lands in a random shard: if another process holds it, the client retries (as on 503). */
async function classOn(server: RunningServer) {
  for (;;) {
    try {
      return await createClassAsTeacher(server);
    } catch (err) {
      if (!(err instanceof ApiRequestError && err.code === 'unavailable')) throw err;
    }
  }
}

const healthOf = async (s: { url: string }) =>
  (await (await fetch(`${s.url}/healthz`)).json()) as { process: string; shards: number[] };

// Hang guards for a busy machine (two built servers and PostgreSQL), not speed checks.
describePostgres('processes of a cluster on one PostgreSQL', () => {
  it(
    'each serves the classes of the shards it holds, and tells a client to retry for the others',
    { timeout: 90_000 },
    async () => {
      const url = await freshDatabaseUrl();
      const [a, b] = await Promise.all([member(url, 'a'), member(url, 'b')]);
      const onA = await classOn(asServer(a));
      const onB = await classOn(asServer(b));
      expect((await healthOf(a)).shards).toContain(shardOf(onA.classId));
      expect((await healthOf(b)).shards).toContain(shardOf(onB.classId));

      // Its own class: served. The other's: 503 with Retry-After, never a copy.
      const view = (s: { url: string }, t: typeof onA) =>
        fetch(`${s.url}/api/classes/${t.classId}`, { headers: { cookie: t.cookie } });
      expect((await view(a, onA)).status).toBe(200);
      expect((await view(b, onB)).status).toBe(200);
      const refused = await view(b, onA);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toMatchObject({ code: 'unavailable' });
      expect((await view(a, onB)).status).toBe(503);
      // A join routes by its code, which lies in its class's shard.
      const join = (s: { url: string }) =>
        fetch(`${s.url}/api/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ joinCode: onA.joinCode.toLowerCase(), displayName: 'Cy' }),
        });
      expect((await join(b)).status).toBe(503);
      expect((await join(a)).status).toBe(200);
      // A board's websocket in the other's shard is refused the same way (y-websocket clients retry).
      const boardInA = idInShard(shardOf(onA.classId), () => `board-${Math.random().toString(36).slice(2)}`);
      const status = await new Promise<number>((resolve, reject) => {
        const ws = new WebSocket(`${b.url.replace('http', 'ws')}/yjs/${boardInA}`);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => reject(new Error('b accepted a board of a’s shard')));
        ws.on('error', () => {});
      });
      expect(status).toBe(503);
    },
  );

  it(
    'moves a killed process’s classes to another, which reloads them from PostgreSQL: nothing relayed is lost',
    { timeout: 120_000 },
    async () => {
      const url = await freshDatabaseUrl();
      const [a, b] = await Promise.all([member(url, 'a'), member(url, 'b')]);
      const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(asServer(a));
      // Clients reach the class through a stand-in balancer that sends new connections to a, else b.
      const front = await failoverProxy([Number(new URL(a.url).port), Number(new URL(b.url).port)]);
      onCleanup(() => front.close());
      const writer = connectClient(asServer(front), g1.boardId, { token: ana.token });
      const observer = connectClient(asServer(front), g1.boardId, { token: ben.token });
      await Promise.all([synced(writer), synced(observer)]);
      const UPDATES = 200;
      for (let i = 0; i < UPDATES; i++) writer.records.set(`shape:k${i}`, geoShape(`shape:k${i}`, { x: i }));
      // Relayed means committed in PostgreSQL: the relay waits for it.
      await waitFor(() => observer.records.has(`shape:k${UPDATES - 1}`), 'every update relayed', 30_000);
      expect(
        (await fetch(`${b.url}/api/classes/${teacher.classId}`, { headers: { cookie: teacher.cookie } }))
          .status,
      ).toBe(503);

      a.process.kill('SIGKILL');
      expect((await a.exited).signal).toBe('SIGKILL');
      // Drawn while the class has no server: kept by the client and sent once it reconnects (to b).
      writer.records.set('shape:during-failover', geoShape('shape:during-failover', { x: -1 }));
      await waitFor(
        () => observer.records.has('shape:during-failover') && writer.provider.synced,
        'both clients back, through b, and converged',
        60_000,
      );
      await roundTrip(writer);
      for (let i = 0; i < UPDATES; i++) expect(observer.records.has(`shape:k${i}`)).toBe(true);
      expect((await healthOf(b)).shards).toContain(shardOf(teacher.classId));

      // b signs with the cluster's key: the teacher's cookie from a still holds, and the class is whole.
      const asTeacher = createApiClient({ origin: b.url, headers: { cookie: teacher.cookie } });
      const state = await asTeacher.classState({ params: { classId: teacher.classId } });
      expect(state.students.map((s) => s.displayName).sort()).toEqual(['Ana', 'Ben']);

      // A client arriving now gets everything at its first sync, loaded from PostgreSQL by b.
      const late = connectClient(asServer(b), g1.boardId, { token: ben.token });
      await synced(late);
      for (let i = 0; i < UPDATES; i++) expect(late.records.has(`shape:k${i}`)).toBe(true);
      expect(late.records.has('shape:during-failover')).toBe(true);
    },
  );

  it.skipIf(!TEST_REDIS_URL)(
    'limits wrong join codes from one address across processes (through Redis)',
    { timeout: 90_000 },
    async () => {
      const url = await freshDatabaseUrl();
      // Behind one proxy (as behind HAProxy): the address is the forwarded one, fresh for every run.
      const redis = { REDIS_URL: TEST_REDIS_URL as string, TRUST_PROXY: '1' };
      const address = `2001:db8::${randomBytes(2).toString('hex')}`;
      const [a, b] = await Promise.all([member(url, 'a', redis), member(url, 'b', redis)]);
      // Wrong codes of one shard per process, so each is answered (404) by the shard's owner.
      const wrongCode = (shard: number) =>
        idInShard(shard, () => joinCodeFromBytes(Uint8Array.from(randomBytes(6))));
      const join = (s: { url: string }, joinCode: string) =>
        fetch(`${s.url}/api/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify({ joinCode, displayName: 'Mallory' }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < JOIN_FAILURES_PER_WINDOW; i++)
        statuses.push((await join(i % 2 ? b : a, wrongCode(i % 2 ? 2 : 1))).status);
      expect(statuses.every((s) => s === 404)).toBe(true);
      const limited = await join(a, wrongCode(1));
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({ code: 'rate_limited' });
      expect((await join(b, wrongCode(2))).status).toBe(429);
    },
  );
});
