import { describe, expect, it } from 'vitest';
import type { StudentDiagnostic } from '@conjecture/shared';
import { createClassAsTeacher, joinAs } from '../test/classroomClient.js';
import { startTestServer } from '../test/testServer.js';

// A paused class stops work and an ended one takes no more, as boards, answers and hands already did: the
// diagnostic was still taking answers (and finishing profiles, placing late students into groups).
describe('diagnostic answers wait while the class is paused and stop when it ends', () => {
  it('refuses an answer with class_paused and a reason, keeps what was stored, and takes it after the resume', async () => {
    const server = await startTestServer();
    const teacher = await createClassAsTeacher(server);
    const ana = (await joinAs(server, teacher.joinCode, 'Ana')).body;
    await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: 'default' });
    const url = `${server.url}/api/classes/${teacher.classId}/diagnostic`;
    const headers = { authorization: `Bearer ${ana.token}`, 'content-type': 'application/json' };
    const mine = async () => (await (await fetch(url, { headers })).json()) as StudentDiagnostic;
    const [first, second] = (await mine()).items;
    const answer = async (item: typeof first) => {
      const res = await fetch(`${url}/responses`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ itemId: item!.itemId, optionId: item!.options[0]!.optionId, confidence: 2 }),
      });
      return { status: res.status, body: (await res.json()) as { code?: string; message?: string } };
    };
    const patch = (body: Record<string, boolean>) =>
      teacher.request('PATCH', `/api/classes/${teacher.classId}`, body);

    expect((await answer(first)).status).toBe(200);
    await patch({ paused: true });
    expect(await answer(second)).toEqual({
      status: 409,
      body: {
        code: 'class_paused',
        message: 'the class is paused: this waits until your teacher resumes it',
      },
    });
    // Reading it still works (the screen shows it, greyed), and nothing was stored.
    expect((await mine()).answered.map((a) => a.itemId)).toEqual([first!.itemId]);

    await patch({ paused: false });
    expect((await answer(second)).status).toBe(200);

    await patch({ ended: true });
    expect((await answer(first)).body).toEqual({ code: 'class_paused', message: 'the class has ended' });
    expect((await mine()).answered).toHaveLength(2);
  });
});
