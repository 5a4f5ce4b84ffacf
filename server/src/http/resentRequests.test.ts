import { describe, expect, it } from 'vitest';
import { classWithGroupOfTwo, createClassAsTeacher, createGroup } from '../test/classroomClient.js';
import { startTestServer } from '../test/testServer.js';

/**
 * One intent makes one: "New group" and "Take a snapshot" carry the click's attempt id, and the same request
 * sent again (a lost answer, a retry) is answered with what the first made. Both cases failed before the
 * attempt id (two groups, two snapshots).
 */
const ATTEMPT = 'a1b2c3d4e5f6a7b8c9d0';

describe('a create request sent again with its attempt id', () => {
  it('answers the group the first made, and makes no second', async () => {
    const server = await startTestServer();
    const teacher = await createClassAsTeacher(server);
    const params = { classId: teacher.classId };
    const first = await teacher.api.createGroup({ params, body: { attemptId: ATTEMPT } });
    const again = await teacher.api.createGroup({ params, body: { attemptId: ATTEMPT } });
    expect(again).toEqual(first);
    const named = { name: 'Red', attemptId: `${ATTEMPT}-named` };
    const red = await teacher.api.createGroup({ params, body: named });
    expect(await teacher.api.createGroup({ params, body: named })).toEqual(red); // not 409: it is the same one
    const state = await teacher.api.classState({ params });
    expect(state.groups.map((g) => g.name)).toEqual([first.name, 'Red']);
    // Another click is another group.
    await teacher.api.createGroup({ params, body: { attemptId: `${ATTEMPT}-other` } });
    expect((await teacher.api.classState({ params })).groups).toHaveLength(3);
  });

  it('answers the snapshot the first took, and takes no second', async () => {
    const server = await startTestServer();
    const { teacher, g1 } = await classWithGroupOfTwo(server);
    const params = { classId: teacher.classId };
    const body = { groupId: g1.groupId, attemptId: ATTEMPT };
    const first = await teacher.api.takeSnapshot({ params, body });
    const again = await teacher.api.takeSnapshot({ params, body });
    expect(again.snapshotId).toBe(first.snapshotId);
    expect(await teacher.api.listSnapshots({ params })).toHaveLength(1);
  });

  it('refuses the attempt id sent with another request (409): it answers only the request that made it', async () => {
    const server = await startTestServer();
    const { teacher, g1 } = await classWithGroupOfTwo(server);
    const g2 = await createGroup(teacher, 'Group 2');
    const classId = teacher.classId;
    const post = async (path: string, body: unknown) => {
      const res = await teacher.request('POST', `/api/classes/${classId}/${path}`, body);
      return { status: res.status, body: (await res.json()) as { code?: string; message?: string } };
    };
    const red = await post('groups', { name: 'Red', attemptId: ATTEMPT });
    expect(red.status).toBe(201);
    const blue = await post('groups', { name: 'Blue', attemptId: ATTEMPT });
    expect(blue).toMatchObject({ status: 409, body: { code: 'conflict', message: /another request/ } });
    // Without a name the request takes any name: the group the attempt made answers it.
    expect(await post('groups', { attemptId: ATTEMPT })).toEqual(red);
    const snap = { groupId: g1.groupId, title: 'Ours', attemptId: `${ATTEMPT}-snap` };
    expect((await post('snapshots', snap)).status).toBe(201);
    expect((await post('snapshots', snap)).status).toBe(201);
    for (const other of [
      { ...snap, groupId: g2.groupId },
      { ...snap, title: 'Theirs' },
      { ...snap, region: { x: 0, y: 0, w: 100, h: 100 } },
    ])
      expect(await post('snapshots', other)).toMatchObject({ status: 409, body: { code: 'conflict' } });
    const state = await teacher.api.classState({ params: { classId } });
    expect(state.groups.map((g) => g.name)).not.toContain('Blue');
    expect(await teacher.api.listSnapshots({ params: { classId } })).toHaveLength(1);
  });

  it('is the class’s own: another class’s same attempt id takes its own snapshot, and reads none of ours', async () => {
    const server = await startTestServer();
    const one = await classWithGroupOfTwo(server);
    const two = await classWithGroupOfTwo(server);
    const body = (groupId: string) => ({ groupId, attemptId: ATTEMPT });
    const ours = await one.teacher.api.takeSnapshot({
      params: { classId: one.teacher.classId },
      body: body(one.g1.groupId),
    });
    const theirs = await two.teacher.api.takeSnapshot({
      params: { classId: two.teacher.classId },
      body: body(two.g1.groupId),
    });
    expect(theirs.snapshotId).not.toBe(ours.snapshotId);
    expect(theirs.boardId).toBe(two.g1.boardId);
    const peek = await two.teacher.request(
      'GET',
      `/api/classes/${two.teacher.classId}/snapshots/${ours.snapshotId}`,
    );
    expect(peek.status).toBe(404);
  });

  it('is the class’s own: another class’s same attempt id makes its own group', async () => {
    const server = await startTestServer();
    const [one, two] = [await createClassAsTeacher(server), await createClassAsTeacher(server)];
    const a = await one.api.createGroup({ params: { classId: one.classId }, body: { attemptId: ATTEMPT } });
    const b = await two.api.createGroup({ params: { classId: two.classId }, body: { attemptId: ATTEMPT } });
    expect(b.groupId).not.toBe(a.groupId);
  });
});
