import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { YjsCloseCode } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import { clusterMembers } from '../test/clusterMembers.js';
import { PNG } from '../test/lessonInEveryStore.js';
import { describePostgres, freshDatabaseUrl } from '../test/postgres.js';
import { freePort, HAS_REDIS_SERVER, killRedis, startRedis } from '../test/redis.js';
import { socketWithoutClass, verdictOn, type Refusal } from '../test/sockets.js';
import { onCleanup, rawSocket } from '../test/testServer.js';

const member = clusterMembers();

const freshAddress = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

// Hang guard for a busy machine (a built server, PostgreSQL and Redis), not a speed check.
describePostgres('a cluster process whose Redis is lost while it runs', () => {
  it.skipIf(!HAS_REDIS_SERVER)(
    'refuses what Redis counts, each as its transport says "try again": 503, close 4503, unavailable',
    { timeout: 90_000 },
    async () => {
      const port = await freePort();
      const redis = await startRedis(port);
      onCleanup(() => killRedis(redis));
      const server = (await member(await freshDatabaseUrl(), 'a', {
        REDIS_URL: `redis://127.0.0.1:${port}`,
        TRUST_PROXY: '1',
      })) as unknown as RunningServer;
      const headers = { 'x-forwarded-for': freshAddress() };
      const post = (path: string, type: string, body: string | Buffer) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': type },
          body,
        });
      const makeBoard = () => post('/api/boards?shard=3', 'application/json', JSON.stringify({ title: 'S' }));
      const made = await makeBoard();
      expect(made.status).toBe(201);
      const { boardId } = (await made.json()) as { boardId: string };

      await killRedis(redis);
      // The process notices the lost connection on its own time: ask until it refuses.
      let board = await makeBoard();
      while (board.status === 201) board = await makeBoard();
      expect(board.status).toBe(503);
      expect(await board.json()).toMatchObject({ code: 'unavailable', message: /limits store/ });

      const classAnswer = await post(
        '/api/classes',
        'application/json',
        JSON.stringify({ title: 'Ratios', taskPrompt: 'Which is the better deal?' }),
      );
      expect(classAnswer.status).toBe(503);
      const upload = await post(`/api/assets?boardId=${boardId}&user=u&shard=3`, 'image/png', PNG);
      expect(upload.status).toBe(503);
      expect(await upload.json()).toMatchObject({ code: 'unavailable', message: /limits store/ });

      const yjs = await rawSocket(server, boardId, 'user=one', headers);
      expect((await yjs.closed).code).toBe(YjsCloseCode.shuttingDown);

      const refusal = await verdictOn(socketWithoutClass(server, headers));
      expect(refusal, 'admitted while the limits store is out of reach').not.toBe('connected');
      expect((refusal as Refusal).data?.code).toBe('unavailable');
    },
  );
});
