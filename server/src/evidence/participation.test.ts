import { describe, expect, it } from 'vitest';
import type { Answer, MemberParticipation } from '@conjecture/shared';
import { apiOf, classWithGroupOfTwo, createClassAsTeacher } from '../test/classroomClient.js';
import { roundTrip } from '../test/roundTrip.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { connectClient, geoShape, noteShape, startTestServer, synced, waitFor } from '../test/testServer.js';

const MIN = 60_000;
/** Polls an asynchronous fact (a route's answer) until it holds; a hang guard, not a timing. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const movesOf = (m: MemberParticipation | undefined) =>
  Object.values(m?.talkMoves ?? {}).reduce((sum, n) => sum + n, 0);

describe('participation balance', () => {
  it('counts what each member did from the server’s log, threads, answers and tags', async () => {
    let now = 1_000_000;
    const server = await startTestServer({ TAG_DEBOUNCE_MS: '20' }, { now: () => now });
    const { teacher, ana, ben, g1 } = await classWithGroupOfTwo(server);
    const [anaId, benId] = [ana.identity.studentId, ben.identity.studentId];
    const report = (query: { dominantPercent?: number; quietMinutes?: number } = {}) =>
      teacher.api.participation({ params: { classId: teacher.classId }, query });
    const member = async (id: string) =>
      (await report()).groups.find((g) => g.groupId === g1.groupId)?.members.find((m) => m.studentId === id);

    const a = connectClient(server, g1.boardId, { token: ana.token });
    const b = connectClient(server, g1.boardId, { token: ben.token });
    await Promise.all([synced(a), synced(b)]);
    // Ana writes a claim (5 words), then extends it (+2 words); both are hers by the log.
    a.records.set('shape:claim', noteShape('shape:claim', '3/4 is more than 2/3'));
    await roundTrip(a);
    now += 1000;
    a.records.set('shape:claim', noteShape('shape:claim', '3/4 is more than 2/3 because 9/12'));
    await roundTrip(a);
    await eventually(async () => movesOf(await member(anaId)) === 1, 'Ana’s claim tagged');
    // Ben draws a box and moves Ana's note: one item created, one edited, no words.
    now += 1000;
    b.records.set('shape:box', geoShape('shape:box'));
    await waitFor(() => b.records.get('shape:claim'), 'Ana’s note on Ben’s board');
    b.records.set('shape:claim', { ...b.records.get('shape:claim'), x: 300 });
    await roundTrip(b);
    // Ben critiques the claim (8 words), Ana answers the teacher's question (4 words).
    now += 1000;
    const benSocket = socketFor(server, { token: ben.token });
    const reply = await emitRaw(benSocket, 'postCritique', {
      boardId: g1.boardId,
      shapeId: 'shape:claim',
      stance: 'agree',
      text: 'I agree because 9/12 is more than 8/12',
    });
    expect(reply.ok).toBe(true);
    const question = await teacher.api.poseQuestion({
      params: { classId: teacher.classId },
      body: { text: 'How do you know?', groupId: g1.groupId, anchorShapeId: 'shape:claim' },
    });
    now += 1000;
    const anaSocket = socketFor(server, { token: ana.token });
    const answered = await emitRaw<Answer>(anaSocket, 'answerQuestion', {
      questionId: question.questionId,
      text: 'Because 9/12 > 8/12',
    });
    expect(answered.ok).toBe(true);
    // Tagging runs after a debounce: wait for the reply's and the answer's talk moves.
    await eventually(
      async () => movesOf(await member(anaId)) === 2 && movesOf(await member(benId)) === 1,
      'tags',
    );

    const group = (await report()).groups.find((g) => g.groupId === g1.groupId);
    expect(group?.members.find((m) => m.studentId === anaId)).toMatchObject({
      itemsCreated: 1,
      itemsEdited: 1,
      words: 11,
      critiqueReplies: 0,
      answers: 1,
      contributions: 3,
      share: 0.5,
      lastContributionAt: now,
    });
    expect(group?.members.find((m) => m.studentId === benId)).toMatchObject({
      itemsCreated: 1,
      itemsEdited: 1,
      words: 8,
      critiqueReplies: 1,
      answers: 0,
      contributions: 3,
      share: 0.5,
    });
    expect(group).toMatchObject({ contributions: 6, dominantMember: null, quietMembers: [] });

    // Six minutes later, with a five-minute threshold, both are quiet; Ben's is the earlier silence.
    now += 6 * MIN;
    const later = await report({ quietMinutes: 5 });
    expect(later.groups[0]?.quietMembers.sort()).toEqual([anaId, benId].sort());
    expect(later.options.quietAfterMs).toBe(5 * MIN);
    expect((await report({ quietMinutes: 10 })).groups[0]?.quietMembers).toEqual([]);
  });

  it('is the class’s teacher’s only: refuses another class’s teacher, a student, the projector and no one', async () => {
    const server = await startTestServer();
    const { teacher, ana } = await classWithGroupOfTwo(server);
    const other = await createClassAsTeacher(server, 'Other');
    const path = `/api/classes/${teacher.classId}/participation`;
    expect((await other.request('GET', path)).status).toBe(401);
    expect(
      (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${ana.token}` } })).status,
    ).toBe(403);
    expect((await fetch(`${server.url}${path}`)).status).toBe(401);
    const projector = await apiOf(server).startProjectorSession({
      params: { classId: teacher.classId },
      body: { key: teacher.projectorKey },
    });
    await expect(
      apiOf(server, projector.token).participation({ params: { classId: teacher.classId } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect((await teacher.request('GET', `${path}?quietMinutes=0`)).status).toBe(400);
  });
});
