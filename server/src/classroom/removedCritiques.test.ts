import { describe, expect, it } from 'vitest';
import type { ContributionTag } from '@conjecture/shared';
import { assign, classWithGroupOfTwo, joinAs } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import { postReply, socketFor } from '../test/sockets.js';
import { connectClient, noteShape, startTestServer, synced, waitFor } from '../test/testServer.js';

/**
 * A student's replies are written into the group's board by the server, so the authorship log names the
 * server, not her: removing her with her marks must find them in the threads. Otherwise a student who
 * floods her classmates' items with replies leaves them all behind, for the teacher to delete one by one.
 */

type Thread = { replies: Array<{ replyId: string; authorId: string; text: string }> };

describe('removing a student with her marks', () => {
  it('takes her critique replies out of every thread on her group’s board, and their tags', async () => {
    const server = await startTestServer({ TAG_DEBOUNCE_MS: '30' });
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const mallory = (await joinAs(server, teacher.joinCode, 'Mallory')).body;
    await assign(teacher, mallory.identity.studentId, g1.groupId);
    const a = connectClient(server, g1.boardId, { token: ana.token });
    await synced(a);
    a.records.set('shape:line', noteShape('shape:line', 'The number line shows 3/4 > 2/3'));
    a.records.set('shape:table', noteShape('shape:table', 'The table doubles each row'));
    await waitFor(
      () => server.rooms.get(g1.boardId)?.records.get('shape:table'),
      'Ana’s shapes on the server',
    );

    const benSocket = socketFor(server, { token: ben.token });
    const mallorySocket = socketFor(server, { token: mallory.token });
    const bens = await postReply(benSocket, g1.boardId, 'question', 'Why are the ticks equal?');
    await postReply(mallorySocket, g1.boardId, 'disagree', 'This is wrong and so are you', 'shape:line');
    await postReply(mallorySocket, g1.boardId, 'disagree', 'Wrong again', 'shape:table');
    const tagged = async () =>
      (
        (await (
          await teacher.request('GET', `/api/classes/${teacher.classId}/tags`)
        ).json()) as ContributionTag[]
      ).filter((t) => t.kind === 'critique_reply');
    // A reply is tagged as it is posted (its words are in the event).
    expect(await tagged()).toHaveLength(3);

    const res = await teacher.request(
      'DELETE',
      `/api/classes/${teacher.classId}/students/${mallory.identity.studentId}`,
      { removeMarks: true },
    );
    expect(res.status).toBe(200);

    await roundTrip(a);
    const thread = (id: string) => a.records.get(id) as Thread | undefined;
    expect(thread(bens.threadId)?.replies.map((r) => r.text)).toEqual(['Why are the ticks equal?']);
    expect(thread('critique:table')).toBeUndefined(); // a thread left with no reply goes
    expect((await tagged()).map((t) => t.text)).toEqual(['Why are the ticks equal?']);
  });
});
