import { describe, expect, it } from 'vitest';
import { isInsidePage } from '@conjecture/shared/board/index';
import type { RunningServer } from '../createServer.js';
import { classWithGroupOfTwo, createGroup } from '../test/classroomClient.js';
import { geoShape, noteShape, startTestServer } from '../test/testServer.js';

/**
 * Everything the server places on a board from other shapes' positions is finite and inside the page, and a
 * question is written with its cards or not at all. Client validation refuses a shape beyond ±1e7 now, so the
 * far-away shapes here are written straight into the room, as a board stored before that check may hold them.
 */

/** Writes records into a board as the server would (no client validation on the way). */
function writeDirectly(server: RunningServer, boardId: string, records: Array<Record<string, unknown>>) {
  const room = server.rooms.hold(boardId);
  try {
    room.change((r) => {
      for (const record of records) r.set(record.id as string, record);
    });
    room.stateVector(); // stored before we go on
  } finally {
    server.rooms.release(boardId);
  }
}

function recordOn(server: RunningServer, boardId: string, key: string) {
  const room = server.rooms.hold(boardId);
  try {
    return room.records.get(key) as Record<string, unknown> | undefined;
  } finally {
    server.rooms.release(boardId);
  }
}

async function pose(teacher: Awaited<ReturnType<typeof classWithGroupOfTwo>>['teacher'], body: object) {
  const res = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, body);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('server placements', () => {
  it('places a question card inside the page beside an anchor at x = 1e308, or at Number.MAX_VALUE', async () => {
    const server = await startTestServer();
    const { teacher, g1 } = await classWithGroupOfTwo(server);
    writeDirectly(server, g1.boardId, [
      noteShape('shape:far', 'far away', { x: 1e308, y: 1e308 }),
      geoShape('shape:edge', {
        x: Number.MAX_VALUE,
        y: 0,
        props: { ...(geoShape('x').props as object), w: 1e308 },
      }),
    ]);
    for (const anchorShapeId of ['shape:far', 'shape:edge']) {
      const posed = await pose(teacher, { text: 'How far is that?', groupId: g1.groupId, anchorShapeId });
      expect({ anchorShapeId, status: posed.status }).toEqual({ anchorShapeId, status: 201 });
      const card = recordOn(server, g1.boardId, `shape:question-${String(posed.body.questionId)}`);
      expect(card).toMatchObject({ type: 'question-card' });
      expect(isInsidePage({ x: card?.x as number, y: card?.y as number }, { w: 320, h: 200 })).toBe(true);
    }
    const listed = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/questions`)
    ).json()) as [];
    expect(listed).toHaveLength(2);
  });

  it('stores a question with all its cards or none: a board that cannot take its card refuses it (board_full)', async () => {
    const cap = 64 * 1024;
    const server = await startTestServer({ MAX_BOARD_BYTES: String(cap) });
    const { teacher, g1 } = await classWithGroupOfTwo(server);
    const g2 = await createGroup(teacher, 'Group 2');
    // Fill group 2's board up to a few bytes short of its cap.
    server.rooms.hold(g2.boardId).stateVector();
    server.rooms.release(g2.boardId);
    const room = cap - server.store.loadBytes(g2.boardId);
    writeDirectly(server, g2.boardId, [geoShape('shape:pad', { meta: { pad: 'x'.repeat(room - 400) } })]);
    expect(cap - server.store.loadBytes(g2.boardId)).toBeLessThan(300);

    const posed = await pose(teacher, { text: 'What do you notice?' });
    expect(posed.status).toBe(507);
    expect(posed.body).toMatchObject({ code: 'board_full', message: /Group 2/ });
    // Nothing of it anywhere: no card on group 1's board, no question stored.
    const room1 = server.rooms.hold(g1.boardId);
    expect(room1.records.keys().filter((k) => k.startsWith('shape:question-'))).toEqual([]);
    server.rooms.release(g1.boardId);
    expect(await (await teacher.request('GET', `/api/classes/${teacher.classId}/questions`)).json()).toEqual(
      [],
    );

    // The group whose board has room still gets questions posed to it alone.
    expect((await pose(teacher, { text: 'And you?', groupId: g1.groupId })).status).toBe(201);
  });

  it('refuses a template shape beyond the page, and a template some board cannot take, writing nothing', async () => {
    const cap = 64 * 1024;
    const server = await startTestServer({ MAX_BOARD_BYTES: String(cap) });
    const { teacher, g1 } = await classWithGroupOfTwo(server);
    const put = (records: unknown[]) =>
      teacher.request('PUT', `/api/classes/${teacher.classId}/template`, { records });

    const far = await put([geoShape('shape:template-far', { x: 1e308 })]);
    expect(far.status).toBe(400);
    expect(await far.json()).toMatchObject({ issues: [{ path: ['records', 0], message: /beyond/ }] });

    const big = geoShape('shape:template-big', { meta: { pad: 'x'.repeat(cap) } });
    const tooBig = await put([big]);
    expect(tooBig.status).toBe(507);
    expect(await tooBig.json()).toMatchObject({ code: 'board_full', message: /template on Group 1/ });
    expect(recordOn(server, g1.boardId, 'shape:template-big')).toBeUndefined();
    expect(await (await teacher.request('GET', `/api/classes/${teacher.classId}/template`)).json()).toEqual({
      records: [],
    });
  });
});
