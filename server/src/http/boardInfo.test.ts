import { describe, expect, it } from 'vitest';
import { API_PREFIX, routes } from '@conjecture/shared';
import { apiOf, assign, createClassAsTeacher, createGroup, joinAs } from '../test/classroomClient.js';
import { projectorOf } from '../test/discussionFixtures.js';
import { createBoard, startTestServer } from '../test/testServer.js';

/**
 * `GET /boards/:boardId` answers a board's title, and a group's board is titled with the group's name (which
 * a teacher may choose to say something about the group): it answers only those who may open the board.
 * The cases refusing a stranger and another group failed while the route was public.
 */
async function twoGroups() {
  const server = await startTestServer();
  const teacher = await createClassAsTeacher(server);
  const ana = (await joinAs(server, teacher.joinCode, 'Ana')).body;
  const cy = (await joinAs(server, teacher.joinCode, 'Cy')).body;
  const g1 = await createGroup(teacher, 'Needs support');
  const g2 = await createGroup(teacher, 'Group 2');
  await assign(teacher, ana.identity.studentId, g1.groupId);
  await assign(teacher, cy.identity.studentId, g2.groupId);
  const status = (token?: string) =>
    fetch(`${server.url}/api/boards/${g1.boardId}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    }).then((r) => r.status);
  return { server, teacher, ana, cy, g1, status };
}

describe('GET /boards/:boardId', () => {
  it('refuses a class’s board to a caller without the class’s credential', async () => {
    const { status } = await twoGroups();
    expect(await status()).toBe(401);
  });

  it('refuses a group’s board to a student of another group', async () => {
    const { status, cy } = await twoGroups();
    expect(await status(cy.token)).toBe(403);
  });

  it('answers the group’s members and the teacher', async () => {
    const { server, teacher, ana, g1 } = await twoGroups();
    const info = { boardId: g1.boardId, title: 'Needs support' };
    expect(await apiOf(server, ana.token).getBoard({ params: { boardId: g1.boardId } })).toMatchObject(info);
    expect(await teacher.api.getBoard({ params: { boardId: g1.boardId } })).toMatchObject(info);
  });

  it('still answers anyone about a board outside any class', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server, 'Open board');
    expect(await apiOf(server).getBoard({ params: { boardId } })).toMatchObject({ title: 'Open board' });
  });
});

describe('every route that reads a board by its id', () => {
  const boardReads = Object.entries(routes).filter(
    ([, r]) => r.method === 'GET' && r.access.kind === 'board',
  ) as [string, { path: string }][];

  it('holds the same line: another group, a projector not showing it, an expired session', async () => {
    let now = Date.parse('2026-12-07T09:00:00Z');
    const server = await startTestServer({ SESSION_MAX_AGE_DAYS: '1' }, { now: () => now });
    const teacher = await createClassAsTeacher(server);
    const ana = (await joinAs(server, teacher.joinCode, 'Ana')).body;
    const cy = (await joinAs(server, teacher.joinCode, 'Cy')).body;
    const [g1, g2] = [await createGroup(teacher, 'Group 1'), await createGroup(teacher, 'Group 2')];
    await assign(teacher, ana.identity.studentId, g1.groupId);
    await assign(teacher, cy.identity.studentId, g2.groupId);
    const projector = await projectorOf(server, teacher);
    const statuses = (token: string) =>
      Promise.all(
        boardReads.map(([, r]) =>
          fetch(`${server.url}${API_PREFIX}${r.path.replace(':boardId', g1.boardId)}`, {
            headers: { Authorization: `Bearer ${token}` },
          }).then((res) => res.status),
        ),
      );
    expect(boardReads.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'getBoard',
        'boardAuthorship',
        'boardTags',
        'exportBoardFile',
        'exportBoardSvg',
      ]),
    );
    expect(await statuses(ana.token)).toEqual(boardReads.map(() => 200));
    expect(await statuses(cy.token)).toEqual(boardReads.map(() => 403));
    expect(await statuses(projector.token)).toEqual(boardReads.map(() => 403));
    now += 2 * 24 * 3600_000;
    expect(await statuses(ana.token)).toEqual(boardReads.map(() => 401));
  });
});
