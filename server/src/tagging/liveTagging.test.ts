import { describe, expect, it } from 'vitest';
import { io as connectSocket } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ContributionTag, Result, ServerToClientEvents } from '@conjecture/shared';
import { PROTOCOL_VERSION, STUDENT_MOVES, TagSummarySchema, tagContribution } from '@conjecture/shared';
import { silentLogger } from '../util/logger.js';
import { loadTaggerModel } from './loadModel.js';

const model = () => {
  const m = loadTaggerModel(undefined, silentLogger);
  if (!m) throw new Error('the repository’s tagger model did not load');
  return m;
};
import { assign, createClassAsTeacher, createGroup, joinAs } from '../test/classroomClient.js';
import { connectClient, noteShape, onCleanup, startTestServer, synced, waitFor } from '../test/testServer.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

async function lesson() {
  const server = await startTestServer({ TAG_DEBOUNCE_MS: '60' });
  const teacher = await createClassAsTeacher(server);
  const ana = (await joinAs(server, teacher.joinCode, 'Ana')).body;
  const g1 = await createGroup(teacher, 'Group 1');
  await assign(teacher, ana.identity.studentId, g1.groupId);
  const dashboard: ClientSocket = connectSocket(server.url, {
    auth: { protocolVersion: PROTOCOL_VERSION, classId: teacher.classId },
    extraHeaders: { cookie: teacher.cookie },
    transports: ['websocket'],
  });
  onCleanup(() => dashboard.disconnect());
  const tags: ContributionTag[] = [];
  dashboard.on('contributionTagged', ({ tag }) => tags.push(tag));
  await waitFor(() => dashboard.connected, 'the dashboard socket');
  return { server, teacher, ana, g1, dashboard, tags };
}

describe('live tagging', () => {
  it('tags a sticky note a stock client adds, stores the tag and streams it to the dashboard', async () => {
    const { server, teacher, ana, g1, tags } = await lesson();
    const a = connectClient(server, g1.boardId, { token: ana.token });
    await synced(a);
    a.records.set('shape:n1', noteShape('shape:n1', 'I think 3/4 is bigger than 2/3'));
    const tag = await waitFor(() => tags.find((t) => t.shapeId === 'shape:n1'), 'the tag on the dashboard');
    expect(tag).toMatchObject({
      kind: 'board_text',
      role: 'student',
      author: ana.identity.studentId,
      groupId: g1.groupId,
    });
    // The live pipeline gives exactly what the pure tagger gives for the same text and context.
    const expected = tagContribution(model(), {
      role: 'student',
      text: 'I think 3/4 is bigger than 2/3',
      context: [],
    });
    expect({ move: tag.move, confidence: tag.confidence, questionType: tag.questionType }).toEqual({
      move: expected.move,
      confidence: expected.confidence,
      questionType: expected.questionType,
    });
    expect(STUDENT_MOVES).toContain(tag.move);
    expect(tag.cues.length).toBeGreaterThan(0);
    const stored = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/tags`)
    ).json()) as ContributionTag[];
    expect(stored.map((t) => t.contributionId)).toContain(tag.contributionId);

    // Typing on: the settled text is tagged, with the earlier note as context. (That a text is tagged only once
    // it rests is the debounce's, tested on a fake clock in taggingService.test.ts: over real sockets on a busy
    // machine, two writes sent together can still reach the server further apart than the debounce.)
    const settled = 'because 9/12 is more than 8/12';
    a.records.set('shape:n2', noteShape('shape:n2', 'because'));
    a.records.set('shape:n2', noteShape('shape:n2', settled));
    const reasoning = await waitFor(
      () => tags.find((t) => t.shapeId === 'shape:n2' && t.text === settled),
      'the second note',
    );
    const withContext = tagContribution(model(), {
      role: 'student',
      text: 'because 9/12 is more than 8/12',
      context: [{ role: 'student', text: 'I think 3/4 is bigger than 2/3' }],
    });
    expect(reasoning.move).toBe(withContext.move);
    expect(tags.filter((t) => t.shapeId === 'shape:n2')).toHaveLength(1);

    // The first note now has a next one on its board: it is tagged again with it, keeping its place.
    const withNext = tagContribution(model(), {
      role: 'student',
      text: 'I think 3/4 is bigger than 2/3',
      context: [],
      next: [{ role: 'student', text: 'because 9/12 is more than 8/12' }],
    });
    const after = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/tags`)
    ).json()) as ContributionTag[];
    const first = after.find((t) => t.shapeId === 'shape:n1');
    expect(first).toMatchObject({
      move: withNext.move,
      confidence: withNext.confidence,
      question: false,
      taggedAt: tag.taggedAt,
    });
  });

  it('tags the teacher’s questions and students’ answers, and summarises them for the dashboard', async () => {
    const { server, teacher, ana, g1, tags } = await lesson();
    const posed = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, {
      text: 'How do you know your answer is right?',
      groupId: g1.groupId,
    });
    const { questionId } = (await posed.json()) as { questionId: string };
    const student: ClientSocket = connectSocket(server.url, {
      auth: { protocolVersion: PROTOCOL_VERSION, token: ana.token },
      transports: ['websocket'],
    });
    onCleanup(() => student.disconnect());
    await new Promise<Result<unknown>>((resolve) =>
      student.emit('answerQuestion', { questionId, text: 'Because both are 9/12' }, resolve),
    );
    const question = await waitFor(() => tags.find((t) => t.kind === 'question'), 'the question’s tag');
    expect(question.questionType).toBe('encouraging_reflection_and_justification');
    const answer = await waitFor(() => tags.find((t) => t.kind === 'answer'), 'the answer’s tag');
    expect(answer).toMatchObject({ role: 'student', groupId: g1.groupId });
    const summary = TagSummarySchema.parse(
      await (await teacher.request('GET', `/api/classes/${teacher.classId}/tags/summary`)).json(),
    );
    expect(summary.teacherQuestions.encouraging_reflection_and_justification).toBe(1);
    expect(Object.values(summary.groups[g1.groupId]?.moves ?? {}).reduce((a, b) => a + b, 0)).toBe(1);

    // The teacher takes the type away but keeps it a question (a changed move on a withheld type), then
    // calls it no question at all.
    const correct = async (body: unknown) => {
      const path = `/api/classes/${teacher.classId}/tags/${encodeURIComponent(question.contributionId)}`;
      const res = await teacher.request('PUT', path, body);
      const summary = TagSummarySchema.parse(
        await (await teacher.request('GET', `/api/classes/${teacher.classId}/tags/summary`)).json(),
      );
      return { status: res.status, summary, tag: (await res.json()) as ContributionTag };
    };
    const untyped = await correct({ move: 'pressing_for_reasoning', questionType: null, question: true });
    expect(untyped.tag.corrected).toMatchObject({ questionType: null, question: true });
    expect(untyped.summary).toMatchObject({ teacherQuestions: {}, teacherQuestionsUntyped: 1 });
    const statement = await correct({ move: 'pressing_for_reasoning', questionType: null });
    expect(statement.tag.corrected).toMatchObject({ questionType: null, question: false });
    expect(statement.summary).toMatchObject({ teacherQuestions: {}, teacherQuestionsUntyped: 0 });
    const typedStatement = { move: 'none', questionType: 'probing_thinking', question: false };
    expect(
      (
        await teacher.request(
          'PUT',
          `/api/classes/${teacher.classId}/tags/${encodeURIComponent(question.contributionId)}`,
          typedStatement,
        )
      ).status,
    ).toBe(400);
  });

  it('stores the teacher’s corrections and exports them as training data', async () => {
    const { server, teacher, ana, g1, tags } = await lesson();
    const a = connectClient(server, g1.boardId, { token: ana.token });
    await synced(a);
    a.records.set('shape:n1', noteShape('shape:n1', 'I agree with Ben, it is the same ratio'));
    const tag = await waitFor(() => tags.find((t) => t.shapeId === 'shape:n1'), 'the tag');
    const correct = (body: unknown) =>
      teacher.request(
        'PUT',
        `/api/classes/${teacher.classId}/tags/${encodeURIComponent(tag.contributionId)}`,
        body,
      );
    expect((await correct({ move: 'pressing_for_accuracy' })).status).toBe(400); // a teacher move on a student's text
    const res = await correct({ move: 'relating_to_another_student', questionType: null });
    expect(res.status).toBe(200);
    await waitFor(
      () => tags.some((t) => t.corrected?.move === 'relating_to_another_student'),
      'the correction streamed',
    );
    const jsonl = await (
      await teacher.request('GET', `/api/classes/${teacher.classId}/tags/corrections.jsonl`)
    ).text();
    const rows = jsonl
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toContainEqual(
      expect.objectContaining({
        speaker_role: 'student',
        label: 'relating_to_another_student',
        corrected: true,
      }),
    );
    // A student cannot correct tags.
    const asStudent = await fetch(
      `${server.url}/api/classes/${teacher.classId}/tags/${encodeURIComponent(tag.contributionId)}`,
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${ana.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ move: 'none' }),
      },
    );
    expect(asStudent.status).toBe(403);
  });
});
