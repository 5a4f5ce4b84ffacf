import { describe, expect, it } from 'vitest';
import type { Answer, Result } from '@conjecture/shared';
import { clientEventBudgets, MAX_ANSWERS_PER_QUESTION } from '@conjecture/shared';
import type { TeacherHandle } from '../test/classroomClient.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { assign, createClassAsTeacher, createGroup, joinAs } from '../test/classroomClient.js';
import { connectClient, geoShape, startTestServer, synced, waitFor } from '../test/testServer.js';

async function lesson(now?: () => number) {
  const server = await startTestServer({}, now ? { now } : {});
  const teacher: TeacherHandle = await createClassAsTeacher(server);
  const ana = (await joinAs(server, teacher.joinCode, 'Ana')).body;
  const cy = (await joinAs(server, teacher.joinCode, 'Cy')).body;
  const g1 = await createGroup(teacher, 'Group 1');
  const g2 = await createGroup(teacher, 'Group 2');
  await assign(teacher, ana.identity.studentId, g1.groupId);
  await assign(teacher, cy.identity.studentId, g2.groupId);
  const teacherSocket = socketFor(server, { classId: teacher.classId }, teacher.cookie);
  await waitFor(() => teacherSocket.connected, 'the teacher’s socket');
  return { server, teacher, ana, cy, g1, g2, teacherSocket };
}

describe('purposeful questions, live', () => {
  it('places a locked card on the target group’s board only, and streams answers to the teacher', async () => {
    const { server, teacher, ana, cy, g1, g2, teacherSocket } = await lesson();
    const a = connectClient(server, g1.boardId, { token: ana.token });
    const c = connectClient(server, g2.boardId, { token: cy.token });
    await Promise.all([synced(a), synced(c)]);
    // Clear of the task card the server places at the top left of every group board.
    a.records.set('shape:ratio-table', geoShape('shape:ratio-table', { x: 1000, y: 600 }));
    await waitFor(
      () => server.rooms.get(g1.boardId)?.records.get('shape:ratio-table'),
      'the anchor shape to be stored',
    );

    const answers: Answer[] = [];
    teacherSocket.on('answerPosted', ({ answer }) => answers.push(answer));
    const posed = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, {
      text: 'How do you know 3/4 is more than 2/3?',
      groupId: g1.groupId,
      anchorShapeId: 'shape:ratio-table',
    });
    expect(posed.status).toBe(201);
    const { questionId } = (await posed.json()) as { questionId: string };
    const cardId = `shape:question-${questionId}`;
    const card = await waitFor(() => a.records.get(cardId), 'the card on group 1’s board');
    expect(card).toMatchObject({ type: 'question-card', x: 1000 + 100 + 40, y: 600, props: { questionId } });

    // Students cannot move, edit or delete it.
    a.records.set(cardId, { ...card, x: 0 });
    await waitFor(() => a.records.get(cardId)?.x === 1140, 'the move to be reverted');
    a.records.delete(cardId);
    await waitFor(() => a.records.get(cardId)?.x === 1140, 'the delete to be reverted');
    expect(c.records.get(cardId)).toBeUndefined();

    const anaSocket = socketFor(server, { token: ana.token });
    const answered = await emitRaw<Answer>(anaSocket, 'answerQuestion', {
      questionId,
      text: 'Because 9/12 > 8/12',
    });
    expect(answered).toMatchObject({ ok: true, value: { studentId: ana.identity.studentId } });
    await waitFor(() => answers.length === 1, 'the answer on the teacher’s dashboard');
    expect(answers[0]?.text).toBe('Because 9/12 > 8/12');

    // Another group's student cannot answer it; the teacher cannot answer as a student.
    const cySocket = socketFor(server, { token: cy.token });
    expect(await emitRaw(cySocket, 'answerQuestion', { questionId, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await emitRaw(teacherSocket, 'answerQuestion', { questionId, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await emitRaw(anaSocket, 'answerQuestion', { questionId, text: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });

    const listed = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/questions`)
    ).json()) as Array<{ answers: Answer[] }>;
    expect(listed[0]?.answers.map((x) => x.text)).toEqual(['Because 9/12 > 8/12']);
  });

  it(`keeps ${MAX_ANSWERS_PER_QUESTION} answers per student and question, however many sockets send them`, async () => {
    const clock = { at: 1_000_000 };
    const { server, teacher, ana, cy } = await lesson(() => clock.at);
    const posed = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, {
      text: 'What do you notice?',
    });
    const { questionId } = (await posed.json()) as { questionId: string };
    // A script on several sockets shares one event budget (a burst of 5, then 1 every 2 s), and waits for
    // it to refill: the answers stop at the cap all the same.
    const sockets = Array.from({ length: 6 }, () => socketFor(server, { token: ana.token }));
    const { burst, perSecond } = clientEventBudgets.answerQuestion;
    const results: Array<Result<Answer>> = [];
    for (let round = 0; round < 4; round++) {
      const sent = sockets.map((socket, s) =>
        emitRaw<Answer>(socket, 'answerQuestion', { questionId, text: `spam ${round}.${s}` }),
      );
      results.push(...(await Promise.all(sent)));
      clock.at += (burst / perSecond) * 1000;
    }
    const rateLimited = results.filter((r) => !r.ok && r.error.code === 'rate_limited');
    expect(rateLimited).toHaveLength(4 * (sockets.length - burst)); // the sockets share the burst
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_ANSWERS_PER_QUESTION);
    expect(results.find((r) => !r.ok && r.error.code !== 'rate_limited')).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /answered this question/ },
    });
    // A classmate's answers are their own to count.
    const cySocket = socketFor(server, { token: cy.token });
    expect(await emitRaw(cySocket, 'answerQuestion', { questionId, text: 'Mine' })).toMatchObject({
      ok: true,
    });
    const listed = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/questions`)
    ).json()) as Array<{ answers: Answer[] }>;
    expect(listed[0]?.answers).toHaveLength(MAX_ANSWERS_PER_QUESTION + 1);
  });

  it('stores a replayed answer once: the same words again are answered with the answer already kept', async () => {
    const { server, teacher, ana } = await lesson();
    const posed = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, {
      text: 'Which is bigger?',
    });
    const { questionId } = (await posed.json()) as { questionId: string };
    // A double submit, or a second tab (or a script) sending the same message again.
    const [tab1, tab2] = [socketFor(server, { token: ana.token }), socketFor(server, { token: ana.token })];
    const first = await emitRaw<Answer>(tab1, 'answerQuestion', { questionId, text: '3/4, it is 9/12' });
    const again = await emitRaw<Answer>(tab2, 'answerQuestion', { questionId, text: '3/4, it is 9/12' });
    expect(first.ok && again.ok && again.value.answerId === first.value.answerId).toBe(true);
    // New words are a new answer.
    expect(
      await emitRaw<Answer>(tab1, 'answerQuestion', { questionId, text: 'Now I think 2/3' }),
    ).toMatchObject({ ok: true });
    const listed = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/questions`)
    ).json()) as Array<{ answers: Answer[] }>;
    expect(listed[0]?.answers.map((x) => x.text)).toEqual(['3/4, it is 9/12', 'Now I think 2/3']);
  });

  it('poses to every group when no group is named', async () => {
    const { server, teacher, ana, cy, g1, g2 } = await lesson();
    const a = connectClient(server, g1.boardId, { token: ana.token });
    const c = connectClient(server, g2.boardId, { token: cy.token });
    await Promise.all([synced(a), synced(c)]);
    const res = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, {
      text: 'What do you notice?',
    });
    const { questionId } = (await res.json()) as { questionId: string };
    await waitFor(
      () => a.records.get(`shape:question-${questionId}`) && c.records.get(`shape:question-${questionId}`),
      'cards on both boards',
    );
  });

  it('poses a replayed question once: the same words to the same boards, already on them, are that question', async () => {
    const { server, teacher, g1 } = await lesson();
    const pose = async (body: Record<string, unknown>) => {
      const res = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, body);
      expect(res.status).toBe(201);
      return ((await res.json()) as { questionId: string }).questionId;
    };
    const cards = (boardId: string) =>
      server.rooms.transact(boardId, (room) =>
        room.records.keys().filter((key) => key.startsWith('shape:question-')),
      );
    const toAll = { text: 'What do you notice?' };
    const first = await pose(toAll);
    // A double submit, or a request the browser sent again after a dropped connection.
    expect(await pose(toAll)).toBe(first);
    expect(cards(g1.boardId)).toEqual([`shape:question-${first}`]);
    // Other words, or the same words after another question, are a new question.
    const other = await pose({ text: 'What do you wonder?' });
    expect(other).not.toBe(first);
    expect(await pose(toAll)).not.toBe(first);
    // A group made since has no card yet: the same words again place one there.
    const g3 = await createGroup(teacher, 'Group 3');
    const again = await pose(toAll);
    expect(await pose(toAll)).toBe(again);
    expect(cards(g3.boardId)).toEqual([`shape:question-${again}`]);
    const listed = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/questions`)
    ).json()) as unknown[];
    expect(listed).toHaveLength(4);
  });

  it('refuses posing from a student and answers from no one', async () => {
    const { server, teacher, ana } = await lesson();
    const res = await fetch(`${server.url}/api/classes/${teacher.classId}/questions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ana.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Can I pose?' }),
    });
    expect(res.status).toBe(403);
    const anonymous = socketFor(server, {});
    expect(await emitRaw(anonymous, 'answerQuestion', { questionId: 'q', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('shows raised hands to the teacher, who alone clears them', async () => {
    const { server, ana, teacherSocket } = await lesson();
    const hands: string[][] = [];
    teacherSocket.on('handsChanged', (h) => hands.push(h.raised));
    const anaSocket = socketFor(server, { token: ana.token });
    const seenByAna: string[][] = [];
    anaSocket.on('handsChanged', (h) => seenByAna.push(h.raised));
    expect(await emitRaw(anaSocket, 'raiseHand', { raised: true })).toEqual({ ok: true, value: null });
    await waitFor(() => hands.at(-1)?.[0] === ana.identity.studentId, 'the hand on the dashboard');
    expect(await emitRaw(anaSocket, 'clearHand', { studentId: ana.identity.studentId })).toMatchObject({
      ok: false,
    });
    expect(await emitRaw(teacherSocket, 'clearHand', { studentId: ana.identity.studentId })).toEqual({
      ok: true,
      value: null,
    });
    await waitFor(() => hands.at(-1)?.length === 0, 'the hand to be cleared');
    await waitFor(() => seenByAna.at(-1)?.length === 0, 'the student to see the teacher cleared it');
  });

  it('tells a student of their own hand only: who else asked for help is the teacher’s to know', async () => {
    const { server, ana, cy, teacherSocket } = await lesson();
    const hands: string[][] = [];
    teacherSocket.on('handsChanged', (h) => hands.push(h.raised));
    const anaSocket = socketFor(server, { token: ana.token });
    const cySocket = socketFor(server, { token: cy.token });
    const seenByCy: string[][] = [];
    cySocket.on('handsChanged', (h) => seenByCy.push(h.raised));
    expect(await emitRaw(anaSocket, 'raiseHand', { raised: true })).toEqual({ ok: true, value: null });
    // Cy's own hand next: what Cy hears of it comes after anything Ana's hand could have told Cy's socket.
    expect(await emitRaw(cySocket, 'raiseHand', { raised: true })).toEqual({ ok: true, value: null });
    await waitFor(() => seenByCy.at(-1)?.includes(cy.identity.studentId), 'Cy to see their hand up');
    await waitFor(() => hands.at(-1)?.length === 2, 'both hands on the dashboard');
    expect(seenByCy.flat()).not.toContain(ana.identity.studentId);
    expect(seenByCy.at(-1)).toEqual([cy.identity.studentId]);
  });

  it('answers not_found when the teacher clears the hand of a student not in the class', async () => {
    const { server, ana, teacherSocket } = await lesson();
    // Another class's student: a teacher (or a script with the teacher's cookie) cannot reach into it.
    const other = await createClassAsTeacher(server, 'Other');
    const stranger = (await joinAs(server, other.joinCode, 'Zed')).body;
    const strangerSocket = socketFor(server, { token: stranger.token });
    expect(await emitRaw(strangerSocket, 'raiseHand', { raised: true })).toEqual({ ok: true, value: null });
    for (const studentId of [stranger.identity.studentId, 'no-such-student'])
      expect(await emitRaw(teacherSocket, 'clearHand', { studentId })).toMatchObject({
        ok: false,
        error: { code: 'not_found', message: 'no such student in this class' },
      });
    expect(server.classroom.raisedHands(other.classId)).toEqual([stranger.identity.studentId]);
    // Clearing a hand that is down stays fine for the class's own students.
    expect(await emitRaw(teacherSocket, 'clearHand', { studentId: ana.identity.studentId })).toEqual({
      ok: true,
      value: null,
    });
  });
  it('refuses answers and raised hands while the class is paused or ended, with class_paused', async () => {
    const { server, teacher, ana } = await lesson();
    const posed = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, {
      text: 'Why?',
    });
    const { questionId } = (await posed.json()) as { questionId: string };
    const anaSocket = socketFor(server, { token: ana.token });
    const answer = () => emitRaw<Answer>(anaSocket, 'answerQuestion', { questionId, text: 'Because.' });
    const raise = () => emitRaw(anaSocket, 'raiseHand', { raised: true });
    const patch = async (body: Record<string, boolean>) =>
      expect((await teacher.request('PATCH', `/api/classes/${teacher.classId}`, body)).status).toBe(200);

    await patch({ paused: true });
    expect(await answer()).toMatchObject({ ok: false, error: { code: 'class_paused', message: /paused/ } });
    expect(await raise()).toMatchObject({ ok: false, error: { code: 'class_paused' } });
    expect(server.classroom.raisedHands(teacher.classId)).toEqual([]);

    await patch({ paused: false });
    expect(await answer()).toMatchObject({ ok: true });
    expect(await raise()).toEqual({ ok: true, value: null });

    await patch({ ended: true });
    expect(await answer()).toMatchObject({ ok: false, error: { code: 'class_paused', message: /ended/ } });
    expect(await raise()).toMatchObject({ ok: false, error: { code: 'class_paused' } });
    const listed = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/questions`)
    ).json()) as Array<{ answers: Answer[] }>;
    expect(listed[0]?.answers).toHaveLength(1);
  });
});
