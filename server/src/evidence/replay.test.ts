import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { ReplayTimeline, YDOC_RECORDS_KEY, type ReplayState } from '@conjecture/shared';
import { apiOf, classWithGroupOfTwo, createClassAsTeacher, createGroup } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { connectClient, geoShape, noteShape, startTestServer, synced, waitFor } from '../test/testServer.js';

/** What a stock Y.Doc holding the first `count` stored updates contains, through the clients' own view. */
function docAfter(updates: readonly Uint8Array[], count: number): Map<string, unknown> {
  const doc = new Y.Doc();
  for (const update of updates.slice(0, count)) Y.applyUpdate(doc, update);
  const records = new YKeyValue<unknown>(doc.getArray(YDOC_RECORDS_KEY));
  const out = new Map([...records.map].map(([key, entry]) => [key, entry.val]));
  doc.destroy();
  return out;
}

const plain = (state: ReplayState) => new Map([...state].map(([k, v]) => [k, JSON.parse(JSON.stringify(v))]));

describe('replay of a group board', () => {
  it('equals the stored board at every step, and the live board at the last', async () => {
    const server = await startTestServer({ TAG_DEBOUNCE_MS: '20' });
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    const b = connectClient(server, g1.boardId, { token: ben.token });
    await Promise.all([synced(a), synced(b)]);
    // A scripted lesson: notes written and rewritten, boxes moved and deleted by two students, a refused
    // write the server reverts, a critique thread and a question card the server writes.
    for (let i = 0; i < 6; i++) {
      a.records.set(`shape:n${i}`, noteShape(`shape:n${i}`, `Claim ${i}: 3/4 > 2/3`));
      b.records.set(`shape:b${i}`, geoShape(`shape:b${i}`, { x: i * 120 }));
      await Promise.all([roundTrip(a), roundTrip(b)]);
    }
    await waitFor(() => b.records.get('shape:n5') && a.records.get('shape:b5'), 'both students’ work');
    b.records.set('shape:n1', { ...b.records.get('shape:n1'), x: 500 });
    // Both write the same note at once: two live entries for one key, the right-most wins.
    a.records.set('shape:n4', noteShape('shape:n4', 'Ana rewrites it'));
    b.records.set('shape:n4', noteShape('shape:n4', 'Ben rewrites it'));
    a.records.delete('shape:b2');
    a.records.set('shape:n3', noteShape('shape:n3', 'Now I think 3/4 = 9/12'));
    a.records.set('shape:bad', { ...geoShape('shape:bad'), x: Number.MAX_VALUE });
    await Promise.all([roundTrip(a), roundTrip(b)]);
    const benSocket = socketFor(server, { token: ben.token });
    expect(
      (
        await emitRaw(benSocket, 'postCritique', {
          boardId: g1.boardId,
          shapeId: 'shape:n3',
          stance: 'question',
          text: 'Why 9/12?',
        })
      ).ok,
    ).toBe(true);
    await teacher.api.poseQuestion({
      params: { classId: teacher.classId },
      body: { text: 'Which is bigger?', groupId: g1.groupId, anchorShapeId: null },
    });
    await Promise.all([roundTrip(a), roundTrip(b)]);

    const fetchReplay = () =>
      teacher.api.groupReplay({ params: { classId: teacher.classId, groupId: g1.groupId } });
    /** Every position of the replay equals a stock Y.Doc holding the stored log up to there. */
    const expectEveryStepStored = (replay: Awaited<ReturnType<typeof fetchReplay>>) => {
      const log = server.store.updatesAfter(g1.boardId, 0);
      expect(replay.steps.map((s) => [s.seq, s.author, s.at])).toEqual(
        log.map((u) => [u.seq, u.author, u.at]),
      );
      const timeline = new ReplayTimeline(replay.steps);
      const updates = log.map((u) => u.update);
      for (let p = 0; p <= timeline.end; p++)
        expect(plain(timeline.recordsAt(p)), `step ${p}`).toEqual(docAfter(updates, p));
      return timeline;
    };

    const early = await fetchReplay();
    expect(early.boardId).toBe(g1.boardId);
    expect(new Set(early.steps.map((s) => s.author))).toEqual(
      new Set(['server', ana.identity.studentId, ben.identity.studentId]),
    );
    expectEveryStepStored(early);
    // The lesson goes on: asked again, the replay folds in the new updates and still matches at every step.
    b.records.set('shape:late', noteShape('shape:late', 'One more idea'));
    a.records.delete('shape:n0');
    await Promise.all([roundTrip(a), roundTrip(b)]);
    const replay = await fetchReplay();
    expect(replay.steps.length).toBeGreaterThan(early.steps.length);
    const timeline = expectEveryStepStored(replay);

    const live = server.rooms.transact(
      g1.boardId,
      (room) => new Map(room.records.keys().map((k) => [k, room.records.get(k)])),
    );
    const last = plain(timeline.recordsAt(timeline.end));
    expect(last).toEqual(plain(live as ReplayState));
    expect(last.has('shape:b2')).toBe(false);
    expect(last.has('shape:bad')).toBe(false);
    // Earlier, the board held less: after the first few updates there is no box yet.
    expect([...timeline.recordsAt(3).keys()].filter((k) => k.startsWith('shape:b'))).toEqual([]);

    expect(replay.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['critique', 'question']));
    expect(replay.timeline.find((e) => e.kind === 'critique')).toMatchObject({
      author: ben.identity.studentId,
      text: 'Why 9/12?',
      shapeId: 'shape:n3',
    });
  });

  it('is the class’s teacher’s only (not another class’s teacher, a student, the projector or no one), for a group of that class', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const other = await createClassAsTeacher(server, 'Other');
    const otherGroup = await createGroup(other, 'Elsewhere');
    const path = `/api/classes/${teacher.classId}/groups/${g1.groupId}/replay`;
    expect((await other.request('GET', path)).status).toBe(401);
    expect(
      (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${ana.token}` } })).status,
    ).toBe(403);
    expect((await fetch(`${server.url}${path}`)).status).toBe(401);
    await expect(
      teacher.api.groupReplay({ params: { classId: teacher.classId, groupId: otherGroup.groupId } }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      apiOf(server).groupReplay({ params: { classId: teacher.classId, groupId: g1.groupId } }),
    ).rejects.toMatchObject({ code: 'unauthorized' });
    const projector = await apiOf(server).startProjectorSession({
      params: { classId: teacher.classId },
      body: { key: teacher.projectorKey },
    });
    await expect(
      apiOf(server, projector.token).groupReplay({
        params: { classId: teacher.classId, groupId: g1.groupId },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
