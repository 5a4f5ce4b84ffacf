import { describe, expect, it } from 'vitest';
import { YjsCloseCode } from '@conjecture/shared';
import { socketFor } from '../test/sockets.js';
import { classWithGroupOfTwo, createClassAsTeacher } from '../test/classroomClient.js';
import { connectClient, geoShape, rawSocket, startTestServer, synced } from '../test/testServer.js';

/** A class with one group of two (Ana and Ben), Ana having drawn, and the teacher's coach link made. */
async function classWithCoachLink() {
  const server = await startTestServer();
  const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
  const board = connectClient(server, g1.boardId, { token: ana.token });
  await synced(board);
  board.records.set('shape:ana', geoShape('shape:ana'));
  const made = await teacher.request('POST', `/api/classes/${teacher.classId}/coach-key`);
  expect(made.status).toBe(200);
  const { coachLink } = (await made.json()) as { coachLink: string };
  const key = new URL(coachLink, server.url).hash.replace('#key=', '');
  const session = (k: string) =>
    fetch(`${server.url}/api/classes/${teacher.classId}/coach-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: k }),
    });
  const token = ((await (await session(key)).json()) as { token: string }).token;
  const asCoach = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api${path.replace(':classId', teacher.classId)}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
  return { server, teacher, g1, coachLink, key, session, token, asCoach };
}

describe('a coach’s evidence link', () => {
  it('reads who contributed, the talk, the replays, the reflections and the evidence pack', async () => {
    const { teacher, g1, coachLink, asCoach } = await classWithCoachLink();
    expect(coachLink).toMatch(new RegExp(`^/coach/${teacher.classId}#key=.{16,}`));
    expect(await (await asCoach('/me')).json()).toEqual({ role: 'coach', classId: teacher.classId });

    const roster = await asCoach('/classes/:classId');
    expect(roster.status).toBe(200);
    const state = (await roster.json()) as { joinCode: string; students: Array<{ displayName: string }> };
    expect(state.students.map((s) => s.displayName)).toContain('Ana');
    // Reading the evidence is not a way into the class: the join code is not the coach's.
    expect(state.joinCode).toBe('');
    expect(((await (await asCoach('/classes/:classId/view')).json()) as { joinCode: string }).joinCode).toBe(
      '',
    );
    for (const path of [
      '/classes/:classId/participation',
      `/classes/:classId/groups/${g1.groupId}/replay`,
      '/classes/:classId/tags',
      '/classes/:classId/tags/summary',
      '/classes/:classId/reflections',
      '/classes/:classId/snapshots',
      '/classes/:classId/exports/contributions',
    ])
      expect([path, (await asCoach(path)).status]).toEqual([path, 200]);
    const pack = await asCoach('/classes/:classId/evidence.pdf');
    expect(pack.status).toBe(200);
    expect(pack.headers.get('content-type')).toMatch(/pdf/);
    expect((await pack.arrayBuffer()).byteLength).toBeGreaterThan(1_000);
  });

  it('changes nothing: no class control, no restore, no tag correction, no export of all the class’s data', async () => {
    const { g1, asCoach } = await classWithCoachLink();
    const refused: Array<[string, string, unknown?]> = [
      ['PATCH', '/classes/:classId', { paused: true }],
      ['DELETE', '/classes/:classId'],
      ['POST', '/classes/:classId/coach-key'],
      ['DELETE', '/classes/:classId/coach-key'],
      ['POST', '/classes/:classId/projector-key'],
      ['POST', `/classes/:classId/groups/${g1.groupId}/restore`, { at: 0 }],
      ['PUT', '/classes/:classId/tags/c1', { move: null }],
      ['POST', '/classes/:classId/questions', { text: 'Why?', groupId: null, anchorShapeId: null }],
      ['GET', '/classes/:classId/export'],
    ];
    for (const [method, path, body] of refused) {
      const res = await asCoach(path, { method, ...(body !== undefined && { body: JSON.stringify(body) }) });
      // 403 from the role check; 400 only where a body is judged first — never a success.
      expect([method, path, res.status < 300]).toEqual([method, path, false]);
    }
  });

  it('has no live connection: the class’s broadcasts are not its to hear', async () => {
    const { server, token } = await classWithCoachLink();
    const coachSocket = socketFor(server, { token });
    const refused = await new Promise<{ data?: { code?: string } }>((resolve) =>
      coachSocket.on('connect_error', (error) => resolve(error as { data?: { code?: string } })),
    );
    expect(refused.data?.code).toBe('forbidden');
    expect(coachSocket.connected).toBe(false);
  });

  it('opens no live board of the class, not even read-only', async () => {
    const { server, teacher, g1, token } = await classWithCoachLink();
    // Even one the projector may open: the coach reads the history, not the class as it happens.
    await teacher.api.setProjection({
      params: { classId: teacher.classId },
      body: { boardIds: [g1.boardId], anonymize: false },
    });
    const { closed } = await rawSocket(server, g1.boardId, `token=${token}&mode=view`);
    expect((await closed).code).toBe(YjsCloseCode.forbidden);
    const svg = await fetch(`${server.url}/api/boards/${g1.boardId}/board.svg`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(svg.status).toBe(403);
  });

  it('stops working when the teacher turns the link off or makes a new one', async () => {
    const { server, teacher, key, session, asCoach } = await classWithCoachLink();

    const renewed = await teacher.request('POST', `/api/classes/${teacher.classId}/coach-key`);
    const newKey = new URL(
      ((await renewed.json()) as { coachLink: string }).coachLink,
      server.url,
    ).hash.slice(5);
    expect((await asCoach('/classes/:classId/participation')).status).toBe(401);
    expect((await session(key)).status).toBe(401);

    const second = ((await (await session(newKey)).json()) as { token: string }).token;
    const state = await teacher.request('GET', `/api/classes/${teacher.classId}/coach-key`);
    expect(await state.json()).toEqual({ on: true, createdAt: expect.any(Number) });
    expect((await teacher.request('DELETE', `/api/classes/${teacher.classId}/coach-key`)).status).toBe(204);
    const off = await fetch(`${server.url}/api/classes/${teacher.classId}/participation`, {
      headers: { authorization: `Bearer ${second}` },
    });
    expect(off.status).toBe(401);
    const refused = await session(newKey);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toMatch(/turned off/);
    const stateOff = await teacher.request('GET', `/api/classes/${teacher.classId}/coach-key`);
    expect(await stateOff.json()).toEqual({ on: false, createdAt: null });
  });

  it('does not exist until the teacher makes one', async () => {
    const server = await startTestServer();
    const teacher = await createClassAsTeacher(server);
    const state = await teacher.request('GET', `/api/classes/${teacher.classId}/coach-key`);
    expect(await state.json()).toEqual({ on: false, createdAt: null });
    const guess = await fetch(`${server.url}/api/classes/${teacher.classId}/coach-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'x'.repeat(32) }),
    });
    expect(guess.status).toBe(401);
  });
});
