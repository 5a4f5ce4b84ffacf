import { describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@conjecture/shared';
import { PROTOCOL_VERSION, YjsCloseCode } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import { assign, createClassAsTeacher, createGroup, joinAs } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import {
  connectClient,
  geoShape,
  onCleanup,
  rawSocket,
  startTestServer,
  synced,
  waitFor,
} from '../test/testServer.js';

/** A class with two groups: Ana and Ben in group 1, Cy in group 2. */
async function classWithGroups() {
  const server = await startTestServer();
  const teacher = await createClassAsTeacher(server);
  const [ana, ben, cy] = await Promise.all(
    ['Ana', 'Ben', 'Cy'].map((n) => joinAs(server, teacher.joinCode, n)),
  );
  const g1 = await createGroup(teacher, 'Group 1');
  const g2 = await createGroup(teacher, 'Group 2');
  await assign(teacher, ana!.body.identity.studentId, g1.groupId);
  await assign(teacher, ben!.body.identity.studentId, g1.groupId);
  await assign(teacher, cy!.body.identity.studentId, g2.groupId);
  return { server, teacher, ana: ana!.body, ben: ben!.body, cy: cy!.body, g1, g2 };
}

/**
 * Group 1 with Ana and Ben on its board (stock clients, synced) and Ana's class socket connected: the class
 * events her page hears.
 */
async function group1OnItsBoard() {
  const setup = await classWithGroups();
  const { server, ana, ben, g1 } = setup;
  const a = connectClient(server, g1.boardId, { token: ana.token });
  const b = connectClient(server, g1.boardId, { token: ben.token });
  await Promise.all([synced(a), synced(b)]);
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connectSocket(server.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, token: ana.token },
    transports: ['websocket'],
  });
  onCleanup(() => socket.disconnect());
  return { ...setup, a, b, socket };
}

const closeCode = async (server: RunningServer, boardId: string, query: string) =>
  (await (await rawSocket(server, boardId, query)).closed).code;

describe('roles enforced on the Yjs websocket (stock clients)', () => {
  it('lets a student open only their own group’s board', async () => {
    const { server, ana, g1, g2 } = await classWithGroups();
    const own = connectClient(server, g1.boardId, { token: ana.token });
    await synced(own);
    expect(await closeCode(server, g2.boardId, `token=${ana.token}`)).toBe(YjsCloseCode.forbidden);
    expect(await closeCode(server, g1.boardId, 'user=ana')).toBe(YjsCloseCode.unauthorized);
    expect(await closeCode(server, g1.boardId, 'token=forged.token')).toBe(YjsCloseCode.unauthorized);
  });

  it('lets the teacher write on any group’s board, and watch read-only thumbnails', async () => {
    const { server, teacher, cy, g2 } = await classWithGroups();
    const teacherToken = teacher.cookie.split('=')[1] as string;
    const student = connectClient(server, g2.boardId, { token: cy.token });
    const writer = connectClient(server, g2.boardId, { token: teacherToken });
    const thumbnail = connectClient(server, g2.boardId, { token: teacherToken, mode: 'view' });
    await Promise.all([synced(student), synced(writer), synced(thumbnail)]);
    writer.records.set('shape:teacher', geoShape('shape:teacher'));
    await waitFor(() => student.records.get('shape:teacher'), 'the teacher’s shape on the group board');
    thumbnail.records.set('shape:thumb', geoShape('shape:thumb'));
    await roundTrip(thumbnail); // the thumbnail's write was handled: dropped
    await roundTrip(student);
    expect(student.records.get('shape:thumb')).toBeUndefined();
  });

  it('refuses a token from another class', async () => {
    const { server, g1 } = await classWithGroups();
    const other = await createClassAsTeacher(server, 'Other class');
    const stranger = await joinAs(server, other.joinCode, 'Stranger');
    expect(await closeCode(server, g1.boardId, `token=${stranger.body.token}`)).toBe(YjsCloseCode.forbidden);
  });

  it('keeps the projector and the dashboard’s thumbnails read-only: their updates are discarded', async () => {
    const { server, teacher, ana, g1 } = await classWithGroups();
    const projectorToken = (await (
      await fetch(`${server.url}/api/classes/${teacher.classId}/projector-session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: teacher.projectorKey }),
      })
    ).json()) as { token: string };
    await teacher.api.setProjection({
      params: { classId: teacher.classId },
      body: { boardIds: [g1.boardId], anonymize: false },
    });
    const student = connectClient(server, g1.boardId, { token: ana.token });
    const projector = connectClient(server, g1.boardId, { token: projectorToken.token });
    await Promise.all([synced(student), synced(projector)]);
    projector.records.set('shape:from-projector', geoShape('shape:from-projector'));
    await roundTrip(projector); // handled: dropped
    student.records.set('shape:from-student', geoShape('shape:from-student'));
    await waitFor(() => projector.records.get('shape:from-student'), 'the projector to follow live');
    await roundTrip(student);
    expect(student.records.get('shape:from-projector')).toBeUndefined();
    const log = server.store.updatesAfter(g1.boardId, 0).map((u) => u.author);
    expect(log).not.toContain('projector');
    expect(log).toContain(ana.identity.studentId);
  });

  it('makes students read-only while paused, on the server, and brings their kept work over on resume', async () => {
    const { server, teacher, ana, g1, a, b, socket } = await group1OnItsBoard();
    const pausedEvents: boolean[] = [];
    socket.on('classPaused', (p) => pausedEvents.push(p.paused));
    await waitFor(() => socket.connected, 'the student’s socket');

    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { paused: true });
    await waitFor(() => pausedEvents[0] === true, 'the pause to reach the student’s page');
    a.records.set('shape:during-pause', geoShape('shape:during-pause'));
    await roundTrip(a); // the server received and dropped the paused update
    await roundTrip(b);
    expect(b.records.get('shape:during-pause')).toBeUndefined();
    expect(server.store.updatesAfter(g1.boardId, 0).some((u) => u.author === ana.identity.studentId)).toBe(
      false,
    );

    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { paused: false });
    await waitFor(() => b.records.get('shape:during-pause'), 'the kept change to come over on resume');
    expect(pausedEvents).toEqual([true, false]);
  });

  it('ends the class apart from the pause: students hear it ended, their writes wait, and reopening lets them work', async () => {
    const { server, teacher, ana, a, b, socket } = await group1OnItsBoard();
    const heard: Array<{ paused: boolean; ended: boolean }> = [];
    socket.on('classPaused', ({ paused, ended }) => heard.push({ paused, ended }));
    await waitFor(() => socket.connected, 'the student’s socket');

    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { ended: true });
    await waitFor(() => heard.length === 1, 'the end to reach the student’s page');
    expect(heard[0]).toEqual({ paused: false, ended: true });
    const view = (await (
      await fetch(`${server.url}/api/classes/${teacher.classId}/view`, {
        headers: { authorization: `Bearer ${ana.token}` },
      })
    ).json()) as { paused: boolean; ended: boolean };
    expect(view).toMatchObject({ paused: true, ended: true });
    a.records.set('shape:after-end', geoShape('shape:after-end'));
    await roundTrip(a);
    await roundTrip(b);
    expect(b.records.get('shape:after-end')).toBeUndefined();

    // paused on top of the end, then reopened: still paused, then resumed
    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { paused: true });
    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { ended: false });
    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { paused: false });
    await waitFor(() => b.records.get('shape:after-end'), 'the kept change to come over on reopening');
    await waitFor(() => heard.length === 4, 'every change to reach the student’s page');
    expect(heard).toEqual([
      { paused: false, ended: true },
      { paused: true, ended: true },
      { paused: true, ended: false },
      { paused: false, ended: false },
    ]);
  });

  it('moves a student’s board connection when the teacher moves them', async () => {
    const { server, teacher, ana, g1, g2 } = await classWithGroups();
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connectSocket(server.url, {
      auth: { protocolVersion: PROTOCOL_VERSION, token: ana.token },
      transports: ['websocket'],
    });
    onCleanup(() => socket.disconnect());
    const assigned: Array<string | undefined> = [];
    socket.on('groupAssigned', (p) => assigned.push(p.group?.boardId));
    await waitFor(() => socket.connected, 'socket');
    const raw = await rawSocket(server, g1.boardId, `token=${ana.token}`);
    await assign(teacher, ana.identity.studentId, g2.groupId);
    expect((await raw.closed).code).toBe(YjsCloseCode.moved);
    await waitFor(() => assigned[0] === g2.boardId, 'the page to learn its new board');
    const now = connectClient(server, g2.boardId, { token: ana.token });
    await synced(now);
    expect(await closeCode(server, g1.boardId, `token=${ana.token}`)).toBe(YjsCloseCode.forbidden);
  });
});
