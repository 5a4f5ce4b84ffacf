import { describe, expect, it } from 'vitest';
import type { GroupingPreview, StudentDiagnostic } from '@conjecture/shared';
import { DEFAULT_ITEM_BANK, DiagnosticRowSchema } from '@conjecture/shared';
import { z } from 'zod';
import { createClassAsTeacher, joinAs } from '../test/classroomClient.js';
import { socketFor } from '../test/sockets.js';
import { startTestServer, waitFor } from '../test/testServer.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function classWithStudents(n: number) {
  const server = await startTestServer();
  const teacher = await createClassAsTeacher(server);
  const students = [];
  for (let i = 0; i < n; i++) students.push((await joinAs(server, teacher.joinCode, `Student ${i}`)).body);
  return { server, teacher, students };
}

describe('the class diagnostic', () => {
  it('gives the teacher the bank in use to edit, answers included, and a student nothing of it', async () => {
    const { server, teacher, students } = await classWithStudents(1);
    const bankOf = async () =>
      (await teacher.request('GET', `/api/classes/${teacher.classId}/diagnostic/bank`)).json();
    expect(await bankOf()).toBeNull();
    await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: 'default' });
    expect(await bankOf()).toEqual(DEFAULT_ITEM_BANK);
    const own = {
      ...DEFAULT_ITEM_BANK,
      id: 'our-own',
      title: 'Our own',
      items: DEFAULT_ITEM_BANK.items.slice(),
    };
    await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: own });
    expect(await bankOf()).toEqual(own);
    const asStudent = await fetch(`${server.url}/api/classes/${teacher.classId}/diagnostic/bank`, {
      headers: bearer(students[0]!.token),
    });
    expect(asStudent.status).toBe(403); // the correct answers are the teacher's
    await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: null });
    expect(await bankOf()).toBeNull();
  });

  it('serves items without answers, stores answers as given (resumable), and profiles on completion', async () => {
    const { server, teacher, students } = await classWithStudents(1);
    const ana = students[0]!;
    expect(
      (await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: 'default' }))
        .status,
    ).toBe(200);
    const progress: number[] = [];
    const dashboard = socketFor(server, { classId: teacher.classId }, teacher.cookie);
    dashboard.on('diagnosticProgress', (p) => progress.push(p.answered));
    await waitFor(() => dashboard.connected, 'dashboard');

    const get = async () =>
      (await (
        await fetch(`${server.url}/api/classes/${teacher.classId}/diagnostic`, { headers: bearer(ana.token) })
      ).json()) as StudentDiagnostic;
    const first = await get();
    expect(first.items).toHaveLength(8);
    const raw = JSON.stringify(first);
    expect(raw).not.toMatch(/"correct"|misconception/);
    for (const m of DEFAULT_ITEM_BANK.misconceptions) expect(raw).not.toContain(m.name);

    const answer = (itemId: string, optionId: string) =>
      fetch(`${server.url}/api/classes/${teacher.classId}/diagnostic/responses`, {
        method: 'PUT',
        headers: bearer(ana.token),
        body: JSON.stringify({ itemId, optionId, confidence: 3 }),
      });
    expect((await answer('nope', 'x')).status).toBe(404);
    for (const item of first.items.slice(0, 3))
      expect((await answer(item.itemId, item.options[0]!.optionId)).status).toBe(200);
    const resumed = await get(); // as after a reload
    expect(resumed.answered).toHaveLength(3);
    expect(resumed.complete).toBe(false);
    for (const item of first.items.slice(3)) await answer(item.itemId, item.options[1]!.optionId);
    const done = await get();
    expect(done.complete).toBe(true);
    expect(done.summary).toEqual(expect.any(String));
    await waitFor(() => progress.at(-1) === 8, 'completion on the teacher’s dashboard');
    const table = z
      .array(DiagnosticRowSchema)
      .parse(
        await (await teacher.request('GET', `/api/classes/${teacher.classId}/diagnostic/profiles`)).json(),
      );
    expect(table[0]).toMatchObject({ complete: true, profile: { meanConfidence: 3 } });
  });

  it('tells students already in the class when the teacher chooses or skips the diagnostic', async () => {
    const { server, teacher, students } = await classWithStudents(1);
    const heard: string[] = [];
    const student = socketFor(server, { token: students[0]!.token });
    student.on('diagnosticChanged', (p) => heard.push(p.classId));
    await waitFor(() => student.connected, 'student socket');
    await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: 'default' });
    await waitFor(() => heard.length === 1, 'the change after choosing');
    await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: { broken: true } });
    await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: null });
    await waitFor(() => heard.length === 2, 'the change after skipping');
    // The broken bank changed nothing, so it told nobody.
    expect(heard).toEqual([teacher.classId, teacher.classId]);
  });

  it('refuses a broken bank with errors that point at the item and field, and can be skipped', async () => {
    const { server, teacher, students } = await classWithStudents(1);
    const broken = structuredClone(DEFAULT_ITEM_BANK) as {
      items: Array<{ options: Array<{ misconception?: string }> }>;
    };
    broken.items[3]!.options[2]!.misconception = 'no-such-thing';
    const res = await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: broken });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/items\[3\]\.options\[2\]\.misconception/);
    await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: null });
    const view = (await (
      await fetch(`${server.url}/api/classes/${teacher.classId}/diagnostic`, {
        headers: bearer(students[0]!.token),
      })
    ).json()) as StudentDiagnostic;
    expect(view).toMatchObject({ title: null, items: [] });
  });
});

describe('grouping from profiles', () => {
  it('proposes explained groups for the whole class and publishes them: students move live', async () => {
    const { server, teacher, students } = await classWithStudents(9);
    await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: 'default' });
    const preview = await teacher.request('POST', `/api/classes/${teacher.classId}/grouping/preview`, {
      mode: 'mix',
      groupSize: 4,
      seed: 7,
      keepApart: [[students[0]!.identity.studentId, students[1]!.identity.studentId]],
    });
    expect(preview.status).toBe(200);
    const proposal = (await preview.json()) as GroupingPreview;
    expect(proposal.groups.map((g) => g.length).sort()).toEqual([3, 3, 3]);
    expect(proposal.groups.flat().sort()).toEqual(students.map((s) => s.identity.studentId).sort());
    const apart = proposal.groups.find((g) => g.includes(students[0]!.identity.studentId))!;
    expect(apart).not.toContain(students[1]!.identity.studentId);
    for (const s of students)
      expect(proposal.explanations.students[s.identity.studentId]).toEqual(expect.any(String));

    // The score of the proposal itself is the preview's objective; a hand-made move changes it.
    const score = async (groups: string[][]) =>
      (
        (await (
          await teacher.request('POST', `/api/classes/${teacher.classId}/grouping/score`, { groups })
        ).json()) as { objective: number }
      ).objective;
    expect(await score(proposal.groups)).toBeCloseTo(proposal.objective, 9);
    // A hand-made move is explained again: a summary per group as it now is, a reason per student.
    const [first, second] = [[...proposal.groups[0]!], [...proposal.groups[1]!]];
    second.push(first.pop()!);
    const adjusted = [first, second, ...proposal.groups.slice(2)];
    const rescored = (await (
      await teacher.request('POST', `/api/classes/${teacher.classId}/grouping/score`, {
        groups: adjusted,
        mode: 'mix',
      })
    ).json()) as { explanations: GroupingPreview['explanations'] };
    expect(rescored.explanations.groups).toHaveLength(adjusted.length);
    for (const s of students)
      expect(rescored.explanations.students[s.identity.studentId]).toEqual(expect.any(String));

    const student = socketFor(server, { token: students[2]!.token });
    const moved: Array<string | undefined> = [];
    student.on('groupAssigned', (p) => moved.push(p.group?.groupId));
    await waitFor(() => student.connected, 'socket');
    const published = await teacher.request('POST', `/api/classes/${teacher.classId}/grouping/publish`, {
      groups: proposal.groups,
    });
    const state = (await published.json()) as {
      groups: Array<{ groupId: string }>;
      students: Array<{ studentId: string; groupId: string }>;
    };
    expect(state.groups).toHaveLength(3);
    expect(state.students.every((s) => s.groupId !== null)).toBe(true);
    await waitFor(() => moved.length === 1, 'the student’s page to learn its group');
  });

  it('reports constraints that cannot all be met, and refuses students', async () => {
    const { server, teacher, students } = await classWithStudents(4);
    const ids = students.map((s) => s.identity.studentId);
    const res = await teacher.request('POST', `/api/classes/${teacher.classId}/grouping/preview`, {
      groupSize: 2,
      keepTogether: [
        [ids[0], ids[1]],
        [ids[1], ids[2]],
      ],
    });
    expect(res.status).toBe(409);
    const asStudent = await fetch(`${server.url}/api/classes/${teacher.classId}/grouping/preview`, {
      method: 'POST',
      headers: bearer(students[0]!.token),
      body: '{}',
    });
    expect(asStudent.status).toBe(403);
  });
});

describe('a student who joins after the groups were published', () => {
  type State = {
    groups: Array<{ groupId: string }>;
    students: Array<{ studentId: string; groupId: string }>;
  };
  const groupOf = async (teacher: Awaited<ReturnType<typeof createClassAsTeacher>>, studentId: string) => {
    const state = (await (await teacher.request('GET', `/api/classes/${teacher.classId}`)).json()) as State;
    return state.students.find((s) => s.studentId === studentId)?.groupId ?? null;
  };
  const publish = async (teacher: Awaited<ReturnType<typeof createClassAsTeacher>>, body: object) => {
    const res = await teacher.request('POST', `/api/classes/${teacher.classId}/grouping/publish`, body);
    expect(res.status).toBe(200);
    return ((await res.json()) as State).groups.map((g) => g.groupId);
  };

  it('is placed in a group at once, as the groups were published, and nobody else moves', async () => {
    const { server, teacher, students } = await classWithStudents(5);
    const ids = students.map((s) => s.identity.studentId);
    const groupIds = await publish(teacher, {
      groups: [ids.slice(0, 3), ids.slice(3)],
      mode: 'mix',
      keepApart: [],
      keepTogether: [],
    });
    const before = await Promise.all(ids.map((id) => groupOf(teacher, id)));

    const late = (await joinAs(server, teacher.joinCode, 'Late Lou')).body;
    expect(await groupOf(teacher, late.identity.studentId)).toBe(groupIds[1]); // the smaller group
    expect(await Promise.all(ids.map((id) => groupOf(teacher, id)))).toEqual(before);
    // The page the student opens shows the group: nothing waits on an event it was not there to hear.
    const me = await fetch(`${server.url}/api/me`, { headers: bearer(late.token) });
    expect(JSON.stringify(await me.json())).toContain(groupIds[1]!);
  });

  it('in a class with a diagnostic, is placed on finishing it', async () => {
    const { server, teacher, students } = await classWithStudents(4);
    await teacher.request('PUT', `/api/classes/${teacher.classId}/diagnostic`, { bank: 'default' });
    const ids = students.map((s) => s.identity.studentId);
    const groupIds = await publish(teacher, { groups: [ids.slice(0, 2), ids.slice(2)] });
    const late = (await joinAs(server, teacher.joinCode, 'Late Lou')).body;
    expect(await groupOf(teacher, late.identity.studentId)).toBeNull();
    for (const item of DEFAULT_ITEM_BANK.items) {
      expect(await groupOf(teacher, late.identity.studentId)).toBeNull();
      const res = await fetch(`${server.url}/api/classes/${teacher.classId}/diagnostic/responses`, {
        method: 'PUT',
        headers: bearer(late.token),
        body: JSON.stringify({ itemId: item.id, optionId: item.options[0]!.id, confidence: 2 }),
      });
      expect(res.status).toBe(200);
    }
    expect(groupIds).toContain(await groupOf(teacher, late.identity.studentId));

    // The teacher takes Lou out of the groups: changing an answer later does not put Lou back.
    const out = await teacher.request(
      'PUT',
      `/api/classes/${teacher.classId}/students/${late.identity.studentId}/group`,
      { groupId: null },
    );
    expect(out.status).toBe(200);
    const first = DEFAULT_ITEM_BANK.items[0]!;
    const again = await fetch(`${server.url}/api/classes/${teacher.classId}/diagnostic/responses`, {
      method: 'PUT',
      headers: bearer(late.token),
      body: JSON.stringify({ itemId: first.id, optionId: first.options[1]!.id, confidence: 3 }),
    });
    expect(again.status).toBe(200);
    expect(await groupOf(teacher, late.identity.studentId)).toBeNull();
  });

  it('waits for the teacher in a class grouped by hand, and when every group is full', async () => {
    const { server, teacher, students } = await classWithStudents(2);
    const [a, b] = students.map((s) => s.identity.studentId);
    const group = (await (
      await teacher.request('POST', `/api/classes/${teacher.classId}/groups`, { name: 'By hand' })
    ).json()) as { groupId: string };
    for (const id of [a, b])
      await teacher.request('PUT', `/api/classes/${teacher.classId}/students/${id}/group`, {
        groupId: group.groupId,
      });
    expect(await groupOf(teacher, a!)).toBe(group.groupId);
    const byHand = (await joinAs(server, teacher.joinCode, 'Late Lou')).body;
    expect(await groupOf(teacher, byHand.identity.studentId)).toBeNull();

    const full = await classWithStudents(10);
    const ids = full.students.map((s) => s.identity.studentId);
    await publish(full.teacher, { groups: [ids.slice(0, 5), ids.slice(5)] });
    const sixth = (await joinAs(full.server, full.teacher.joinCode, 'Late Mo')).body;
    expect(await groupOf(full.teacher, sixth.identity.studentId)).toBeNull();
  });
});
