import { describe, expect, it } from 'vitest';
import type { Question } from '@conjecture/shared';
import { TASK_CARD_ID } from '@conjecture/shared/board/index';
import { classWithGroupOfTwo } from '../test/classroomClient.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { connectClient, noteShape, startTestServer, synced, waitFor } from '../test/testServer.js';

// The board offers "Critique" on a shape one can select; the task card and question cards are locked and
// cannot be, yet a script could hang a thread on them — pinned on the task every classmate reads first.
describe('what a critique may be anchored on', () => {
  it('refuses the server’s locked cards (the task, a posed question) and takes a classmate’s item', async () => {
    const server = await startTestServer();
    const { teacher, ana, g1 } = await classWithGroupOfTwo(server);
    const board = connectClient(server, g1.boardId, { token: ana.token });
    await synced(board);
    board.records.set('shape:claim', noteShape('shape:claim', '3/4 > 2/3'));
    const posed = (await (
      await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, { text: 'Why?' })
    ).json()) as Question;
    const room = () => server.rooms.get(g1.boardId);
    const questionCard = `shape:question-${posed.questionId}`;
    await waitFor(
      () => room()?.records.get('shape:claim') && room()?.records.get(questionCard),
      'the note and the question card on the server',
    );
    const socket = socketFor(server, { token: ana.token });
    const post = (shapeId: string) =>
      emitRaw(socket, 'postCritique', { boardId: g1.boardId, shapeId, stance: 'disagree', text: 'No.' });

    for (const shapeId of [TASK_CARD_ID, questionCard])
      expect(await post(shapeId)).toEqual({
        ok: false,
        error: {
          code: 'forbidden',
          message: "the task and the teacher's questions are not for critique: critique your group's work",
        },
      });
    expect(
      room()
        ?.records.keys()
        .filter((k) => k.startsWith('critique:')),
    ).toEqual([]);
    expect(await post('shape:claim')).toMatchObject({ ok: true });
  });
});
