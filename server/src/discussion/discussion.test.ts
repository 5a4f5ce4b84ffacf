import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiClient, type DiscussionPlan, type PlanInput } from '@conjecture/shared';
import { apiOf } from '../test/classroomClient.js';
import { planOf, projectorOf, refusal, twoSnapshots } from '../test/discussionFixtures.js';
import { socketFor } from '../test/sockets.js';
import { onCleanup, startTestServer } from '../test/testServer.js';

describe('the discussion plan', () => {
  it('is edited by the teacher only, read by the projector without the rationale notes', async () => {
    const server = await startTestServer();
    const { teacher, ana, a, b } = await twoSnapshots(server);
    const params = { classId: teacher.classId };
    const saved = await teacher.api.putDiscussionPlan({ params, body: planOf(a, b) });
    expect(saved).toMatchObject({ steps: planOf(a, b).steps, links: planOf(a, b).links, presenting: null });

    const projector = await projectorOf(server, teacher);
    const seen = await projector.api.getDiscussionPlan({ params });
    expect(seen.steps.map((s) => [s.snapshotId, s.rationale.choice, s.rationale.text, s.question])).toEqual([
      [a.snapshotId, 'accessible-first', '', 'What does each row tell us?'],
      [b.snapshotId, 'build-to-general', '', 'Where is 0.67 in the table?'],
    ]);
    expect((await refusal(projector.api.putDiscussionPlan({ params, body: planOf(b, a) })))?.status).toBe(
      403,
    );
    const student = apiOf(server, ana.token);
    expect((await refusal(student.getDiscussionPlan({ params })))?.status).toBe(403);
    expect((await refusal(student.putDiscussionPlan({ params, body: planOf(b, a) })))?.status).toBe(403);
    expect((await refusal(apiOf(server).getDiscussionPlan({ params })))?.status).toBe(401);
  });

  it("types each step's question as the tagger types the same question posed, again when the text changes", async () => {
    const server = await startTestServer();
    const { teacher, g1, a, b } = await twoSnapshots(server);
    const params = { classId: teacher.classId };
    const typeWhenPosed = async (text: string) => {
      const { questionId } = await teacher.api.poseQuestion({ params, body: { text, groupId: g1.groupId } });
      const tags = await teacher.api.classTags({ params });
      return tags.find((t) => t.contributionId === `question:${questionId}`)?.questionType;
    };
    const plan = planOf(a, b);
    const saved = await teacher.api.putDiscussionPlan({ params, body: plan });
    const why = 'Is dividing the price by the number of pens always a fair comparison? How do you know?';
    expect(saved.questionTypes).toEqual({
      first: await typeWhenPosed('What does each row tell us?'),
      second: await typeWhenPosed('Where is 0.67 in the table?'),
    });
    const edited = { ...plan, steps: [plan.steps[0]!, { ...plan.steps[1]!, question: why }] };
    const again = await teacher.api.putDiscussionPlan({ params, body: edited });
    expect(again.questionTypes.second).toBe(await typeWhenPosed(why));
    expect(again.questionTypes.second).toBe('encouraging_reflection_and_justification');
    const none = { ...plan, steps: [{ ...plan.steps[0]!, question: '' }, plan.steps[1]!] };
    expect((await teacher.api.putDiscussionPlan({ params, body: none })).questionTypes.first).toBeNull();
  });

  it('refuses links to items that are not in the snapshots, and snapshots of another class', async () => {
    const server = await startTestServer();
    const { teacher, a, b } = await twoSnapshots(server);
    const params = { classId: teacher.classId };
    const plan = planOf(a, b);
    // The note was drawn after snapshot A was taken: it is not an item of A.
    const wrong: PlanInput = {
      ...plan,
      links: [{ ...plan.links[0]!, from: { snapshotId: a.snapshotId, shapeId: 'shape:note' } }],
    };
    const refused = await refusal(teacher.api.putDiscussionPlan({ params, body: wrong }));
    expect(refused?.status).toBe(400);
    expect(refused?.issues).toEqual([
      { path: ['links', 0, 'from', 'shapeId'], message: 'no such item in that snapshot' },
    ]);

    const other = await twoSnapshots(server);
    const foreign = await refusal(
      teacher.api.putDiscussionPlan({
        params,
        body: {
          ...plan,
          steps: [...plan.steps, { ...plan.steps[0]!, stepId: 'x', snapshotId: other.a.snapshotId }],
        },
      }),
    );
    expect(foreign?.issues?.[0]).toMatchObject({ path: ['steps', 2, 'snapshotId'] });
    expect((await teacher.api.getDiscussionPlan({ params })).steps).toEqual([]);
  });

  it('is kept across a restart, with the presented step', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-discussion-'));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    const env = { STORAGE: 'sqlite', DATA_DIR: dir };
    const first = await startTestServer(env);
    const { teacher, a, b } = await twoSnapshots(first);
    const params = { classId: teacher.classId };
    await teacher.api.putDiscussionPlan({ params, body: planOf(a, b) });
    await teacher.api.presentDiscussionStep({ params, body: { step: 1 } });
    await first.close();

    const second = await startTestServer(env);
    const again = createApiClient({ origin: second.url, headers: { cookie: teacher.cookie } });
    const plan = await again.getDiscussionPlan({ params });
    expect(plan).toMatchObject({ ...planOf(a, b), presenting: 1 });
    await again.deleteClass({ params });
  });

  it('is presented step by step: the projector receives each step and may step, never start or stop', async () => {
    const server = await startTestServer();
    const { teacher, a, b } = await twoSnapshots(server);
    const params = { classId: teacher.classId };
    await teacher.api.putDiscussionPlan({ params, body: planOf(a, b) });
    const projector = await projectorOf(server, teacher);
    const socket = socketFor(server, { token: projector.token });
    const received: DiscussionPlan[] = [];
    socket.on('discussionChanged', (plan) => received.push(plan));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    const nextEvent = async (count: number) => {
      while (received.length < count)
        await new Promise((resolve) => socket.once('discussionChanged', resolve));
      return received[count - 1]!;
    };

    expect((await refusal(projector.api.presentDiscussionStep({ params, body: { step: 0 } })))?.status).toBe(
      403,
    );
    await teacher.api.presentDiscussionStep({ params, body: { step: 0 } });
    expect(await nextEvent(1)).toMatchObject({ presenting: 0 });
    await teacher.api.presentDiscussionStep({ params, body: { step: 1 } });
    const second = await nextEvent(2);
    expect(second.presenting).toBe(1);
    expect(second.links[0]).toMatchObject({ kind: 'same-quantity' });
    expect(second.steps[0]?.rationale.text).toBe('');

    // The projector's arrow keys: back a step, but not out of the presentation, nor past the end.
    await projector.api.presentDiscussionStep({ params, body: { step: 0 } });
    expect(await nextEvent(3)).toMatchObject({ presenting: 0 });
    expect(
      (await refusal(projector.api.presentDiscussionStep({ params, body: { step: null } })))?.status,
    ).toBe(403);
    expect((await refusal(teacher.api.presentDiscussionStep({ params, body: { step: 2 } })))?.status).toBe(
      400,
    );
    await teacher.api.presentDiscussionStep({ params, body: { step: null } });
    expect(await nextEvent(4)).toMatchObject({ presenting: null });
  });
});
