import { describe, expect, it } from 'vitest';
import { classWithGroupOfTwo, createClassAsTeacher } from '../test/classroomClient.js';
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

  it('is the class’s own: another class’s same attempt id makes its own group', async () => {
    const server = await startTestServer();
    const [one, two] = [await createClassAsTeacher(server), await createClassAsTeacher(server)];
    const a = await one.api.createGroup({ params: { classId: one.classId }, body: { attemptId: ATTEMPT } });
    const b = await two.api.createGroup({ params: { classId: two.classId }, body: { attemptId: ATTEMPT } });
    expect(b.groupId).not.toBe(a.groupId);
  });
});
