import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../createServer.js';
import type { TeacherHandle } from '../test/classroomClient.js';
import { classWithGroupOfTwo, createGroup, joinAs } from '../test/classroomClient.js';
import { createBoard, startTestServer } from '../test/testServer.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Uploads a PNG for `target` (`boardId=…[&user=…]` or `classId=…`) with a bearer token or a cookie. */
async function upload(
  server: RunningServer,
  target: string,
  credential: { token?: string; cookie?: string } = {},
) {
  const res = await fetch(`${server.url}/api/assets?${target}`, {
    method: 'POST',
    headers: {
      'content-type': 'image/png',
      ...(credential.token ? { authorization: `Bearer ${credential.token}` } : {}),
      ...(credential.cookie ? { cookie: credential.cookie } : {}),
    },
    body: PNG,
  });
  const body = (await res.json()) as { url?: string; code?: string };
  return { status: res.status, url: body.url ?? '', code: body.code };
}

const read = async (server: RunningServer, url: string) => (await fetch(`${server.url}${url}`)).status;

/** An asset record showing an uploaded image, as tldraw writes one. */
const assetRecord = (id: string, src: string) => ({
  id,
  typeName: 'asset',
  type: 'image',
  props: { name: 'x.png', src, w: 1, h: 1, mimeType: 'image/png', isAnimated: false },
  meta: {},
});

function writeDirectly(server: RunningServer, boardId: string, records: Array<{ id: string }>) {
  const room = server.rooms.hold(boardId);
  try {
    room.change((r) => records.forEach((record) => r.set(record.id, record)));
  } finally {
    server.rooms.release(boardId);
  }
}

const patch = (teacher: TeacherHandle, body: object) =>
  teacher.request('PATCH', `/api/classes/${teacher.classId}`, body);

describe('assets belong to a class or a board, are uploaded with a session and go with their owner', () => {
  it('takes an upload only from a session that may write the board (or the template) it is for', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const g2 = await createGroup(teacher, 'Group 2');
    const board = `boardId=${g1.boardId}`;

    expect((await upload(server, '')).status).toBe(400); // for nothing
    expect(await upload(server, board)).toMatchObject({ status: 401 }); // no credential
    expect(await upload(server, board, { token: ana.token })).toMatchObject({ status: 201 });
    expect(await upload(server, board, { cookie: teacher.cookie })).toMatchObject({ status: 201 });
    expect(await upload(server, `boardId=${g2.boardId}`, { token: ana.token })).toMatchObject({
      status: 403,
    });
    const projector = await fetch(`${server.url}/api/classes/${teacher.classId}/projector-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: teacher.projectorKey }),
    });
    const { token: projectorToken } = (await projector.json()) as { token: string };
    expect(await upload(server, board, { token: projectorToken })).toMatchObject({ status: 403 });
    // Another class's student (forbidden, as for every other way into a board), and a student while the
    // class is paused.
    const other = await joinAs(server, (await classWithGroupOfTwo(server)).teacher.joinCode, 'Zed');
    expect(await upload(server, board, { token: other.body.token })).toMatchObject({ status: 403 });
    await patch(teacher, { paused: true });
    expect(await upload(server, board, { token: ana.token })).toMatchObject({ status: 403 });
    await patch(teacher, { paused: false });

    // The template: its teacher only.
    const template = `classId=${teacher.classId}`;
    expect(await upload(server, template, { token: ana.token })).toMatchObject({ status: 403 });
    expect(await upload(server, template, { cookie: teacher.cookie })).toMatchObject({ status: 201 });

    // A board outside any class: its ?user= id.
    const guestBoard = await createBoard(server);
    expect(await upload(server, `boardId=${guestBoard}`)).toMatchObject({ status: 401 });
    expect(await upload(server, `boardId=${guestBoard}&user=alice`)).toMatchObject({ status: 201 });
    expect(await upload(server, `boardId=nosuchboard`, { token: ana.token })).toMatchObject({ status: 404 });
  });

  it('deletes a class’s images with the class: reads answer 404', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const onBoard = await upload(server, `boardId=${g1.boardId}`, { token: ana.token });
    const inTemplate = await upload(server, `classId=${teacher.classId}`, { cookie: teacher.cookie });
    expect([await read(server, onBoard.url), await read(server, inTemplate.url)]).toEqual([200, 200]);
    const another = await classWithGroupOfTwo(server);
    const kept = await upload(server, `boardId=${another.g1.boardId}`, { token: another.ana.token });

    expect((await teacher.request('DELETE', `/api/classes/${teacher.classId}`)).status).toBe(204);
    expect([await read(server, onBoard.url), await read(server, inTemplate.url)]).toEqual([404, 404]);
    expect(await read(server, kept.url)).toBe(200);
  });

  it('deletes a group’s uploads with the group, except those another board of the class still shows', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const g2 = await createGroup(teacher, 'Group 2');
    const only = await upload(server, `boardId=${g1.boardId}`, { token: ana.token });
    const shared = await upload(server, `boardId=${g1.boardId}`, { token: ana.token });
    writeDirectly(server, g1.boardId, [
      assetRecord('asset:only', only.url),
      assetRecord('asset:shared', shared.url),
    ]);
    writeDirectly(server, g2.boardId, [assetRecord('asset:pasted', shared.url)]); // a copy pasted there

    const deleted = await teacher.request(
      'DELETE',
      `/api/classes/${teacher.classId}/groups/${g1.groupId}?force=true`,
    );
    expect(deleted.status).toBe(200);
    expect(await read(server, only.url)).toBe(404);
    expect(await read(server, shared.url)).toBe(200);
  });

  it('deletes a board’s images with the board outside any class', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const image = await upload(server, `boardId=${boardId}&user=alice`);
    expect(await read(server, image.url)).toBe(200);
    server.rooms.deleteBoard(boardId, 4410, 'deleted');
    expect(await read(server, image.url)).toBe(404);
  });
});
