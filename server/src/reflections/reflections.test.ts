import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@conjecture/shared';
import { apiOf, classWithGroupOfTwo, createClassAsTeacher } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import { socketFor } from '../test/sockets.js';
import { connectClient, noteShape, startTestServer, synced } from '../test/testServer.js';
import { geoShape } from '../test/records.js';

async function refusal(
  call: Promise<unknown>,
): Promise<{ status: number | null; code: string; message: string } | null> {
  try {
    await call;
    return null;
  } catch (error) {
    return error instanceof ApiRequestError
      ? { status: error.status, code: error.code, message: error.message }
      : null;
  }
}

const reflection = {
  worked: 'Making a table of cost per pen helped me compare',
  nextStep: 'I think I will try a graph because it shows the rate',
  confidence: 'mostly' as const,
};

describe('the end-of-lesson reflection', () => {
  it('waits until the teacher opens it, then is stored, tagged and heard by the teacher', async () => {
    const server = await startTestServer();
    const { teacher, ana } = await classWithGroupOfTwo(server);
    const classId = teacher.classId;
    const asAna = apiOf(server, ana.token);

    const early = await refusal(asAna.putMyReflection({ params: { classId }, body: reflection }));
    expect(early).toMatchObject({ status: 409, code: 'conflict' });

    const dashboard = socketFor(server, { classId }, teacher.cookie);
    const saved = new Promise<string>((resolve) =>
      dashboard.on('reflectionSaved', ({ reflection: r }) => resolve(r.studentId)),
    );
    const anaSocket = socketFor(server, { token: ana.token });
    const opened = new Promise<boolean>((resolve) =>
      anaSocket.on('reflectionChanged', ({ open }) => resolve(open)),
    );
    await new Promise((resolve) => anaSocket.on('connect', () => resolve(null)));
    const state = await teacher.api.updateClass({ params: { classId }, body: { reflectionOpen: true } });
    expect(state.reflectionOpen).toBe(true);
    expect(await opened).toBe(true);
    expect((await asAna.classView({ params: { classId } })).reflectionOpen).toBe(true);

    const stored = await asAna.putMyReflection({ params: { classId }, body: reflection });
    expect(stored).toMatchObject({ ...reflection, change: '', studentId: ana.identity.studentId });
    expect(await saved).toBe(ana.identity.studentId);
    // Saved again: the same reflection, rewritten, keeping when it was first written.
    const again = await asAna.putMyReflection({
      params: { classId },
      body: { ...reflection, change: 'Check units first' },
    });
    expect(again.createdAt).toBe(stored.createdAt);
    expect(await asAna.myReflection({ params: { classId } })).toEqual(again);

    const all = await teacher.api.listReflections({ params: { classId } });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ change: 'Check units first', confidence: 'mostly' });
    // Each written answer is a tagged contribution (the tagger ships with the server).
    expect(Object.keys(all[0]?.moves ?? {}).sort()).toEqual(['change', 'nextStep', 'worked']);
    const tags = await teacher.api.classTags({ params: { classId } });
    expect(tags.filter((t) => t.kind === 'reflection')).toHaveLength(3);
    // …but they are not the lesson's talk: the group summary does not count them.
    const summary = await teacher.api.tagSummary({ params: { classId } });
    expect(Object.keys(summary.groups)).toHaveLength(0);
  });

  it('refuses what is empty, too long or not a student’s, and is read by the class’s teacher only', async () => {
    const server = await startTestServer();
    const { teacher, ana } = await classWithGroupOfTwo(server);
    const classId = teacher.classId;
    await teacher.api.updateClass({ params: { classId }, body: { reflectionOpen: true } });
    const asAna = apiOf(server, ana.token);

    // The message itself says what to fix: a student's dialog shows only the message.
    expect(await refusal(asAna.putMyReflection({ params: { classId }, body: {} }))).toMatchObject({
      status: 400,
      message: 'invalid body: answer at least one question',
    });
    expect(
      await refusal(asAna.putMyReflection({ params: { classId }, body: { worked: 'x'.repeat(1001) } })),
    ).toMatchObject({ status: 400, message: expect.stringMatching(/^invalid body: worked: /) });
    expect(
      await refusal(teacher.api.putMyReflection({ params: { classId }, body: reflection })),
    ).toMatchObject({ status: 403 });
    expect(await refusal(asAna.listReflections({ params: { classId } }))).toMatchObject({ status: 403 });
    expect(await refusal(apiOf(server).listReflections({ params: { classId } }))).toMatchObject({
      status: 401,
    });
    const other = await createClassAsTeacher(server, 'Another class');
    expect(await refusal(other.api.listReflections({ params: { classId } }))).toMatchObject({ status: 401 });
    expect(await other.api.listReflections({ params: { classId: other.classId } })).toEqual([]);
  });
});

describe("a student's own work", () => {
  it('lists what the server knows they wrote — never what a classmate wrote — with their reflection', async () => {
    const server = await startTestServer();
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const classId = teacher.classId;
    const anaBoard = connectClient(server, g1.boardId, { token: ana.token });
    const benBoard = connectClient(server, g1.boardId, { token: ben.token });
    await Promise.all([synced(anaBoard), synced(benBoard)]);
    anaBoard.records.set('shape:ana-note', noteShape('shape:ana-note', 'cost per pen is 0.67'));
    anaBoard.records.set('shape:ana-box', geoShape('shape:ana-box', { x: 300, y: 0 }));
    await roundTrip(anaBoard);
    benBoard.records.set('shape:ben-note', noteShape('shape:ben-note', 'I think 0.60 is cheaper'));
    // Ben restyles Ana's rectangle: it stays hers.
    benBoard.records.set('shape:ana-box', geoShape('shape:ana-box', { x: 400, y: 0 }));
    await roundTrip(benBoard);

    const question = await teacher.api.poseQuestion({
      params: { classId },
      body: { text: 'How do you know?', groupId: g1.groupId },
    });
    const anaSocket = socketFor(server, { token: ana.token });
    await new Promise((resolve) =>
      anaSocket.emit('answerQuestion', { questionId: question.questionId, text: 'I divided' }, resolve),
    );

    const work = await apiOf(server, ana.token).myWork({ params: { classId } });
    expect(work).toMatchObject({ displayName: 'Ana', groupName: 'Group 1', reflection: null });
    const texts = work.contributions.map((c) => `${c.kind}: ${c.text}`);
    expect(texts).toContain('board_item: cost per pen is 0.67');
    expect(texts).toContain('board_item: A shape');
    expect(texts).toContain('answer: How do you know? — I divided');
    expect(texts.join('\n')).not.toContain('0.60');
    expect(work.contributions.every((c) => c.kind !== 'board_item' || typeof c.at === 'number')).toBe(true);

    expect((await apiOf(server, ben.token).myWork({ params: { classId } })).contributions).toHaveLength(1);
    expect(await refusal(teacher.api.myWork({ params: { classId } }))).toMatchObject({ status: 403 });
  });
});
