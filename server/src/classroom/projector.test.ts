import { describe, expect, it } from 'vitest';
import type { ClassView, GroupActivity } from '@conjecture/shared';
import { socketFor } from '../test/sockets.js';
import { assign, createClassAsTeacher, createGroup, joinAs } from '../test/classroomClient.js';
import { YjsCloseCode } from '@conjecture/shared';
import { connectClient, geoShape, rawSocket, startTestServer, synced, waitFor } from '../test/testServer.js';

async function classroom() {
  const server = await startTestServer();
  const teacher = await createClassAsTeacher(server);
  const ana = (await joinAs(server, teacher.joinCode, 'Ana Realname')).body;
  const ben = (await joinAs(server, teacher.joinCode, 'Ben Realname')).body;
  const g1 = await createGroup(teacher, 'Group 1');
  await assign(teacher, ana.identity.studentId, g1.groupId);
  await assign(teacher, ben.identity.studentId, g1.groupId);
  const projectorToken = (
    (await (
      await fetch(`${server.url}/api/classes/${teacher.classId}/projector-session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: teacher.projectorKey }),
      })
    ).json()) as { token: string }
  ).token;
  const teacherSocket = socketFor(server, { classId: teacher.classId }, teacher.cookie);
  await waitFor(() => teacherSocket.connected, 'teacher socket');
  return { server, teacher, ana, ben, g1, projectorToken, teacherSocket };
}

describe('the projector', () => {
  it('follows the teacher’s choice live, and never receives a real name when anonymized', async () => {
    const { server, teacher, g1, projectorToken } = await classroom();
    const projector = socketFor(server, { token: projectorToken });
    const views: ClassView[] = [];
    projector.on('projectionChanged', (v) => views.push(v));
    await waitFor(() => projector.connected, 'projector socket');

    const set = await teacher.request('PUT', `/api/classes/${teacher.classId}/projection`, {
      boardIds: [g1.boardId],
      anonymize: true,
    });
    expect(set.status).toBe(200);
    await waitFor(() => views.length === 1, 'the projector to follow');
    expect(views[0]?.projection).toEqual({ boardIds: [g1.boardId], anonymize: true, spotlight: null });
    expect(JSON.stringify(views[0])).not.toMatch(/Realname/);
    expect(Object.values(views[0]?.names ?? {})).toEqual(expect.arrayContaining(['Student A', 'Student B']));

    const view = await fetch(`${server.url}/api/classes/${teacher.classId}/view`, {
      headers: { authorization: `Bearer ${projectorToken}` },
    });
    expect(await view.text()).not.toMatch(/Realname/);

    await teacher.request('PUT', `/api/classes/${teacher.classId}/projection`, {
      boardIds: [g1.boardId],
      anonymize: false,
    });
    await waitFor(() => views.length === 2, 'the second change');
    expect(JSON.stringify(views[1])).toMatch(/Ana Realname/);
  });

  it('refuses boards outside the class, and projection control from the projector itself', async () => {
    const { server, teacher, projectorToken } = await classroom();
    const other = await createClassAsTeacher(server, 'Other');
    const foreign = await createGroup(other, 'Theirs');
    const res = await teacher.request('PUT', `/api/classes/${teacher.classId}/projection`, {
      boardIds: [foreign.boardId],
      anonymize: false,
    });
    expect(res.status).toBe(404);
    const self = await fetch(`${server.url}/api/classes/${teacher.classId}/projection`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${projectorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ boardIds: [], anonymize: false }),
    });
    expect(self.status).toBe(403);
  });

  it('opens only the boards the teacher shows, and is cut off from one no longer shown', async () => {
    const { server, teacher, g1, projectorToken } = await classroom();
    const g2 = await createGroup(teacher, 'Group 2');
    const opens = async (boardId: string) =>
      (await (await rawSocket(server, boardId, `token=${projectorToken}&mode=view`)).closed).code;
    // Anyone who reads the link off the classroom screen could otherwise watch every group's board.
    expect(await opens(g1.boardId)).toBe(YjsCloseCode.forbidden);
    const params = { classId: teacher.classId };
    await teacher.api.setProjection({ params, body: { boardIds: [g1.boardId], anonymize: false } });
    const shown = connectClient(server, g1.boardId, { token: projectorToken, mode: 'view' });
    await synced(shown);
    expect(await opens(g2.boardId)).toBe(YjsCloseCode.forbidden);
    // A spotlight shows its board too, projected or not.
    const region = { x: 0, y: 0, w: 100, h: 100 };
    await teacher.api.setSpotlight({
      params,
      body: { spotlight: { boardId: g2.boardId, region, shapeId: null } },
    });
    const spotlit = connectClient(server, g2.boardId, { token: projectorToken, mode: 'view' });
    await synced(spotlit);

    const { closed } = await rawSocket(server, g1.boardId, `token=${projectorToken}&mode=view`);
    await teacher.api.setSpotlight({ params, body: { spotlight: null } });
    await teacher.api.setProjection({ params, body: { boardIds: [], anonymize: false } });
    expect((await closed).code).toBe(YjsCloseCode.forbidden);
    expect(await opens(g1.boardId)).toBe(YjsCloseCode.forbidden);
  });

  it('stops working when the teacher revokes its link', async () => {
    const { server, teacher, projectorToken } = await classroom();
    const projector = socketFor(server, { token: projectorToken });
    await waitFor(() => projector.connected, 'projector socket');
    const rotated = await teacher.request('POST', `/api/classes/${teacher.classId}/projector-key`);
    expect(((await rotated.json()) as { projectorLink: string }).projectorLink).toMatch(/#key=/);
    const view = await fetch(`${server.url}/api/classes/${teacher.classId}/view`, {
      headers: { authorization: `Bearer ${projectorToken}` },
    });
    expect(view.status).toBe(401);
    await waitFor(() => !projector.connected, 'the open projector to be cut off');
  });
});

describe('the teacher’s dashboard signals', () => {
  it('tells the dashboard when the roster changes', async () => {
    const { server, teacher, teacherSocket } = await classroom();
    let changes = 0;
    teacherSocket.on('rosterChanged', () => changes++);
    await joinAs(server, teacher.joinCode, 'Late Larry');
    await waitFor(() => changes === 1, 'a join to be announced');
    await createGroup(teacher, 'Group 2');
    await waitFor(() => changes === 2, 'a new group to be announced');
  });

  it('tells the teacher who tried to wipe a group’s board, once the room has undone it', async () => {
    const { server, ana, ben, g1, teacherSocket } = await classroom();
    const wipes: Array<{ boardId: string; studentId: string; count: number }> = [];
    teacherSocket.on('wipeUndone', (w) => wipes.push(w));
    const a = connectClient(server, g1.boardId, { token: ana.token });
    const b = connectClient(server, g1.boardId, { token: ben.token });
    await Promise.all([synced(a), synced(b)]);
    a.doc.transact(() => {
      for (let i = 0; i < 35; i++) a.records.set(`shape:a${i}`, geoShape(`shape:a${i}`));
    });
    await waitFor(() => b.records.has('shape:a34'), 'Ana’s shapes at Ben’s');
    b.doc.transact(() => {
      for (let i = 0; i < 35; i++) b.records.delete(`shape:a${i}`);
    });
    await waitFor(() => wipes.length === 1, 'the undone wipe announced');
    expect(wipes[0]).toMatchObject({
      boardId: g1.boardId,
      studentId: ben.identity.studentId,
      count: 35,
      undone: 'deleted',
    });
    await waitFor(() => b.records.has('shape:a34'), 'Ana’s shapes back at Ben’s');
  });

  it('tells the teacher who tried to flood a group’s board, once the room has taken it back', async () => {
    const { server, ben, g1, teacherSocket } = await classroom();
    const alerts: Array<{ boardId: string; studentId: string; count: number; undone: string }> = [];
    teacherSocket.on('wipeUndone', (w) => alerts.push(w));
    const b = connectClient(server, g1.boardId, { token: ben.token });
    await synced(b);
    const flood = 501; // one more than a student may add at once (MAX_RECORDS_CREATED)
    b.doc.transact(() => {
      for (let i = 0; i < flood; i++) b.records.set(`shape:f${i}`, geoShape(`shape:f${i}`));
    });
    await waitFor(() => alerts.length === 1, 'the flood announced');
    expect(alerts[0]).toMatchObject({
      boardId: g1.boardId,
      studentId: ben.identity.studentId,
      count: flood,
      undone: 'added',
    });
    await waitFor(() => !b.records.has('shape:f0'), 'the flood taken back from Ben’s screen');
  });

  it('shows who is online and which members have contributed', async () => {
    const { server, ana, g1, teacherSocket } = await classroom();
    const online: string[][] = [];
    const activity: GroupActivity[][] = [];
    teacherSocket.on('presenceChanged', (p) => online.push(p.online));
    teacherSocket.on('activityChanged', (p) => activity.push(p.groups));
    const anaSocket = socketFor(server, { token: ana.token });
    await waitFor(() => online.at(-1)?.includes(ana.identity.studentId), 'Ana online');

    const a = connectClient(server, g1.boardId, { token: ana.token });
    await synced(a);
    a.records.set('shape:a', geoShape('shape:a'));
    const groups = await waitFor(() => activity.at(-1), 'activity');
    const members = groups[0]?.members ?? [];
    expect(members.find((m) => m.studentId === ana.identity.studentId)?.lastContributionAt).toEqual(
      expect.any(Number),
    );
    expect(members.find((m) => m.studentId !== ana.identity.studentId)?.lastContributionAt).toBeNull();

    anaSocket.disconnect();
    await waitFor(() => online.at(-1)?.length === 0, 'Ana offline');
  });
});
