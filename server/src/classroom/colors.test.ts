import { describe, expect, it } from 'vitest';
import type { ClassState, ClassView } from '@conjecture/shared';
import { USER_COLORS } from '@conjecture/shared';
import { assign, createClassAsTeacher, createGroup, joinAs } from '../test/classroomClient.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { startTestServer, waitFor } from '../test/testServer.js';

const NAMES = ['Ana', 'Ben', 'Cy', 'Dee', 'Eli', 'Fay'];

describe('colours within a group, assigned by the server', () => {
  it('are unique in a group of five, stable while in it, and reach students and the teacher alike', async () => {
    const server = await startTestServer();
    const teacher = await createClassAsTeacher(server);
    const students = [];
    for (const name of NAMES) students.push((await joinAs(server, teacher.joinCode, name)).body);
    const g1 = await createGroup(teacher, 'Group 1');
    const g2 = await createGroup(teacher, 'Group 2');
    const state = async () =>
      (await (await teacher.request('GET', `/api/classes/${teacher.classId}`)).json()) as ClassState;
    const colorsIn = (s: ClassState, groupId: string) =>
      s.students.filter((x) => x.groupId === groupId).map((x) => x.color);

    // Fay starts in group 2 with the colour the first of group 1 will be given, then the five go to group 1.
    await assign(teacher, students[5]!.identity.studentId, g2.groupId);
    for (const s of students.slice(0, 5)) await assign(teacher, s.identity.studentId, g1.groupId);
    const before = await state();
    const group1 = colorsIn(before, g1.groupId);
    expect(group1).toHaveLength(5);
    expect(new Set(group1).size).toBe(5);
    for (const c of group1) expect(USER_COLORS).toContain(c);

    // Fay moves in: a sixth colour, and nobody already there changes theirs.
    await assign(teacher, students[5]!.identity.studentId, g1.groupId);
    const after = await state();
    expect(new Set(colorsIn(after, g1.groupId)).size).toBe(6);
    for (const s of before.students.filter((x) => x.groupId === g1.groupId))
      expect(after.students.find((x) => x.studentId === s.studentId)?.color).toBe(s.color);

    // A student's view carries the same colours (for cursors and "colour by author").
    const view = (await (
      await fetch(`${server.url}/api/classes/${teacher.classId}/view`, {
        headers: { authorization: `Bearer ${students[0]!.token}` },
      })
    ).json()) as ClassView;
    for (const s of after.students) expect(view.colors[s.studentId]).toBe(s.color);
    expect(view.colors.teacher).toBeDefined();
    expect(USER_COLORS).not.toContain(view.colors.teacher);
  });
});

describe('anonymize, where the teacher chooses it', () => {
  it('students see pseudonyms for the others (their own name stays) once chosen, and hear the change', async () => {
    const server = await startTestServer();
    const teacher = await createClassAsTeacher(server);
    const ana = (await joinAs(server, teacher.joinCode, 'Ana')).body;
    const ben = (await joinAs(server, teacher.joinCode, 'Ben')).body;
    const view = async () =>
      (await (
        await fetch(`${server.url}/api/classes/${teacher.classId}/view`, {
          headers: { authorization: `Bearer ${ana.token}` },
        })
      ).json()) as ClassView;
    expect((await view()).names[ben.identity.studentId]).toBe('Ben');

    const anaSocket = socketFor(server, { token: ana.token });
    await waitFor(() => anaSocket.connected, 'Ana’s socket');
    await emitRaw(anaSocket, 'raiseHand', { raised: false }); // a round trip: she is in the class channel
    const heard = new Promise<void>((resolve) => anaSocket.on('classViewChanged', () => resolve()));
    const res = await teacher.request('PATCH', `/api/classes/${teacher.classId}`, {
      anonymizeStudents: true,
    });
    expect(((await res.json()) as ClassState).anonymizeStudents).toBe(true);
    await heard;
    const names = (await view()).names;
    expect(names[ben.identity.studentId]).toBe('Student B');
    expect(names[ana.identity.studentId]).toBe('Ana');

    // The dashboard's switch is its own: it changes neither the students' nor the projector's.
    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, {
      anonymizeStudents: false,
      anonymizeDashboard: true,
    });
    const state = (await (
      await teacher.request('GET', `/api/classes/${teacher.classId}`)
    ).json()) as ClassState;
    expect(state).toMatchObject({ anonymizeDashboard: true, anonymizeStudents: false, anonymize: false });
    expect((await view()).names[ben.identity.studentId]).toBe('Ben');
  });
});
