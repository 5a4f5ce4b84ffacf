import { describe, expect, it } from 'vitest';
import type { ContributionTag, TalkMovesModel } from '@conjecture/shared';
import { tagContribution } from '@conjecture/shared';
import { loadTaggerModel } from '../tagging/loadModel.js';
import { silentLogger } from '../util/logger.js';
import { apiOf, classWithGroupOfTwo } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import { emitRaw, postReply, socketFor } from '../test/sockets.js';
import { connectClient, noteShape, startTestServer, synced, waitFor } from '../test/testServer.js';

async function group() {
  const server = await startTestServer({ TAG_DEBOUNCE_MS: '30' });
  const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
  const a = connectClient(server, g1.boardId, { token: ana.token });
  const b = connectClient(server, g1.boardId, { token: ben.token });
  await Promise.all([synced(a), synced(b)]);
  a.records.set('shape:line', noteShape('shape:line', 'The number line shows 3/4 > 2/3'));
  await waitFor(() => b.records.get('shape:line'), 'Ana’s shape');
  const anaSocket = socketFor(server, { token: ana.token });
  const benSocket = socketFor(server, { token: ben.token });
  const teacherSocket = socketFor(server, { classId: teacher.classId }, teacher.cookie);
  return { server, teacher, ana, ben, g1, a, b, anaSocket, benSocket, teacherSocket };
}

type Thread = {
  replies: Array<{ replyId: string; authorId: string; stance: string; text: string }>;
  resolved: unknown;
};

describe('critique threads', () => {
  it('syncs replies to the group, with stance and author from the server', async () => {
    const { ana, ben, g1, a, benSocket, anaSocket } = await group();
    const posted = await emitRaw<{ threadId: string; replyId: string }>(benSocket, 'postCritique', {
      boardId: g1.boardId,
      shapeId: 'shape:line',
      stance: 'disagree',
      text: 'I disagree because the ticks are not equal',
    });
    expect(posted.ok).toBe(true);
    const threadId = posted.ok ? posted.value.threadId : '';
    const thread = await waitFor(
      () => a.records.get(threadId) as Thread | undefined,
      'the thread on Ana’s board',
    );
    expect(thread.replies[0]).toMatchObject({ authorId: ben.identity.studentId, stance: 'disagree' });

    await emitRaw(anaSocket, 'postCritique', {
      boardId: g1.boardId,
      shapeId: 'shape:line',
      stance: 'revise',
      text: 'Now I think I need equal parts',
    });
    await waitFor(() => (a.records.get(threadId) as Thread | undefined)?.replies.length === 2, 'the reply');
    expect((a.records.get(threadId) as Thread).replies[1]).toMatchObject({
      authorId: ana.identity.studentId,
      stance: 'revise',
    });
  });

  it('lets only a reply’s author or the teacher change it, and only the shape’s author or the teacher resolve', async () => {
    const { g1, a, b, anaSocket, benSocket, teacherSocket } = await group();
    const { threadId, replyId } = await postReply(benSocket, g1.boardId, 'question', 'Can you explain why?');
    const edit = (socket: typeof anaSocket, text: string) =>
      emitRaw(socket, 'editCritique', { boardId: g1.boardId, threadId, replyId, stance: 'question', text });
    expect(await edit(anaSocket, 'rewritten by Ana')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await emitRaw(anaSocket, 'deleteCritique', { boardId: g1.boardId, threadId, replyId }),
    ).toMatchObject({ ok: false });
    expect(await edit(benSocket, 'Can you explain why 3/4?')).toMatchObject({ ok: true });
    await waitFor(
      () => (a.records.get(threadId) as Thread | undefined)?.replies[0]?.text === 'Can you explain why 3/4?',
      'the edit',
    );

    // Ben cannot resolve Ana's shape's thread; Ana can; the teacher can too.
    expect(
      await emitRaw(benSocket, 'resolveCritique', { boardId: g1.boardId, threadId, resolved: true }),
    ).toMatchObject({ ok: false });
    expect(
      await emitRaw(anaSocket, 'resolveCritique', { boardId: g1.boardId, threadId, resolved: true }),
    ).toMatchObject({ ok: true });
    await waitFor(() => (b.records.get(threadId) as Thread | undefined)?.resolved, 'resolved');
    expect(
      await emitRaw(teacherSocket, 'deleteCritique', { boardId: g1.boardId, threadId, replyId }),
    ).toMatchObject({ ok: true });
    await waitFor(
      () => (b.records.get(threadId) as Thread | undefined)?.replies.length === 0,
      'the teacher’s delete',
    );
  });

  it('posts a replayed reply once: the same words again from its author are the reply already there', async () => {
    const { g1, a, b, anaSocket, benSocket } = await group();
    const reply = (socket: typeof anaSocket, text: string) =>
      emitRaw<{ threadId: string; replyId: string }>(socket, 'postCritique', {
        boardId: g1.boardId,
        shapeId: 'shape:line',
        stance: 'disagree',
        text,
      });
    const first = await reply(benSocket, 'The ticks are not equal');
    // A double submit, or the same message sent again (a second tab, a script).
    const again = await reply(benSocket, 'The ticks are not equal');
    expect(again).toEqual(first);
    const threadId = first.ok ? first.value.threadId : '';
    // Once a classmate has answered, the same words are a new turn in the talk.
    expect(await reply(anaSocket, 'They are, look again')).toMatchObject({ ok: true });
    expect(await reply(benSocket, 'The ticks are not equal')).toMatchObject({ ok: true });
    await waitFor(() => (a.records.get(threadId) as Thread | undefined)?.replies.length === 3, 'the replies');
    await roundTrip(b);
    expect((b.records.get(threadId) as Thread).replies.map((r) => r.text)).toEqual([
      'The ticks are not equal',
      'They are, look again',
      'The ticks are not equal',
    ]);
  });

  it('writes nothing for an edit or a resolve that changes nothing (a replay): the thread stays as it was', async () => {
    const { ana, g1, a, anaSocket, benSocket, teacherSocket } = await group();
    const { threadId, replyId } = await postReply(
      benSocket,
      g1.boardId,
      'question',
      'Why are the ticks equal?',
    );
    const resolve = (socket: typeof anaSocket) =>
      emitRaw(socket, 'resolveCritique', { boardId: g1.boardId, threadId, resolved: true });
    expect(await resolve(anaSocket)).toEqual({ ok: true, value: null });
    const resolved = await waitFor(
      () => (a.records.get(threadId) as (Thread & { resolved: { by: string } | null }) | undefined)?.resolved,
      'Ana’s resolve',
    );
    expect(resolved.by).toBe(ana.identity.studentId);
    let updates = 0;
    a.doc.on('update', () => updates++);

    // Each thread is rewritten whole: a change that changes nothing would cost a thread's bytes each time.
    const sameWords = {
      boardId: g1.boardId,
      threadId,
      replyId,
      stance: 'question',
      text: 'Why are the ticks equal?',
    };
    expect(await emitRaw(benSocket, 'editCritique', sameWords)).toEqual({ ok: true, value: null });
    expect(await resolve(anaSocket)).toEqual({ ok: true, value: null });
    expect(await resolve(teacherSocket)).toEqual({ ok: true, value: null });
    await roundTrip(a);
    expect(updates).toBe(0);
    expect(a.records.get(threadId)).toMatchObject({
      resolved,
      replies: [{ replyId, text: 'Why are the ticks equal?', editedAt: null }],
    });
  });

  it('refuses a stock client that writes a thread directly: only the server writes critiques', async () => {
    const { g1, a, b, benSocket } = await group();
    const { threadId } = await postReply(benSocket, g1.boardId, 'agree', 'I agree because both are 9/12');
    const thread = await waitFor(() => a.records.get(threadId) as Thread | undefined, 'the thread');
    a.records.set(threadId, {
      ...thread,
      replies: [{ ...thread.replies[0], text: 'Ben says Ana is right about everything' }],
    });
    await waitFor(
      () => (a.records.get(threadId) as Thread).replies[0]?.text === 'I agree because both are 9/12',
      'the forgery reverted',
    );
    await roundTrip(b);
    expect((b.records.get(threadId) as Thread).replies[0]?.text).toBe('I agree because both are 9/12');
    a.records.set('critique:forged', { ...thread, id: 'critique:forged' });
    await waitFor(() => !a.records.has('critique:forged'), 'a forged thread removed');
  });

  it('tags each reply against the item replied to', async () => {
    const { teacher, g1, benSocket, teacherSocket } = await group();
    const tags: ContributionTag[] = [];
    teacherSocket.on('contributionTagged', ({ tag }) => tags.push(tag));
    await waitFor(() => teacherSocket.connected, 'dashboard');
    await emitRaw(benSocket, 'postCritique', {
      boardId: g1.boardId,
      shapeId: 'shape:line',
      stance: 'agree',
      text: 'I agree with Ana because 9/12 is more than 8/12',
    });
    const tag = await waitFor(() => tags.find((t) => t.kind === 'critique_reply'), 'the reply’s tag');
    expect(tag).toMatchObject({ role: 'student', groupId: g1.groupId, classId: teacher.classId });
  });

  it('tags an edited reply again from its new words, in its place, and drops a deleted reply’s tag', async () => {
    const { server, teacher, ben, g1, benSocket, teacherSocket } = await group();
    const id = (replyId: string) => `critique:${g1.boardId}:${replyId}`;
    const untagged: string[] = [];
    teacherSocket.on('contributionUntagged', ({ contributionId }) => untagged.push(contributionId));
    await waitFor(() => teacherSocket.connected, 'dashboard');
    const tags = async () =>
      (await (
        await teacher.request('GET', `/api/classes/${teacher.classId}/tags`)
      ).json()) as ContributionTag[];
    const post = async (text: string) => {
      return postReply(benSocket, g1.boardId, 'question', text);
    };
    const first = await post('Why are the ticks equal?');
    const second = await post('I agree because 9/12 is more than 8/12');
    const before = (await tags()).find((t) => t.contributionId === id(first.replyId));
    expect(before).toMatchObject({ text: 'Why are the ticks equal?', question: true });
    const correction = { move: 'making_a_claim', questionType: null };
    const put = `/api/classes/${teacher.classId}/tags/${encodeURIComponent(id(first.replyId))}`;
    expect((await teacher.request('PUT', put, correction)).status).toBe(200);

    const edit = (stance: string, text: string) =>
      emitRaw(benSocket, 'editCritique', { boardId: g1.boardId, ...first, stance, text });
    // A new stance on the same words: the teacher's correction of those words stays.
    expect(await edit('agree', 'Why are the ticks equal?')).toEqual({ ok: true, value: null });
    expect((await tags()).find((t) => t.contributionId === id(first.replyId))?.corrected).toMatchObject(
      correction,
    );
    // New words: tagged from them, at the reply's place in the thread; the correction was of the old words.
    expect(await edit('agree', 'The ticks are equal so 3/4 is more than 2/3')).toEqual({
      ok: true,
      value: null,
    });
    const after = await tags();
    expect(after.find((t) => t.contributionId === id(first.replyId))).toMatchObject({
      text: 'The ticks are equal so 3/4 is more than 2/3',
      question: false,
      taggedAt: before?.taggedAt,
      author: ben.identity.studentId,
      corrected: null,
    });
    expect(after.map((t) => t.contributionId).filter((c) => c.startsWith('critique:'))).toEqual([
      id(first.replyId),
      id(second.replyId),
    ]);
    // The later reply, edited, is read against what it answers: the shape and the reply before it.
    const reread = 'So the ticks being equal means 9/12 is more than 8/12';
    await emitRaw(benSocket, 'editCritique', {
      boardId: g1.boardId,
      ...second,
      stance: 'agree',
      text: reread,
    });
    const expected = tagContribution(loadTaggerModel(undefined, silentLogger) as TalkMovesModel, {
      role: 'student',
      text: reread,
      context: [
        { role: 'student', text: 'The number line shows 3/4 > 2/3' },
        { role: 'student', text: 'The ticks are equal so 3/4 is more than 2/3' },
      ],
    });
    expect((await tags()).find((t) => t.contributionId === id(second.replyId))).toMatchObject({
      text: reread,
      move: expected.move,
      confidence: expected.confidence,
    });

    expect(await emitRaw(benSocket, 'deleteCritique', { boardId: g1.boardId, ...first })).toEqual({
      ok: true,
      value: null,
    });
    expect((await tags()).map((t) => t.contributionId).filter((c) => c.startsWith('critique:'))).toEqual([
      id(second.replyId),
    ]);
    // The dashboard's list drops it live.
    await waitFor(() => untagged.includes(id(first.replyId)), 'the dashboard told');
    const mine = await apiOf(server, ben.token).myWork({ params: { classId: teacher.classId } });
    expect(mine.contributions.filter((c) => c.kind === 'critique_reply').map((c) => c.text)).toEqual([
      reread,
    ]);
  });

  it('refuses replies while the class is paused, and on shapes that do not exist', async () => {
    const { teacher, g1, benSocket } = await group();
    expect(
      await emitRaw(benSocket, 'postCritique', {
        boardId: g1.boardId,
        shapeId: 'shape:nothing',
        stance: 'agree',
        text: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { paused: true });
    expect(
      await emitRaw(benSocket, 'postCritique', {
        boardId: g1.boardId,
        shapeId: 'shape:line',
        stance: 'agree',
        text: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'class_paused' } });
  });

  it('answers every critique command class_paused while the class is paused or ended, as answers and hands are', async () => {
    const { teacher, g1, a, anaSocket, benSocket, teacherSocket } = await group();
    const { threadId, replyId } = await postReply(benSocket, g1.boardId, 'question', 'Why 3/4?');
    const commands = {
      post: () =>
        emitRaw(benSocket, 'postCritique', {
          boardId: g1.boardId,
          shapeId: 'shape:line',
          stance: 'agree',
          text: 'x',
        }),
      edit: () =>
        emitRaw(benSocket, 'editCritique', {
          boardId: g1.boardId,
          threadId,
          replyId,
          stance: 'question',
          text: 'y',
        }),
      delete: () => emitRaw(benSocket, 'deleteCritique', { boardId: g1.boardId, threadId, replyId }),
      // Ana wrote the shape: hers to resolve, when she may write.
      resolve: () => emitRaw(anaSocket, 'resolveCritique', { boardId: g1.boardId, threadId, resolved: true }),
    };
    const patch = async (body: Record<string, boolean>) =>
      expect((await teacher.request('PATCH', `/api/classes/${teacher.classId}`, body)).status).toBe(200);
    const refusals = async () =>
      Object.fromEntries(
        await Promise.all(Object.entries(commands).map(async ([name, run]) => [name, await run()])),
      ) as Record<string, unknown>;

    await patch({ paused: true });
    const paused = { ok: false, error: { code: 'class_paused', message: /paused/ } };
    expect(await refusals()).toMatchObject({ post: paused, edit: paused, delete: paused, resolve: paused });
    await patch({ paused: false, ended: true });
    const ended = { ok: false, error: { code: 'class_paused', message: /ended/ } };
    expect(await refusals()).toMatchObject({ post: ended, edit: ended, delete: ended, resolve: ended });
    // Nothing was written meanwhile; the teacher still moderates.
    expect(
      await emitRaw(teacherSocket, 'deleteCritique', { boardId: g1.boardId, threadId, replyId }),
    ).toEqual({ ok: true, value: null });
    await waitFor(() => (a.records.get(threadId) as Thread | undefined)?.replies.length === 0, 'the delete');
  });
});
