import { describe, expect, it } from 'vitest';
import { shapeBox, type Box } from '@conjecture/shared/board/index';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { connectClient, geoShape, startTestServer, synced, waitFor } from '../test/testServer.js';

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * A question posed beside a selected shape lands in free space near it, above every shape in z-order, as
 * a student's stock client sees it: its text and answer box are never drawn under the work.
 */
describe('where a question card goes', () => {
  it('beside its anchor, overlapping no shape on the board, and above all of them', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    await synced(a);
    // The anchor, with work right beside it and below it (where the card used to go), drawn last (on top).
    const work = [
      geoShape('shape:anchor', { x: 0, y: 0, index: 'a5' }),
      geoShape('shape:right', {
        x: 130,
        y: -40,
        index: 'a6',
        props: { ...(geoShape('x').props as object), w: 400, h: 300 },
      }),
      geoShape('shape:below', {
        x: 0,
        y: 120,
        index: 'a7',
        props: { ...(geoShape('x').props as object), w: 100, h: 300 },
      }),
    ];
    for (const s of work) a.records.set(s.id as string, s);
    await waitFor(() => server.rooms.get(g1.boardId)?.records.get('shape:below'), 'the work to be stored');

    const res = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, {
      text: 'How do you know the ratio is the same?',
      groupId: g1.groupId,
      anchorShapeId: 'shape:anchor',
    });
    expect(res.status).toBe(201);
    const { questionId } = (await res.json()) as { questionId: string };
    const cardId = `shape:question-${questionId}`;
    const card = await waitFor(() => a.records.get(cardId), 'the card on Ana’s board');

    const box = shapeBox(card)!;
    for (const s of work)
      expect({ id: s.id, overlaps: overlaps(box, shapeBox(s)!) }).toEqual({ id: s.id, overlaps: false });
    const anchor = shapeBox(work[0])!;
    expect(Math.hypot(box.x - anchor.x, box.y - anchor.y)).toBeLessThan(800);
    const shapeIndexes = [
      ...work.map((s) => s.index as string),
      (a.records.get('shape:task-card')?.index as string) ?? '',
    ];
    for (const index of shapeIndexes) expect((card.index as string) > index).toBe(true);
  });
});
