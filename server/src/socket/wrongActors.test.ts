import { describe, expect, it } from 'vitest';
import { assign, classWithGroupOfTwo, createGroup } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import { emitRaw, postReply, socketFor } from '../test/sockets.js';
import { connectClient, noteShape, startTestServer, synced, waitFor } from '../test/testServer.js';

/**
 * Well-formed events from the wrong actor: a credential that may not write (the projector's link, on the
 * classroom screen), and a student's page still open on a group they were moved out of. Each is refused with
 * a clear code and changes nothing.
 */

type Thread = { replies: Array<{ replyId: string; text: string }>; resolved: unknown };

async function lesson() {
  const server = await startTestServer();
  const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
  const a = connectClient(server, g1.boardId, { token: ana.token });
  await synced(a);
  a.records.set('shape:line', noteShape('shape:line', 'The number line shows 3/4 > 2/3'));
  await waitFor(() => server.rooms.get(g1.boardId)?.records.get('shape:line'), 'Ana’s shape on the server');
  const benSocket = socketFor(server, { token: ben.token });
  const { threadId, replyId } = await postReply(
    benSocket,
    g1.boardId,
    'question',
    'Why are the ticks equal?',
  );
  const question = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, {
    text: 'How do you know?',
  });
  const { questionId } = (await question.json()) as { questionId: string };
  return { server, teacher, ana, ben, g1, a, benSocket, threadId, replyId, questionId };
}

describe('events from the wrong actor', () => {
  it('refuses every write from the projector’s link: it shows, and changes nothing', async () => {
    const { server, teacher, ana, g1, a, threadId, replyId, questionId } = await lesson();
    const session = await fetch(`${server.url}/api/classes/${teacher.classId}/projector-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: teacher.projectorKey }),
    });
    const { token } = (await session.json()) as { token: string };
    const projector = socketFor(server, { token });
    const boardId = g1.boardId;
    const writes: Array<[string, unknown]> = [
      ['answerQuestion', { questionId, text: 'Written from the screen' }],
      ['raiseHand', { raised: true }],
      ['clearHand', { studentId: ana.identity.studentId }],
      ['postCritique', { boardId, shapeId: 'shape:line', stance: 'agree', text: 'From the screen' }],
      ['editCritique', { boardId, threadId, replyId, stance: 'agree', text: 'Rewritten' }],
      ['deleteCritique', { boardId, threadId, replyId }],
      ['resolveCritique', { boardId, threadId, resolved: true }],
    ];
    for (const [event, payload] of writes)
      expect([event, await emitRaw(projector, event, payload)]).toMatchObject([
        event,
        { ok: false, error: { code: 'forbidden' } },
      ]);
    await roundTrip(a);
    expect(a.records.get(threadId)).toMatchObject({
      resolved: null,
      replies: [{ replyId, text: 'Why are the ticks equal?' }],
    });
    expect(server.classroom.raisedHands(teacher.classId)).toEqual([]);
    const listed = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/questions`)
    ).json()) as Array<{ answers: unknown[] }>;
    expect(listed[0]?.answers).toEqual([]);
  });

  it('a student moved to another group changes nothing on the old board from the page left open', async () => {
    const { teacher, ben, g1, a, benSocket, threadId, replyId } = await lesson();
    const g2 = await createGroup(teacher, 'Group 2');
    await assign(teacher, ben.identity.studentId, g2.groupId);
    const boardId = g1.boardId;
    const writes: Array<[string, unknown]> = [
      ['postCritique', { boardId, shapeId: 'shape:line', stance: 'agree', text: 'From the old group' }],
      ['editCritique', { boardId, threadId, replyId, stance: 'agree', text: 'Rewritten after leaving' }],
      ['deleteCritique', { boardId, threadId, replyId }],
    ];
    for (const [event, payload] of writes)
      expect([event, await emitRaw(benSocket, event, payload)]).toMatchObject([
        event,
        { ok: false, error: { code: 'forbidden', message: /not your group/ } },
      ]);
    // His reply stays where the group can read it (the teacher moderates it now).
    await roundTrip(a);
    expect((a.records.get(threadId) as Thread).replies).toMatchObject([
      { replyId, text: 'Why are the ticks equal?' },
    ]);
  });
});
