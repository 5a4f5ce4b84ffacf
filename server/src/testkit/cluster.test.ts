import fs from 'node:fs';
import net from 'node:net';
import { expect, it } from 'vitest';
import { shardOf } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import { classWithGroupOfTwo, createClassAsTeacher } from '../test/classroomClient.js';
import { describePostgres, freshDatabaseUrl } from '../test/postgres.js';
import { socketFor } from '../test/sockets.js';
import { connectClient, geoShape, onCleanup, synced, waitFor } from '../test/testServer.js';
import { roundTrip } from '../test/roundTrip.js';
import { startCluster, type RunningCluster } from './cluster.js';

const HAS_HAPROXY = fs.existsSync('/usr/sbin/haproxy');
const asServer = (s: { url: string }) => s as unknown as RunningServer;

/** The member that holds a class's shard now, by each process's own /healthz. */
async function ownerOf(cluster: RunningCluster, classId: string) {
  for (const m of cluster.members.filter((m) => m.running)) {
    if ((await m.shards()).includes(shardOf(classId))) return m;
  }
  return undefined;
}

/** Whether something accepts connections on the port (a refused connection: nothing is left there). */
const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/**
 * A student's socket through HAProxy, connecting again after a refused attempt as the browser's client does:
 * just after a kill, the balancer may still try the dead member or a member still taking the shard over.
 */
async function connectedStudent(cluster: RunningCluster, token: string) {
  for (let attempt = 1; ; attempt++) {
    const student = socketFor(asServer(cluster), { token });
    let guard: NodeJS.Timeout | undefined;
    const error = await new Promise<Error | null>((resolve) => {
      student.once('connect', () => resolve(null));
      student.once('connect_error', resolve);
      guard = setTimeout(() => resolve(new Error('no answer in 10 s')), 10_000); // a hang guard
    });
    clearTimeout(guard);
    if (!error) return student;
    student.disconnect();
    if (attempt >= 50) throw new Error(`the student’s socket was refused ${attempt} times: ${error.message}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The teacher pauses the class and resumes it; resolves once a student's socket (through HAProxy) heard both. */
async function pauseHeardByStudent(
  cluster: RunningCluster,
  teacherCookie: string,
  classId: string,
  token: string,
) {
  const student = await connectedStudent(cluster, token);
  for (const paused of [true, false]) {
    const heard = new Promise((resolve) => student.once('classPaused', resolve));
    const res = await fetch(`${cluster.url}/api/classes/${classId}?shard=${shardOf(classId)}`, {
      method: 'PATCH',
      headers: { cookie: teacherCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ paused }),
    });
    expect(res.status).toBe(200);
    expect(await heard).toMatchObject({ classId, paused });
  }
  student.disconnect();
}

// Hang guards for a busy machine (three built servers, HAProxy, PostgreSQL), not speed checks.
describePostgres('a cluster of three processes behind HAProxy', () => {
  it.skipIf(!HAS_HAPROXY)(
    'routes each class to one process; when it is killed its classes move and nothing relayed is lost',
    { timeout: 180_000 },
    async () => {
      const cluster = await startCluster({
        processes: 3,
        databaseUrl: await freshDatabaseUrl(),
        env: { SHARD_HANDOVER_QUIET_MS: '500' },
      });
      onCleanup(() => cluster.stop());
      const first = await classWithGroupOfTwo(asServer(cluster));
      const firstOwner = await ownerOf(cluster, first.teacher.classId);
      expect(firstOwner).toBeDefined();
      let second = await createClassAsTeacher(asServer(cluster));
      while ((await ownerOf(cluster, second.classId)) === firstOwner)
        second = await createClassAsTeacher(asServer(cluster));
      const secondOwner = await ownerOf(cluster, second.classId);

      await pauseHeardByStudent(cluster, first.teacher.cookie, first.teacher.classId, first.ana.token);
      const board = first.g1.boardId;
      const params = (token: string) => ({ token, shard: String(shardOf(board)) });
      const writer = connectClient(asServer(cluster), board, params(first.ana.token));
      const observer = connectClient(asServer(cluster), board, params(first.ben.token));
      await Promise.all([synced(writer), synced(observer)]);
      const UPDATES = 200;
      for (let i = 0; i < UPDATES; i++) writer.records.set(`shape:k${i}`, geoShape(`shape:k${i}`, { x: i }));
      await waitFor(() => observer.records.has(`shape:k${UPDATES - 1}`), 'every update relayed', 30_000);

      await firstOwner!.kill();
      writer.records.set('shape:after-kill', geoShape('shape:after-kill', { x: -1 }));
      await waitFor(
        () => observer.records.has('shape:after-kill') && writer.provider.synced,
        'both clients reconnected through HAProxy and converged',
        60_000,
      );
      await roundTrip(writer);
      for (let i = 0; i < UPDATES; i++) expect(observer.records.has(`shape:k${i}`)).toBe(true);
      const newOwner = await ownerOf(cluster, first.teacher.classId);
      expect(newOwner && newOwner !== firstOwner).toBe(true);
      // The other class stayed where it was; the moved class's teacher still reaches its students.
      expect(await ownerOf(cluster, second.classId)).toBe(secondOwner);
      await pauseHeardByStudent(cluster, first.teacher.cookie, first.teacher.classId, first.ana.token);

      // Restarted, the process is sent the class's requests again: the holder hands the shard back once
      // only its old connections remain, and the clients follow.
      await firstOwner!.restart();
      // The old connections are what hand the shard on: each reconnection asks through HAProxy.
      for (let tries = 0; (await ownerOf(cluster, first.teacher.classId)) !== firstOwner; tries++) {
        if (tries > 600) throw new Error('the shard was not handed back to the restarted process');
        await new Promise((r) => setTimeout(r, 100));
      }
      writer.records.set('shape:after-restart', geoShape('shape:after-restart', { x: -2 }));
      await waitFor(() => observer.records.has('shape:after-restart'), 'the clients back on it', 60_000);
      for (let i = 0; i < UPDATES; i++) expect(observer.records.has(`shape:k${i}`)).toBe(true);
    },
  );

  it.skipIf(!HAS_HAPROXY)(
    'stops the members that started when another one fails to start',
    { timeout: 120_000 },
    async () => {
      // Both members on one port: one listens, the other fails with EADDRINUSE.
      const port = await freePort();
      await expect(
        startCluster({ processes: 2, databaseUrl: await freshDatabaseUrl(), env: { PORT: String(port) } }),
      ).rejects.toThrow();
      expect(await listening(port)).toBe(false);
    },
  );
});
