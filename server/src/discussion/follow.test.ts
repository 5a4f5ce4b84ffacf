import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createApiClient, YjsCloseCode, type FollowView } from '@conjecture/shared';
import { apiOf, assign, classWithGroupOfTwo, createGroup, joinAs } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import { planOf, projectorOf, refusal, twoSnapshots } from '../test/discussionFixtures.js';
import { socketFor, type ClientSocket } from '../test/sockets.js';
import {
  connectClient,
  noteShape,
  onCleanup,
  rawSocket,
  startTestServer,
  synced,
  waitFor,
} from '../test/testServer.js';
import type { RunningServer } from '../createServer.js';

/** The board as a newcomer receives it from the server, byte for byte. */
async function boardBytes(server: RunningServer, boardId: string, token: string) {
  const client = connectClient(server, boardId, { token });
  await synced(client);
  const bytes = Y.encodeStateAsUpdate(client.doc);
  client.provider.destroy();
  return bytes;
}

/** Every `followChanged` a socket receives, and a wait for the n-th one. */
function followEvents(socket: ClientSocket) {
  const received: FollowView[] = [];
  socket.on('followChanged', (view) => received.push(view));
  return async (count: number) => {
    while (received.length < count) await new Promise((resolve) => socket.once('followChanged', resolve));
    return received[count - 1]!;
  };
}

const connected = (socket: ClientSocket) =>
  new Promise<void>((resolve) => (socket.connected ? resolve() : socket.once('connect', () => resolve())));

describe('bring everyone to me', () => {
  it('shows students the presented step as it moves, then releases them, their boards untouched', async () => {
    const server = await startTestServer();
    const { teacher, ana, ben, g1, a, b } = await twoSnapshots(server);
    const params = { classId: teacher.classId };
    await teacher.api.putDiscussionPlan({ params, body: planOf(a, b) });
    await teacher.api.presentDiscussionStep({ params, body: { step: 1 } });
    const before = await boardBytes(server, g1.boardId, ben.token);

    const anaSocket = socketFor(server, { token: ana.token });
    const nextEvent = followEvents(anaSocket);
    await connected(anaSocket);
    const student = apiOf(server, ana.token);
    expect(await student.getFollow({ params })).toEqual({
      classId: teacher.classId,
      target: null,
      shown: null,
    });

    await teacher.api.setFollow({ params, body: { target: { kind: 'presentation' } } });
    const step2 = await nextEvent(1);
    expect(step2.shown).toMatchObject({ caption: 'Step 2 of 2', question: 'Where is 0.67 in the table?' });
    // Step 2 is linked to step 1: both snapshots side by side, with the link between their items.
    expect(step2.shown?.snapshots.map((s) => s.snapshotId)).toEqual([a.snapshotId, b.snapshotId]);
    expect(step2.shown?.links.map((l) => l.linkId)).toEqual(['l1']);
    // A student who (re)connects reads the same thing; the gallery itself stays closed to students.
    expect(await apiOf(server, ben.token).getFollow({ params })).toEqual(step2);
    expect(
      (await refusal(student.getSnapshot({ params: { ...params, snapshotId: a.snapshotId } })))?.status,
    ).toBe(403);

    await teacher.api.presentDiscussionStep({ params, body: { step: 0 } });
    expect((await nextEvent(2)).shown).toMatchObject({ caption: 'Step 1 of 2' });
    await teacher.api.setFollow({ params, body: { target: { kind: 'snapshot', snapshotId: b.snapshotId } } });
    const snapshot = await nextEvent(3);
    expect(snapshot.shown).toMatchObject({ caption: 'note', question: '', links: [] });
    expect(snapshot.shown?.snapshots.map((s) => s.snapshotId)).toEqual([b.snapshotId]);

    await teacher.api.setFollow({ params, body: { target: null } });
    expect(await nextEvent(4)).toEqual({ classId: teacher.classId, target: null, shown: null });
    // Following wrote nothing into the group's board.
    expect(await boardBytes(server, g1.boardId, ben.token)).toEqual(before);
  });

  it('ends with the presentation, and is set by the teacher only', async () => {
    const server = await startTestServer();
    const { teacher, ana, a, b } = await twoSnapshots(server);
    const params = { classId: teacher.classId };
    const presentation = { target: { kind: 'presentation' as const } };
    expect((await refusal(teacher.api.setFollow({ params, body: presentation })))?.status).toBe(400);
    await teacher.api.putDiscussionPlan({ params, body: planOf(a, b) });
    await teacher.api.presentDiscussionStep({ params, body: { step: 0 } });

    const projector = await projectorOf(server, teacher);
    const student = apiOf(server, ana.token);
    expect((await refusal(student.setFollow({ params, body: presentation })))?.status).toBe(403);
    expect((await refusal(projector.api.setFollow({ params, body: presentation })))?.status).toBe(403);
    expect((await refusal(apiOf(server).getFollow({ params })))?.status).toBe(401);
    const other = await twoSnapshots(server);
    // Another class's teacher: their cookie names their own class, so here it is no credential at all.
    expect((await refusal(other.teacher.api.getFollow({ params })))?.status).toBe(401);
    const foreign = { target: { kind: 'snapshot' as const, snapshotId: other.a.snapshotId } };
    expect((await refusal(teacher.api.setFollow({ params, body: foreign })))?.status).toBe(404);

    await teacher.api.setFollow({ params, body: presentation });
    expect((await projector.api.getFollow({ params })).shown?.caption).toBe('Step 1 of 2');
    await teacher.api.presentDiscussionStep({ params, body: { step: null } });
    expect(await student.getFollow({ params })).toMatchObject({ target: null, shown: null });
  });

  it('lets students view the live board the projector shows, read-only and only while it is shown', async () => {
    const server = await startTestServer();
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const cleo = (await joinAs(server, teacher.joinCode, 'Cleo')).body;
    const g2 = await createGroup(teacher, 'Group 2');
    await assign(teacher, cleo.identity.studentId, g2.groupId);
    const anaBoard = connectClient(server, g1.boardId, { token: ana.token });
    await synced(anaBoard);
    anaBoard.records.set('shape:work', noteShape('shape:work', 'cost per pen 0.67', { x: 400, y: 300 }));
    await roundTrip(anaBoard);
    const params = { classId: teacher.classId };
    const cleoOpens = async () =>
      (await rawSocket(server, g1.boardId, `token=${cleo.token}&mode=view`)).closed;

    // Not shown: another group's board stays closed to Cleo.
    expect((await cleoOpens()).code).toBe(YjsCloseCode.forbidden);
    await teacher.api.setFollow({ params, body: { target: { kind: 'projector' } } });
    expect((await apiOf(server, cleo.token).getFollow({ params })).shown).toBeNull(); // nothing projected yet
    const region = { x: 300, y: 200, w: 400, h: 300 };
    await teacher.api.setProjection({ params, body: { boardIds: [g1.boardId], anonymize: false } });
    await teacher.api.setSpotlight({
      params,
      body: { spotlight: { boardId: g1.boardId, region, shapeId: 'shape:work' } },
    });
    expect((await apiOf(server, cleo.token).getFollow({ params })).shown).toMatchObject({
      caption: 'Group 1',
      boards: [{ boardId: g1.boardId, caption: 'Group 1', region }],
    });

    // Shown: Cleo reads it live, and what her client writes is discarded.
    const cleoView = connectClient(server, g1.boardId, { token: cleo.token, mode: 'view' });
    await waitFor(() => cleoView.records.get('shape:work'), 'Cleo to see group 1’s work');
    // A pause and a resume make students' own boards writable again, not this one.
    await teacher.api.updateClass({ params, body: { paused: true } });
    await teacher.api.updateClass({ params, body: { paused: false } });
    cleoView.records.set('shape:graffiti', noteShape('shape:graffiti', 'mine', { x: 0, y: 0 }));
    anaBoard.records.set('shape:more', noteShape('shape:more', 'and 0.60', { x: 400, y: 600 }));
    await waitFor(() => cleoView.records.get('shape:more'), 'Cleo to see the next item live');
    await roundTrip(cleoView); // her write was handled (dropped) …
    await roundTrip(anaBoard); // … and anything relayed from it would have reached Ana
    expect(anaBoard.records.get('shape:graffiti')).toBeUndefined();
    // Ben, who is in group 1, is unaffected; his own board is still his to write.
    const benBoard = connectClient(server, g1.boardId, { token: ben.token });
    await synced(benBoard);
    benBoard.records.set('shape:ben', noteShape('shape:ben', 'Ben', { x: 900, y: 300 }));
    await waitFor(() => anaBoard.records.get('shape:ben'), 'Ben’s write to reach Ana');

    // Released: Cleo's open view is closed by the server, and she cannot open it again.
    cleoView.provider.destroy();
    const { closed } = await rawSocket(server, g1.boardId, `token=${cleo.token}&mode=view`);
    await teacher.api.setFollow({ params, body: { target: null } });
    expect((await closed).code).toBe(YjsCloseCode.forbidden);
    expect((await cleoOpens()).code).toBe(YjsCloseCode.forbidden);
  });

  it('is kept across a restart, with the names as the projector reads them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-follow-'));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    const env = { STORAGE: 'sqlite', DATA_DIR: dir };
    const first = await startTestServer(env);
    const { teacher, ana, a } = await twoSnapshots(first);
    const params = { classId: teacher.classId };
    await teacher.api.setProjection({ params, body: { boardIds: [], anonymize: true } });
    await teacher.api.setFollow({ params, body: { target: { kind: 'snapshot', snapshotId: a.snapshotId } } });
    await first.close();

    const second = await startTestServer(env);
    const seen = await apiOf(second, ana.token).getFollow({ params });
    expect(seen.shown?.snapshots[0]).toMatchObject({ snapshotId: a.snapshotId, groupName: 'A group' });
    const again = createApiClient({ origin: second.url, headers: { cookie: teacher.cookie } });
    await again.deleteClass({ params });
  });
});
