import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@conjecture/shared';
import { socketFor } from '../test/sockets.js';
import type { RunningServer } from '../createServer.js';
import {
  assign,
  classWithGroupOfTwo,
  createClassAsTeacher,
  createGroup,
  joinAs,
} from '../test/classroomClient.js';
import {
  connectClient,
  geoShape,
  onCleanup,
  rawSocket,
  startTestServer,
  synced,
  waitFor,
} from '../test/testServer.js';

const studentSocket = (server: RunningServer, token: string) => socketFor(server, { token });

describe('removing a student', () => {
  it('revokes the session, closes their connections at once and can remove their marks', async () => {
    const server = await startTestServer();
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    const b = connectClient(server, g1.boardId, { token: ben.token });
    await Promise.all([synced(a), synced(b)]);
    a.records.set('shape:ana-1', geoShape('shape:ana-1'));
    a.records.set('shape:ana-2', geoShape('shape:ana-2'));
    b.records.set('shape:ben-1', geoShape('shape:ben-1'));
    await waitFor(
      () => b.records.get('shape:ana-2') && a.records.get('shape:ben-1'),
      'both to see all shapes',
    );
    // Ben edits one of Ana's shapes: it stays Ana's creation.
    b.records.set('shape:ana-1', geoShape('shape:ana-1', { x: 500 }));
    await waitFor(() => a.records.get('shape:ana-1')?.x === 500, 'the edit');

    const socket = studentSocket(server, ana.token);
    const removed: string[] = [];
    socket.on('removedFromClass', (p) => removed.push(p.classId));
    await waitFor(() => socket.connected, 'socket');
    const raw = await rawSocket(server, g1.boardId, `token=${ana.token}`);

    const res = await teacher.request(
      'DELETE',
      `/api/classes/${teacher.classId}/students/${ana.identity.studentId}`,
      {
        removeMarks: true,
      },
    );
    expect(await res.json()).toEqual({ removedRecords: 2 });
    expect((await raw.closed).code).toBe(YjsCloseCode.removed);
    await waitFor(
      () => removed[0] === teacher.classId && !socket.connected,
      'the page to be told and cut off',
    );
    await waitFor(() => !b.records.has('shape:ana-1') && !b.records.has('shape:ana-2'), 'Ana’s marks to go');
    expect(b.records.has('shape:ben-1')).toBe(true);
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${ana.token}` } });
    expect(me.status).toBe(401);
    expect(((await me.json()) as { message: string }).message).toMatch(/revoked|removed/);
    await expect((await rawSocket(server, g1.boardId, `token=${ana.token}`)).closed).resolves.toMatchObject({
      code: YjsCloseCode.unauthorized,
    });
    // The name is free again.
    expect((await joinAs(server, teacher.joinCode, 'Ana')).status).toBe(200);
  });
});

describe('deleting a class', () => {
  it('deletes boards, logs, students and sessions for good, and tells browsers to clear local copies', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-delete-'));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    const server = await startTestServer({ STORAGE: 'sqlite', DATA_DIR: dir });
    const teacher = await createClassAsTeacher(server);
    const ana = (await joinAs(server, teacher.joinCode, 'Ana Marker')).body;
    const g1 = await createGroup(teacher, 'Group 1');
    await assign(teacher, ana.identity.studentId, g1.groupId);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    await synced(a);
    const MARKER = 'UNIQUE-SECRET-CONTENT-7f3a9';
    a.records.set('shape:m', geoShape('shape:m', { meta: { note: MARKER } }));
    await waitFor(() => server.store.updatesAfter(g1.boardId, 0).length > 1, 'the marker to be stored');
    const socket = studentSocket(server, ana.token);
    const deleted: string[][] = [];
    socket.on('classDeleted', (p) => deleted.push(p.boardIds));
    await waitFor(() => socket.connected, 'socket');
    const raw = await rawSocket(server, g1.boardId, `token=${ana.token}`);
    expect(server.classroom.classOfBoard(g1.boardId)).toBe(teacher.classId); // now cached

    expect((await teacher.request('DELETE', `/api/classes/${teacher.classId}`)).status).toBe(204);
    expect(server.classroom.classOfBoard(g1.boardId)).toBeUndefined();
    expect((await raw.closed).code).toBe(YjsCloseCode.removed);
    await waitFor(() => deleted[0]?.[0] === g1.boardId, 'the browser to be told which boards to clear');
    expect((await joinAs(server, teacher.joinCode, 'Late')).status).toBe(404);
    expect((await fetch(`${server.url}/api/boards/${g1.boardId}`)).status).toBe(404);
    expect((await teacher.request('GET', `/api/classes/${teacher.classId}`)).status).toBe(404);

    // Not just hidden: the content is gone from the database file and its WAL.
    for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('conjecture.sqlite'))) {
      const bytes = fs.readFileSync(path.join(dir, file));
      expect(bytes.includes(Buffer.from(MARKER)), file).toBe(false);
      expect(bytes.includes(Buffer.from('Ana Marker')), file).toBe(false);
    }
  });
});
