import { describe, expect, it } from 'vitest';
import type { ClassView, Projection } from '@conjecture/shared';
import { socketFor } from '../test/sockets.js';
import { assign, createClassAsTeacher, createGroup, joinAs } from '../test/classroomClient.js';
import { startTestServer, waitFor } from '../test/testServer.js';

async function classroom() {
  const server = await startTestServer();
  const teacher = await createClassAsTeacher(server);
  const ana = (await joinAs(server, teacher.joinCode, 'Ana Realname')).body;
  const g1 = await createGroup(teacher, 'Group 1');
  await assign(teacher, ana.identity.studentId, g1.groupId);
  const projectorToken = (
    (await (
      await fetch(`${server.url}/api/classes/${teacher.classId}/projector-session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: teacher.projectorKey }),
      })
    ).json()) as { token: string }
  ).token;
  return { server, teacher, ana, g1, projectorToken };
}

const spotlightOn = (boardId: string) => ({
  boardId,
  region: { x: 100, y: 200, w: 240, h: 160 },
  shapeId: 'shape:note1',
});

describe('the projector spotlight', () => {
  it('is kept with the projection and reaches the projector live; null ends it', async () => {
    const { server, teacher, g1, projectorToken } = await classroom();
    const projector = socketFor(server, { token: projectorToken });
    const views: ClassView[] = [];
    projector.on('projectionChanged', (v) => views.push(v));
    await waitFor(() => projector.connected, 'projector socket');

    const set = await teacher.request('PUT', `/api/classes/${teacher.classId}/projection/spotlight`, {
      spotlight: spotlightOn(g1.boardId),
    });
    expect(set.status).toBe(200);
    expect(((await set.json()) as Projection).spotlight).toEqual(spotlightOn(g1.boardId));
    await waitFor(() => views.length === 1, 'the projector to hear of the spotlight');
    expect(views[0]?.projection.spotlight).toEqual(spotlightOn(g1.boardId));

    // kept with the projection: a projector that reloads gets it, and changing the boards leaves it on
    await teacher.request('PUT', `/api/classes/${teacher.classId}/projection`, {
      boardIds: [g1.boardId],
      anonymize: true,
    });
    const view = (await (
      await fetch(`${server.url}/api/classes/${teacher.classId}/view`, {
        headers: { authorization: `Bearer ${projectorToken}` },
      })
    ).json()) as ClassView;
    expect(view.projection).toEqual({
      boardIds: [g1.boardId],
      anonymize: true,
      spotlight: spotlightOn(g1.boardId),
    });
    const state = await teacher.request('GET', `/api/classes/${teacher.classId}`);
    expect(((await state.json()) as { spotlight: unknown }).spotlight).toEqual(spotlightOn(g1.boardId));

    await teacher.request('PUT', `/api/classes/${teacher.classId}/projection/spotlight`, { spotlight: null });
    await waitFor(() => views.at(-1)?.projection.spotlight === null, 'the spotlight to end');
  });

  it('only the class’s teacher sets it: not the projector, a student, or another class’s teacher', async () => {
    const { server, teacher, ana, g1, projectorToken } = await classroom();
    const path = `/api/classes/${teacher.classId}/projection/spotlight`;
    const put = (headers: Record<string, string>) =>
      fetch(`${server.url}${path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ spotlight: spotlightOn(g1.boardId) }),
      });
    expect((await put({ authorization: `Bearer ${projectorToken}` })).status).toBe(403);
    expect((await put({ authorization: `Bearer ${ana.token}` })).status).toBe(403);
    expect((await put({})).status).toBe(401);
    const other = await createClassAsTeacher(server, 'Other');
    expect((await other.request('PUT', path, { spotlight: spotlightOn(g1.boardId) })).status).not.toBe(200);
    const state = await teacher.request('GET', `/api/classes/${teacher.classId}`);
    expect(((await state.json()) as { spotlight: unknown }).spotlight).toBeNull();
  });

  it('refuses a board outside the class and a region that is not finite', async () => {
    const { server, teacher, g1 } = await classroom();
    const path = `/api/classes/${teacher.classId}/projection/spotlight`;
    const foreign = await createGroup(await createClassAsTeacher(server, 'Other'), 'Theirs');
    expect((await teacher.request('PUT', path, { spotlight: spotlightOn(foreign.boardId) })).status).toBe(
      404,
    );
    const huge = { ...spotlightOn(g1.boardId), region: { x: 1e300, y: 0, w: 10, h: 10 } };
    expect((await teacher.request('PUT', path, { spotlight: huge })).status).toBe(400);
    const flat = { ...spotlightOn(g1.boardId), region: { x: 0, y: 0, w: 0, h: 10 } };
    expect((await teacher.request('PUT', path, { spotlight: flat })).status).toBe(400);
  });

  it('ends when its group is deleted', async () => {
    const { teacher, g1 } = await classroom();
    await teacher.request('PUT', `/api/classes/${teacher.classId}/projection/spotlight`, {
      spotlight: spotlightOn(g1.boardId),
    });
    await teacher.request('DELETE', `/api/classes/${teacher.classId}/groups/${g1.groupId}?force=true`);
    const state = await teacher.request('GET', `/api/classes/${teacher.classId}`);
    expect(((await state.json()) as { spotlight: unknown }).spotlight).toBeNull();
  });
});
