import { expect, it } from 'vitest';
import { shardOf } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import type { ChildServer } from '../test/childServer.js';
import { clusterMembers } from '../test/clusterMembers.js';
import { classWithGroupOfTwo, createClassAsTeacher } from '../test/classroomClient.js';
import { shardLockHeld, shardsOf, until } from '../test/clusterProbes.js';
import { describePostgres, freshDatabaseUrl } from '../test/postgres.js';
import { roundTrip } from '../test/roundTrip.js';
import { connectClient, geoShape, synced } from '../test/testServer.js';

const startMember = clusterMembers({ LOG_LEVEL: 'info' });
const member = (url: string, idleMs: number) => startMember(url, 'a', { SHARD_IDLE_MS: String(idleMs) });

/** Short, so the test takes seconds; the default is minutes. */
const IDLE_MS = 1500;

const asServer = (s: { url: string }) => s as unknown as RunningServer;

/** A class whose shard is not `shard` (a new class lands in a random one). */
async function classBeside(server: RunningServer, shard: number) {
  for (;;) {
    const teacher = await createClassAsTeacher(server, 'Fractions');
    if (shardOf(teacher.classId) !== shard) return teacher;
  }
}

const closesLogged = (child: ChildServer, shard: number) =>
  child
    .stderrTail()
    .split('\n')
    .filter((l) => l.includes(`"message":"shard closed: idle","shard":${shard},`)).length;

// Hang guards for a busy machine (a built server and PostgreSQL), not speed checks.
describePostgres('a shard nobody uses', () => {
  it(
    'is closed and its lock released, not while a client is connected, and reopened whole by the next request',
    { timeout: 90_000 },
    async () => {
      const url = await freshDatabaseUrl();
      const a = await member(url, IDLE_MS);
      const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(asServer(a));
      const shard = shardOf(teacher.classId);
      const writer = connectClient(asServer(a), g1.boardId, { token: ana.token });
      await synced(writer);
      // Asked while the connection holds it (between two requests the idle time could pass on a busy machine).
      expect(await shardsOf(a)).toContain(shard);
      expect(await shardLockHeld(url, shard)).toBe(true);
      const UPDATES = 100;
      for (let i = 0; i < UPDATES; i++) writer.records.set(`shape:k${i}`, geoShape(`shape:k${i}`, { x: i }));
      await roundTrip(writer); // every update stored (the relay waits for PostgreSQL)

      // Another class, used after the first class's last request: once its shard has closed idle, the
      // first has had no request for longer than the idle time too — only the connection holds it.
      const other = await classBeside(asServer(a), shard);
      await until(
        async () => !(await shardsOf(a)).includes(shardOf(other.classId)),
        'the other class’s shard closed for idleness',
      );
      expect(await shardsOf(a)).toContain(shard);
      expect(await shardLockHeld(url, shard)).toBe(true);
      expect(writer.provider.wsconnected).toBe(true);

      writer.provider.disconnect();
      await until(
        async () => !(await shardsOf(a)).includes(shard) && !(await shardLockHeld(url, shard)),
        'the shard closed and its lock free once its last client left',
      );
      // The close is logged once the shard's server has closed, after it left /healthz and freed its lock,
      // and reaches us over the child's stderr pipe: waited for, then counted (once, not twice).
      await until(async () => closesLogged(a, shard) > 0, 'the idle close logged');
      expect(closesLogged(a, shard)).toBe(1);

      // Any request reopens it, loaded from PostgreSQL: the class and every update are there.
      const state = await teacher.api.classState({ params: { classId: teacher.classId } });
      expect(state.students.map((s) => s.displayName).sort()).toEqual(['Ana', 'Ben']);
      const late = connectClient(asServer(a), g1.boardId, { token: ben.token });
      await synced(late);
      for (let i = 0; i < UPDATES; i++) expect(late.records.has(`shape:k${i}`)).toBe(true);
      // Asked while a connection holds it: on a busy machine the idle time could pass between two requests.
      expect(await shardsOf(a)).toContain(shard);
      expect(await shardLockHeld(url, shard)).toBe(true);
    },
  );

  it(
    'loses no write when it closes after every request: the next one waits for the close and reopens it',
    { timeout: 90_000 },
    async () => {
      const url = await freshDatabaseUrl();
      const a = await member(url, 1); // idle after 1 ms
      const teacher = await createClassAsTeacher(asServer(a));
      const shard = shardOf(teacher.classId);
      const GROUPS = 20;
      const statuses: number[] = [];
      for (let i = 0; i < GROUPS; i++) {
        // The shard leaves /healthz as its close begins; asked without pause, so that the write lands
        // while it closes (or just after).
        while ((await shardsOf(a)).includes(shard));
        const created = await teacher.request('POST', `/api/classes/${teacher.classId}/groups`, {
          name: `Group ${i}`,
        });
        statuses.push(created.status);
      }
      expect(statuses).toEqual(Array(GROUPS).fill(201));

      const state = await teacher.api.classState({ params: { classId: teacher.classId } });
      expect(state.groups.map((g) => g.name).sort()).toEqual(
        Array.from({ length: GROUPS }, (_, i) => `Group ${i}`).sort(),
      );
    },
  );
});
