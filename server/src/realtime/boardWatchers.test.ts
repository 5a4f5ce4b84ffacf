import { describe, expect, it } from 'vitest';
import type { ContributionTag } from '@conjecture/shared';
import { assign, classWithGroupOfTwo, createGroup } from '../test/classroomClient.js';
import { emitRaw, socketFor, type ClientSocket } from '../test/sockets.js';
import {
  connectClient,
  createBoard,
  noteShape,
  startTestServer,
  synced,
  waitFor,
} from '../test/testServer.js';

/**
 * A board's watchers hear its tags — the words of every text and reply written on it — and its state vectors.
 * Whoever may no longer open the board (moved to another group, a board the projector no longer shows) stops
 * hearing them at once, whatever their client does: a page that never unwatches must not keep listening to a
 * group it left.
 */

/** Resolves once everything the server sent this socket before now has arrived (its answers come in order). */
const roundTripOn = (socket: ClientSocket) => emitRaw(socket, 'raiseHand', { raised: false });

async function lessonWithTwoGroups() {
  // A board text is tagged a debounce after it rests: none is wanted here, only the note's tag settled.
  const server = await startTestServer({ TAG_DEBOUNCE_MS: '0' });
  const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
  const g2 = await createGroup(teacher, 'Group 2');
  const teacherSocket = socketFor(server, { classId: teacher.classId }, teacher.cookie);
  const teacherTags: ContributionTag[] = [];
  teacherSocket.on('contributionTagged', ({ tag }) => teacherTags.push(tag));
  await waitFor(() => teacherSocket.connected, 'the dashboard');
  const b = connectClient(server, g1.boardId, { token: ben.token });
  await synced(b);
  const note = 'The number line shows 3/4 > 2/3';
  b.records.set('shape:bens', noteShape('shape:bens', note));
  // Wait for the note's tag on the dashboard, not for Ben's client to hold the note (it does at once): then the
  // server has the note, which Ben's replies need, and its tag — sent on a timer, to the board's watchers too —
  // went out before anyone below watches instead of into what a watcher hears.
  await waitFor(() => teacherTags.some((t) => t.text === note), 'the note’s tag on the dashboard');
  const benSocket = socketFor(server, { token: ben.token });
  /**
   * Ben replies on his board; resolves once the teacher has its tag. The server sends it to the teacher and to
   * the board's watchers in one step (realtime.ts), so a round trip a watcher starts after this comes after it.
   */
  const benReplies = async (text: string) => {
    expect(
      await emitRaw(benSocket, 'postCritique', {
        boardId: g1.boardId,
        shapeId: 'shape:bens',
        stance: 'agree',
        text,
      }),
    ).toMatchObject({ ok: true });
    await waitFor(() => teacherTags.some((t) => t.text === text), 'the reply’s tag on the dashboard');
  };
  return { server, teacher, ana, g1, g2, benReplies };
}

describe('board watchers who lose the board', () => {
  it('a student moved to another group hears nothing more of the old group’s board', async () => {
    const { server, teacher, ana, g1, g2, benReplies } = await lessonWithTwoGroups();
    const anaSocket = socketFor(server, { token: ana.token });
    const heard: string[] = [];
    anaSocket.on('contributionTagged', ({ tag }) => heard.push(tag.text));
    expect(await emitRaw(anaSocket, 'watchBoard', { boardId: g1.boardId })).toMatchObject({ ok: true });
    await benReplies('I agree because 9/12 is more');
    await roundTripOn(anaSocket);
    expect(heard).toEqual(['I agree because 9/12 is more']);

    expect((await assign(teacher, ana.identity.studentId, g2.groupId)).status).toBe(200);
    await benReplies('Ana left, so now I think it is 8/12');
    await roundTripOn(anaSocket);
    expect(heard).toEqual(['I agree because 9/12 is more']);
    // Watching it again is refused, as opening it is.
    expect(await emitRaw(anaSocket, 'watchBoard', { boardId: g1.boardId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('the projector hears nothing more of a board the teacher stopped showing', async () => {
    const { server, teacher, g1, benReplies } = await lessonWithTwoGroups();
    const session = await fetch(`${server.url}/api/classes/${teacher.classId}/projector-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: teacher.projectorKey }),
    });
    const { token } = (await session.json()) as { token: string };
    const projector = socketFor(server, { token });
    const heard: string[] = [];
    projector.on('contributionTagged', ({ tag }) => heard.push(tag.text));
    const project = (boardIds: string[]) =>
      teacher.api.setProjection({
        params: { classId: teacher.classId },
        body: { boardIds, anonymize: false },
      });
    await project([g1.boardId]);
    expect(await emitRaw(projector, 'watchBoard', { boardId: g1.boardId })).toMatchObject({ ok: true });
    await benReplies('Shown on the screen');
    // The projector's round trip: an event it may not send is still answered, in order.
    await emitRaw(projector, 'unwatchBoard', { boardId: 'nothing-here' });
    expect(heard).toEqual(['Shown on the screen']);

    await project([]);
    await benReplies('Not shown any more');
    await emitRaw(projector, 'unwatchBoard', { boardId: 'nothing-here' });
    expect(heard).toEqual(['Shown on the screen']);
  });

  it('a class’s credentials watch only their class’s boards: none outside it is held for them', async () => {
    const server = await startTestServer();
    const { teacher, ana } = await classWithGroupOfTwo(server);
    // A board outside every class, which anyone with its id may open; a watch holds it in memory, so a
    // student's or the teacher's socket watching boards that are not its class's would pin any number of them.
    const outside = await createBoard(server);
    const anaSocket = socketFor(server, { token: ana.token });
    const teacherSocket = socketFor(server, { classId: teacher.classId }, teacher.cookie);
    for (const socket of [anaSocket, teacherSocket])
      expect(await emitRaw(socket, 'watchBoard', { boardId: outside })).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: /not in your class/ },
      });
    // A socket of no class still watches it (the standalone board's page).
    const standalone = socketFor(server, {});
    expect(await emitRaw(standalone, 'watchBoard', { boardId: outside })).toMatchObject({ ok: true });
  });
});
