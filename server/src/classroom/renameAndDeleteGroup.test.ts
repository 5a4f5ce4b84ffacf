import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClassState, ClassView, Group, GroupAssigned } from '@conjecture/shared';
import { YjsCloseCode } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import type { TeacherHandle } from '../test/classroomClient.js';
import { assign, classWithGroupOfTwo, createGroup } from '../test/classroomClient.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import {
  connectClient,
  geoShape,
  onCleanup,
  rawSocket,
  startTestServer,
  synced,
  waitFor,
} from '../test/testServer.js';

const groupUrl = (teacher: TeacherHandle, groupId: string) =>
  `/api/classes/${teacher.classId}/groups/${groupId}`;

async function projectorToken(server: RunningServer, teacher: TeacherHandle): Promise<string> {
  const res = await fetch(`${server.url}/api/classes/${teacher.classId}/projector-session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key: teacher.projectorKey }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** A request with a bearer token (student, projector), as their pages send it. */
const asToken = (server: RunningServer, token: string, method: string, url: string, body?: unknown) =>
  fetch(`${server.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });

describe('renaming a group', () => {
  it('answers the class state and tells the members live, their board staying open', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const board = connectClient(server, g1.boardId, { token: ana.token });
    await synced(board);
    const socket = socketFor(server, { token: ana.token });
    const heard: Array<Group | null> = [];
    socket.on('groupAssigned', ({ group }) => heard.push(group));
    const projector = socketFor(server, { token: await projectorToken(server, teacher) });
    const views: ClassView[] = [];
    projector.on('projectionChanged', (v) => views.push(v));
    await waitFor(() => socket.connected && projector.connected, 'the student and projector sockets');

    const res = await teacher.request('PATCH', groupUrl(teacher, g1.groupId), { name: '  Tigers  ' });
    expect(res.status).toBe(200);
    const state = (await res.json()) as ClassState;
    expect(state.groups).toEqual([{ groupId: g1.groupId, name: 'Tigers', boardId: g1.boardId }]);
    await waitFor(() => heard[0], 'the rename to reach the student');
    expect(heard[0]).toEqual({ groupId: g1.groupId, name: 'Tigers', boardId: g1.boardId });
    // The projector captions boards with group names: it gets a fresh view.
    await waitFor(() => views.at(-1)?.groupNames[g1.boardId] === 'Tigers', 'the projector to hear the name');
    const me = await asToken(server, ana.token, 'GET', '/api/me');
    expect(((await me.json()) as { group: Group }).group.name).toBe('Tigers');
    // Same board: the connection is not closed, and the student keeps writing on it.
    board.records.set('shape:after', geoShape('shape:after'));
    await waitFor(
      () => server.store.updatesAfter(g1.boardId, 0).length > 1,
      'the write after the rename to be stored',
    );
    expect(board.provider.wsconnected).toBe(true);
  });

  it('refuses a name another group has (any case), an empty or too long one, and unknown groups', async () => {
    const server = await startTestServer();
    const { teacher, g1 } = await classWithGroupOfTwo(server);
    await createGroup(teacher, 'Lions');
    const clash = await teacher.request('PATCH', groupUrl(teacher, g1.groupId), { name: 'LIONS' });
    expect(clash.status).toBe(409);
    expect(((await clash.json()) as { message: string }).message).toMatch(/already called "Lions"/);
    const blank = await teacher.request('PATCH', groupUrl(teacher, g1.groupId), { name: '   ' });
    expect(blank.status).toBe(400);
    const long = await teacher.request('PATCH', groupUrl(teacher, g1.groupId), { name: 'x'.repeat(41) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(await long.json())).toMatch(/at most 40/);
    const unknown = await teacher.request('PATCH', groupUrl(teacher, 'nosuchgroup1'), { name: 'Pumas' });
    expect(unknown.status).toBe(404);
    // Changing only the case of its own name is allowed.
    const recased = await teacher.request('PATCH', groupUrl(teacher, g1.groupId), { name: 'GROUP 1' });
    expect(((await recased.json()) as ClassState).groups[0]?.name).toBe('GROUP 1');
  });

  it('is refused to students and the projector (403)', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const projector = await projectorToken(server, teacher);
    for (const token of [ana.token, projector]) {
      const res = await asToken(server, token, 'PATCH', groupUrl(teacher, g1.groupId), { name: 'Ours' });
      expect(res.status).toBe(403);
    }
    const state = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}`)
    ).json()) as ClassState;
    expect(state.groups[0]?.name).toBe('Group 1');
  });

  it('lets a new group take the first free default name after a rename', async () => {
    const server = await startTestServer();
    const { teacher, g1 } = await classWithGroupOfTwo(server);
    await teacher.request('PATCH', groupUrl(teacher, g1.groupId), { name: 'Group 2' });
    const res = await teacher.request('POST', `/api/classes/${teacher.classId}/groups`, {});
    expect(((await res.json()) as Group).name).toBe('Group 3');
  });
});

describe('deleting a group', () => {
  it('unassigns its students live (move close code), never deletes them, and leaves the projection', async () => {
    const server = await startTestServer();
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const projector = await projectorToken(server, teacher);
    await teacher.request('PUT', `/api/classes/${teacher.classId}/projection`, {
      boardIds: [g1.boardId],
      anonymize: false,
    });
    const projectorSocket = socketFor(server, { token: projector });
    const views: ClassView[] = [];
    projectorSocket.on('projectionChanged', (v) => views.push(v));
    const socket = socketFor(server, { token: ana.token });
    const heard: GroupAssigned[] = [];
    socket.on('groupAssigned', (payload) => heard.push(payload));
    await waitFor(() => socket.connected && projectorSocket.connected, 'the sockets');
    const raw = await rawSocket(server, g1.boardId, `token=${ana.token}`);
    // An ordinary move names no deleted board: the old board still exists and may be the student's again.
    const benSocket = socketFor(server, { token: ben.token });
    const benHeard: GroupAssigned[] = [];
    benSocket.on('groupAssigned', (payload) => benHeard.push(payload));
    await waitFor(() => benSocket.connected, "Ben's socket");
    const g2 = await createGroup(teacher, 'Group 2');
    await assign(teacher, ben.identity.studentId, g2.groupId);
    await assign(teacher, ben.identity.studentId, g1.groupId);
    await waitFor(() => benHeard.length === 2, 'Ben to hear both moves');
    expect(benHeard.map((p) => Object.keys(p))).toEqual([['group'], ['group']]);

    const res = await teacher.request('DELETE', groupUrl(teacher, g1.groupId));
    expect(res.status).toBe(200);
    const state = (await res.json()) as ClassState;
    expect(state.groups.map((g) => g.name)).toEqual(['Group 2']);
    expect(state.projectedBoardIds).toEqual([]);
    expect(state.students.map((s) => [s.displayName, s.groupId])).toEqual([
      ['Ana', null],
      ['Ben', null],
    ]);
    expect((await raw.closed).code).toBe(YjsCloseCode.moved);
    await waitFor(() => heard.length === 1, 'the student to be told');
    // …with the board that went with the group, so the browser drops its local copy.
    expect(heard[0]).toEqual({ group: null, deletedBoardId: g1.boardId });
    await waitFor(() => benHeard.length === 3, 'Ben to be told too');
    expect(benHeard[2]).toEqual({ group: null, deletedBoardId: g1.boardId });
    await waitFor(() => views.at(-1)?.projection.boardIds.length === 0, 'the projector to drop the board');
    // Still in the class, with no group; the empty board is gone.
    const me = (await (await asToken(server, ben.token, 'GET', '/api/me')).json()) as { group: unknown };
    expect(me.group).toBeNull();
    expect((await fetch(`${server.url}/api/boards/${g1.boardId}`)).status).toBe(404);
    expect((await teacher.request('DELETE', groupUrl(teacher, g1.groupId))).status).toBe(404);
  });

  it('refuses a group whose board holds work unless force=true, then deletes it for good', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const board = connectClient(server, g1.boardId, { token: ana.token });
    await synced(board);
    board.records.set('shape:work', geoShape('shape:work'));
    await waitFor(() => server.store.updatesAfter(g1.boardId, 0).length > 1, 'the work to be stored');

    const refused = await teacher.request('DELETE', groupUrl(teacher, g1.groupId));
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toMatch(/1 item on its board/);
    const kept = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}`)
    ).json()) as ClassState;
    expect(kept.groups).toHaveLength(1);
    expect(kept.students.every((s) => s.groupId === g1.groupId)).toBe(true);

    const forced = await teacher.request('DELETE', `${groupUrl(teacher, g1.groupId)}?force=true`);
    expect(forced.status).toBe(200);
    await waitFor(() => !board.provider.wsconnected, 'the student’s board connection to close');
    expect((await fetch(`${server.url}/api/boards/${g1.boardId}`)).status).toBe(404);
  });

  it('counts answers to the group’s questions as work, not the locked question card itself', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const posed = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, {
      text: 'Why?',
      groupId: g1.groupId,
    });
    const { questionId } = (await posed.json()) as { questionId: string };
    const socket = socketFor(server, { token: ana.token });
    expect(await emitRaw(socket, 'answerQuestion', { questionId, text: 'Because.' })).toMatchObject({
      ok: true,
    });
    const refused = await teacher.request('DELETE', groupUrl(teacher, g1.groupId));
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toBe(
      'Group 1 has 1 answer: deleting the group deletes them too',
    );
    expect((await teacher.request('DELETE', `${groupUrl(teacher, g1.groupId)}?force=maybe`)).status).toBe(
      400,
    );
    expect((await teacher.request('DELETE', `${groupUrl(teacher, g1.groupId)}?force=true`)).status).toBe(200);
    const questions = await teacher.request('GET', `/api/classes/${teacher.classId}/questions`);
    expect(await questions.json()).toEqual([]);
  });

  it('does not count the teacher’s locked template as work', async () => {
    const server = await startTestServer();
    const { teacher, g1 } = await classWithGroupOfTwo(server);
    const template = await teacher.request('PUT', `/api/classes/${teacher.classId}/template`, {
      records: [geoShape('shape:card')],
    });
    expect(template.status).toBe(200);
    expect((await teacher.request('DELETE', groupUrl(teacher, g1.groupId))).status).toBe(200);
  });

  it('is refused to students and the projector (403)', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const projector = await projectorToken(server, teacher);
    for (const token of [ana.token, projector]) {
      const res = await asToken(server, token, 'DELETE', `${groupUrl(teacher, g1.groupId)}?force=true`);
      expect(res.status).toBe(403);
    }
    const state = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}`)
    ).json()) as ClassState;
    expect(state.groups).toHaveLength(1);
  });

  it('stays deleted, and a rename stays, across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-groups-'));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    const env = { STORAGE: 'sqlite', DATA_DIR: dir };
    const first = await startTestServer(env);
    const { teacher, ana, g1 } = await classWithGroupOfTwo(first);
    const g2 = await createGroup(teacher, 'Group 2');
    await teacher.request('PATCH', groupUrl(teacher, g2.groupId), { name: 'Owls' });
    expect((await teacher.request('DELETE', groupUrl(teacher, g1.groupId))).status).toBe(200);
    await first.close();

    const second = await startTestServer(env);
    const res = await fetch(`${second.url}/api/classes/${teacher.classId}`, {
      headers: { cookie: teacher.cookie },
    });
    const state = (await res.json()) as ClassState;
    expect(state.groups.map((g) => g.name)).toEqual(['Owls']);
    expect(state.students.map((s) => s.groupId)).toEqual([null, null]);
    const me = (await (await asToken(second, ana.token, 'GET', '/api/me')).json()) as { group: unknown };
    expect(me.group).toBeNull();
    // The teacher can still use the class: the student goes into the renamed group.
    const moved = await fetch(
      `${second.url}/api/classes/${teacher.classId}/students/${ana.identity.studentId}/group`,
      {
        method: 'PUT',
        headers: { cookie: teacher.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ groupId: g2.groupId }),
      },
    );
    expect(moved.status).toBe(200);
  });
});
