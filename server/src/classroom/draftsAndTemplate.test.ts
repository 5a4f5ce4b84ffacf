import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@conjecture/shared';
import { classWithGroupOfTwo, createGroup } from '../test/classroomClient.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { connectClient, geoShape, rawSocket, startTestServer, synced, waitFor } from '../test/testServer.js';

async function classWithOneGroup() {
  const server = await startTestServer();
  const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
  return { server, teacher, ana, ben, g1, teacherToken: teacher.cookie.split('=')[1] as string };
}

const draftOf = async (url: string, classId: string, token: string) =>
  (await (
    await fetch(`${url}/api/classes/${classId}/draft`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as {
    boardId: string;
  };

describe('private think time', () => {
  it('keeps a draft from every other student until its author posts it to the group board', async () => {
    const { server, teacher, ana, ben, g1, teacherToken } = await classWithOneGroup();
    const draft = await draftOf(server.url, teacher.classId, ana.token);
    expect((await draftOf(server.url, teacher.classId, ana.token)).boardId).toBe(draft.boardId); // one per student

    const mine = connectClient(server, draft.boardId, { token: ana.token });
    const group = connectClient(server, g1.boardId, { token: ana.token });
    const benOnGroup = connectClient(server, g1.boardId, { token: ben.token });
    await Promise.all([synced(mine), synced(group), synced(benOnGroup)]);
    mine.records.set('shape:idea', geoShape('shape:idea', { meta: { note: 'half-formed idea' } }));

    // Ben can neither open nor watch Ana's draft; the teacher can.
    expect((await (await rawSocket(server, draft.boardId, `token=${ben.token}`)).closed).code).toBe(
      YjsCloseCode.forbidden,
    );
    const benSocket = socketFor(server, { token: ben.token });
    expect(await emitRaw(benSocket, 'watchBoard', { boardId: draft.boardId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const teacherView = connectClient(server, draft.boardId, { token: teacherToken, mode: 'view' });
    await waitFor(() => teacherView.records.get('shape:idea'), 'the teacher to see the draft');
    expect(benOnGroup.records.get('shape:idea')).toBeUndefined();

    // Posting: the student's client copies the chosen shapes onto the group board.
    group.records.set('shape:idea', mine.records.get('shape:idea') as Record<string, unknown>);
    await waitFor(() => benOnGroup.records.get('shape:idea'), 'the posted shape on Ben’s board');
  });

  it('gives the teacher no draft', async () => {
    const { teacher } = await classWithOneGroup();
    const res = await teacher.request('POST', `/api/classes/${teacher.classId}/draft`);
    expect(res.status).toBe(403);
  });
});

describe('the teacher’s template layer', () => {
  it('places locked task content on every group board, and on groups made later', async () => {
    const { server, teacher, ana, g1 } = await classWithOneGroup();
    const task = geoShape('shape:template-task', { x: -300, y: -200, isLocked: true });
    const res = await teacher.request('PUT', `/api/classes/${teacher.classId}/template`, { records: [task] });
    expect(res.status).toBe(200);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    await synced(a);
    expect(a.records.get('shape:template-task')).toMatchObject({ x: -300 });
    a.records.set('shape:template-task', { ...task, x: 0 });
    await waitFor(
      () => a.records.get('shape:template-task')?.x === -300,
      'the move to be reverted by the server',
    );
    a.records.delete('shape:template-task');
    await waitFor(() => a.records.get('shape:template-task')?.x === -300, 'the delete to be reverted');

    const g2 = await createGroup(teacher, 'Group 2');
    const teacherOnG2 = connectClient(server, g2.boardId, {
      token: teacher.cookie.split('=')[1] as string,
      mode: 'view',
    });
    await synced(teacherOnG2);
    expect(teacherOnG2.records.get('shape:template-task')).toBeDefined();

    // A new template replaces the old one everywhere.
    await teacher.request('PUT', `/api/classes/${teacher.classId}/template`, {
      records: [geoShape('shape:template-grid')],
    });
    await waitFor(
      () => !a.records.has('shape:template-task') && a.records.has('shape:template-grid'),
      'the new template',
    );
  });

  it('refuses records the board schema rejects, pointing at them', async () => {
    const { teacher } = await classWithOneGroup();
    const res = await teacher.request('PUT', `/api/classes/${teacher.classId}/template`, {
      records: [geoShape('shape:template-ok'), geoShape('shape:template-bad', { props: { w: 'wide' } })],
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: Array<{ path: unknown[] }> };
    expect(body.issues[0]?.path).toEqual(['records', 1]);
  });
});
