import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@conjecture/shared';
import { classWithGroupOfTwo, createClassAsTeacher } from '../test/classroomClient.js';
import { connectClient, geoShape, rawSocket, startTestServer, synced, waitFor } from '../test/testServer.js';

describe('the teacher looks at a student’s draft', () => {
  it('finds the board id once the student drafts, and opens it read-only', async () => {
    const server = await startTestServer();
    const { teacher, ana, ben } = await classWithGroupOfTwo(server);
    const draftPath = `/api/classes/${teacher.classId}/students/${ana.identity.studentId}/draft`;
    expect(await (await teacher.request('GET', draftPath)).json()).toEqual({ boardId: null });

    const opened = await fetch(`${server.url}/api/classes/${teacher.classId}/draft`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ana.token}` },
    });
    const { boardId } = (await opened.json()) as { boardId: string };
    expect(await (await teacher.request('GET', draftPath)).json()).toEqual({ boardId });

    const mine = connectClient(server, boardId, { token: ana.token });
    await synced(mine);
    mine.records.set('shape:thinking', geoShape('shape:thinking'));
    const teacherToken = teacher.cookie.split('=')[1] as string;
    const look = connectClient(server, boardId, { token: teacherToken, mode: 'view' });
    await waitFor(() => look.records.get('shape:thinking'), 'the teacher to see the draft');

    // Nobody else learns where the draft is: not another student, not the projector, not a stranger.
    const asBen = await fetch(`${server.url}${draftPath}`, {
      headers: { authorization: `Bearer ${ben.token}` },
    });
    expect(asBen.status).toBe(403);
    const projector = await fetch(`${server.url}/api/classes/${teacher.classId}/projector-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: teacher.projectorKey }),
    });
    const { token: projectorToken } = (await projector.json()) as { token: string };
    const asProjector = await fetch(`${server.url}${draftPath}`, {
      headers: { authorization: `Bearer ${projectorToken}` },
    });
    expect(asProjector.status).toBe(403);
    // …and the projector cannot open it even knowing the id.
    expect((await (await rawSocket(server, boardId, `token=${projectorToken}&mode=view`)).closed).code).toBe(
      YjsCloseCode.forbidden,
    );
  });

  it('answers 404 for a student of another class', async () => {
    const server = await startTestServer();
    const { ana } = await classWithGroupOfTwo(server);
    const other = await createClassAsTeacher(server, 'Other');
    const res = await other.request(
      'GET',
      `/api/classes/${other.classId}/students/${ana.identity.studentId}/draft`,
    );
    expect(res.status).toBe(404);
  });
});
