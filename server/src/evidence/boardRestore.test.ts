import { describe, expect, it } from 'vitest';
import { ReplayTimeline } from '@conjecture/shared';
import { apiOf, classWithGroupOfTwo, createClassAsTeacher, createGroup } from '../test/classroomClient.js';
import { writeAsUser } from '../exports/writeAsUser.js';
import { roundTrip } from '../test/roundTrip.js';
import { connectClient, geoShape, noteShape, startTestServer, synced } from '../test/testServer.js';
import type { TestClient } from '../test/testServer.js';

/** The board's shapes as a client holds them, by id. */
const shapesOf = (client: TestClient) =>
  Object.fromEntries(
    [...client.records.map.keys()]
      .filter((key) => key.startsWith('shape:'))
      .sort()
      .map((key) => [key, client.records.get(key)]),
  );

describe('restoring a group board to a moment of its replay', () => {
  it('brings back a board a classmate wiped in one change, for everyone, and the wipe stays in the replay', async () => {
    const server = await startTestServer();
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    const b = connectClient(server, g1.boardId, { token: ben.token });
    await Promise.all([synced(a), synced(b)]);
    for (let i = 0; i < 3; i++)
      a.records.set(`shape:n${i}`, noteShape(`shape:n${i}`, `Claim ${i}: 3/4 > 2/3`));
    b.records.set('shape:b0', geoShape('shape:b0', { x: 300 }));
    await teacher.api.poseQuestion({
      params: { classId: teacher.classId },
      body: { text: 'Which is bigger?', groupId: g1.groupId, anchorShapeId: null },
    });
    await Promise.all([roundTrip(a), roundTrip(b)]);
    await roundTrip(a);
    const before = shapesOf(a);
    expect(Object.keys(before)).toHaveLength(6); // three notes, a box, the task card, the question card
    const replay = () =>
      teacher.api.groupReplay({ params: { classId: teacher.classId, groupId: g1.groupId } });
    const moment = (await replay()).steps.length;

    // Ben selects everything and deletes it (the server puts back what is locked), then draws on.
    b.doc.transact(() => {
      for (const key of [...b.records.map.keys()]) if (key.startsWith('shape:')) b.records.delete(key);
    });
    b.records.set('shape:later', geoShape('shape:later', { x: 600 }));
    await roundTrip(b);
    await roundTrip(a);
    expect(Object.keys(shapesOf(a)).sort()).toEqual(
      [
        'shape:later',
        ...Object.keys(before).filter((k) => !k.startsWith('shape:n') && k !== 'shape:b0'),
      ].sort(),
    );

    const result = await teacher.api.restoreGroupBoard({
      params: { classId: teacher.classId, groupId: g1.groupId },
      body: { position: moment },
    });
    expect(result).toMatchObject({ restored: 4, removed: 1 });
    await Promise.all([roundTrip(a), roundTrip(b)]);
    await roundTrip(a);
    expect(shapesOf(a)).toEqual(before);
    expect(shapesOf(b)).toEqual(before);
    // A browser opening the board now gets it from the server as it was.
    const c = connectClient(server, g1.boardId, { token: ana.token });
    await synced(c);
    expect(shapesOf(c)).toEqual(before);

    const after = new ReplayTimeline((await replay()).steps);
    expect(after.steps.at(-1)?.author).toBe('server');
    const wiped = [...after.recordsAt(after.end - 1).keys()];
    expect(wiped).toContain('shape:later');
    expect(wiped).not.toContain('shape:n0');
  });

  it('is the class’s teacher’s only, for a moment the replay has', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const other = await createClassAsTeacher(server, 'Other');
    const otherGroup = await createGroup(other, 'Elsewhere');
    const end = (await teacher.api.groupReplay({ params: { classId: teacher.classId, groupId: g1.groupId } }))
      .steps.length;
    const params = { classId: teacher.classId, groupId: g1.groupId };
    await expect(
      apiOf(server, ana.token).restoreGroupBoard({ params, body: { position: 0 } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      teacher.api.restoreGroupBoard({ params, body: { position: end + 1 } }),
    ).rejects.toMatchObject({ code: 'bad_request' });
    await expect(
      teacher.api.restoreGroupBoard({
        params: { classId: teacher.classId, groupId: otherGroup.groupId },
        body: { position: 0 },
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    // Position 0 is the board before anything was written: the server's own seeding stays.
    await expect(teacher.api.restoreGroupBoard({ params, body: { position: 0 } })).resolves.toMatchObject({
      restored: 0,
      removed: 0,
    });
  });

  it('recovers a board a classmate filled to its cap: the flood goes, what it replaced comes back, and the group writes again', async () => {
    const server = await startTestServer({ MAX_BOARD_BYTES: String(64 * 1024) });
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    const b = connectClient(server, g1.boardId, { token: ben.token });
    await Promise.all([synced(a), synced(b)]);
    a.records.set('shape:claim', noteShape('shape:claim', `Our claim: ${'3/4 > 2/3 because '.repeat(150)}`));
    await roundTrip(a);
    await roundTrip(b);
    const params = { classId: teacher.classId, groupId: g1.groupId };
    const moment = (await teacher.api.groupReplay({ params })).steps.length;

    // Ben deletes Ana's claim, then pads the board to within a few hundred bytes of its cap.
    b.records.delete('shape:claim');
    await roundTrip(b);
    const room = server.rooms.get(g1.boardId);
    if (!room) throw new Error('the board is not loaded');
    const asBen = { userId: ben.identity.studentId, role: 'student' as const };
    let n = 0;
    for (const pad of [6000, 1000, 0]) {
      for (;;) {
        const id = `shape:pad${n++}`;
        if (!writeAsUser(room, asBen, [{ ...geoShape(id, { meta: { pad: 'y'.repeat(pad) } }), id }]).ok)
          break;
      }
    }

    const result = await teacher.api.restoreGroupBoard({ params, body: { position: moment } });
    expect(result).toMatchObject({ restored: 1 });
    expect(result.removed).toBeGreaterThan(10);
    await roundTrip(a);
    expect(a.records.get('shape:claim')).toBeDefined();
    a.records.set('shape:after', noteShape('shape:after', `We agree: ${'x'.repeat(3000)}`));
    await roundTrip(a);
    expect(room.records.get('shape:after')).toBeDefined();
  });
});
