import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { RunningServer } from '../createServer.js';
import type { ChildServer } from '../test/childServer.js';
import { clusterMembers } from '../test/clusterMembers.js';
import { createClassAsTeacher } from '../test/classroomClient.js';
import { listeningSockets } from '../test/listeningSockets.js';
import { describePostgres, freshDatabaseUrl } from '../test/postgres.js';

const member = clusterMembers();

const asServer = (s: { url: string }) => s as unknown as RunningServer;
const NOBODY = 65534;

/** What connecting to a Unix socket gives another user of the host: `connected`, or the error's code. */
function connectAsNobody(socketPath: string): string {
  const attempt = spawnSync(
    process.execPath,
    [
      '-e',
      `require('node:net').connect(process.env.SOCKET)
         .on('connect', () => { console.log('connected'); process.exit(0); })
         .on('error', (e) => { console.log(e.code); process.exit(0); });`,
    ],
    { uid: NOBODY, gid: NOBODY, env: { SOCKET: socketPath }, encoding: 'utf8', timeout: 30_000 },
  );
  if (attempt.error) throw attempt.error;
  return attempt.stdout.trim();
}

/** The directory of a process's shard sockets, by what it listens on (and that it listens on no other port). */
function shardSocketDir(child: ChildServer): string {
  const { tcpPorts, unixPaths } = listeningSockets(child.process.pid as number);
  expect(tcpPorts).toEqual([Number(new URL(child.url).port)]);
  expect(unixPaths.length).toBeGreaterThan(0);
  const dirs = new Set(unixPaths.map((p) => path.dirname(p)));
  expect(dirs.size).toBe(1);
  return [...dirs][0] as string;
}

// Hang guards for a busy machine (built servers and PostgreSQL), not speed checks.
describePostgres('the servers of a process’s shards', () => {
  it(
    'listen on Unix sockets in a directory only the process’s user may enter, gone when the process stops',
    { timeout: 60_000 },
    async () => {
      const a = await member(await freshDatabaseUrl(), 'a');
      const teacher = await createClassAsTeacher(asServer(a)); // opens the class's shard
      const dir = shardSocketDir(a);
      const stat = fs.statSync(dir);
      expect(stat.mode & 0o777).toBe(0o700);
      expect(stat.uid).toBe(process.getuid?.());
      // Another user cannot reach them (root, which can, is already past any local boundary).
      if (process.getuid?.() === 0)
        for (const socket of listeningSockets(a.process.pid as number).unixPaths)
          expect(connectAsNobody(socket)).toBe('EACCES');
      // Through the router, as ever.
      expect((await teacher.request('GET', `/api/classes/${teacher.classId}`)).status).toBe(200);

      a.process.kill('SIGTERM');
      expect((await a.exited).code).toBe(0);
      expect(fs.existsSync(dir)).toBe(false);
    },
  );

  it(
    'left behind by a killed process are removed by the next process to start',
    { timeout: 60_000 },
    async () => {
      const url = await freshDatabaseUrl();
      const a = await member(url, 'a');
      await createClassAsTeacher(asServer(a));
      const dir = shardSocketDir(a);
      a.process.kill('SIGKILL');
      await a.exited;
      expect(fs.existsSync(dir)).toBe(true);
      await member(url, 'b');
      expect(fs.existsSync(dir)).toBe(false);
    },
  );
});
