import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createApiClient, type FollowView } from '@conjecture/shared';
import { apiOf } from '../test/classroomClient.js';
import { planOf, projectorOf, refusal, twoSnapshots } from '../test/discussionFixtures.js';
import { socketFor, type ClientSocket } from '../test/sockets.js';
import { connectClient, onCleanup, startTestServer, synced } from '../test/testServer.js';
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
