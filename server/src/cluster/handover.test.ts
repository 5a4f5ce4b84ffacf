import { expect, it } from 'vitest';
import { shardOf } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import { clusterMembers } from '../test/clusterMembers.js';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { failoverProxy } from '../test/failoverProxy.js';
import { describePostgres, freshDatabaseUrl } from '../test/postgres.js';
import { roundTrip } from '../test/roundTrip.js';
import { connectClient, geoShape, onCleanup, synced, waitFor } from '../test/testServer.js';

const member = clusterMembers({ SHARD_HANDOVER_QUIET_MS: '300' });

const asServer = (s: { url: string }) => s as unknown as RunningServer;
const portOf = (s: { url: string }) => Number(new URL(s.url).port);
const shardsOf = async (s: { url: string }) =>
  ((await (await fetch(`${s.url}/healthz`)).json()) as { shards: number[] }).shards;

// Hang guards for a busy machine (two built servers and PostgreSQL), not speed checks.
describePostgres('a shard follows the balancer', () => {
  it(
    'is handed to the process new requests are routed to, though stray requests still reach its holder',
    { timeout: 120_000 },
    async () => {
      const url = await freshDatabaseUrl();
      const [a, b] = await Promise.all([member(url, 'a'), member(url, 'b')]);
      // A stand-in balancer whose ring first sends the class to a.
      const balancer = await failoverProxy([portOf(a)]);
      onCleanup(() => balancer.close());
      const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(asServer(balancer));
      const shard = shardOf(teacher.classId);
      expect(await shardsOf(a)).toContain(shard);
      const routed = (token: string) => ({ token, shard: String(shard) });
      const writer = connectClient(asServer(balancer), g1.boardId, routed(ana.token));
      const observer = connectClient(asServer(balancer), g1.boardId, routed(ben.token));
      await Promise.all([synced(writer), synced(observer)]);
      const UPDATES = 100;
      for (let i = 0; i < UPDATES; i++) writer.records.set(`shape:k${i}`, geoShape(`shape:k${i}`, { x: i }));
      await waitFor(() => observer.records.has(`shape:k${UPDATES - 1}`), 'every update relayed', 30_000);

      // The ring changes (b joined): new connections go to b; a keeps its open ones, and keeps being
      // reached directly, without the balancer's ?shard= (e.g. a stale tab, a monitoring probe).
      balancer.sendTo([portOf(b)]);
      let strays = true;
      const strayTraffic = (async () => {
        while (strays)
          await fetch(`${a.url}/api/classes/${teacher.classId}`, {
            headers: { cookie: teacher.cookie },
          }).catch(() => undefined);
      })();
      onCleanup(async () => {
        strays = false;
        await strayTraffic;
      });
      writer.records.set('shape:before-move', geoShape('shape:before-move', { x: -1 }));
      const late = connectClient(asServer(balancer), g1.boardId, routed(ben.token));
      await waitFor(() => late.provider.synced, 'the late client served by b', 60_000);
      expect(await shardsOf(b)).toContain(shard);
      expect(await shardsOf(a)).not.toContain(shard);

      // a closed its connections on handing over: the clients came back through the balancer, to b.
      writer.records.set('shape:after-move', geoShape('shape:after-move', { x: -2 }));
      await waitFor(
        () => observer.records.has('shape:after-move') && late.records.has('shape:after-move'),
        'the first clients back, through b, and converged',
        60_000,
      );
      await roundTrip(writer);
      for (const client of [observer, late]) {
        for (let i = 0; i < UPDATES; i++) expect(client.records.has(`shape:k${i}`)).toBe(true);
        expect(client.records.has('shape:before-move')).toBe(true);
      }
    },
  );
});
