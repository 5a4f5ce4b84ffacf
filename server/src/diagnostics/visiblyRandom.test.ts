import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ITEM_BANK,
  type GroupDraw,
  type GroupsPublished,
  type PublishGroupsBody,
} from '@conjecture/shared';
import { apiOf, createClassAsTeacher, joinAs, type TeacherHandle } from '../test/classroomClient.js';
import { socketFor } from '../test/sockets.js';
import { startTestServer, waitFor } from '../test/testServer.js';

/** Four students (Ana, Ben, Cy, Dee Realname), a projector session, and the class's socket events heard. */
async function classOfFour() {
  const server = await startTestServer();
  const teacher = await createClassAsTeacher(server);
  const students = [];
  for (const name of ['Ana', 'Ben', 'Cy', 'Dee'])
    students.push((await joinAs(server, teacher.joinCode, `${name} Realname`)).body);
  const { token: projectorToken } = await apiOf(server).startProjectorSession({
    params: { classId: teacher.classId },
    body: { key: teacher.projectorKey },
  });
  const drawOf = (token: string) => apiOf(server, token).groupDraw({ params: { classId: teacher.classId } });
  return { server, teacher, students, projectorToken, drawOf };
}

const publish = (
  teacher: TeacherHandle,
  body: Partial<PublishGroupsBody> & Pick<PublishGroupsBody, 'groups'>,
) => teacher.api.publishGrouping({ params: { classId: teacher.classId }, body });

const names = (draw: GroupDraw) => draw?.groups.map((g) => [g.name, g.members.map((m) => m.name)]);

describe('groups drawn at random are shown as random', () => {
  it('answers a random draw published as drawn to students and the projector, with the class’s groups and names', async () => {
    const { server, teacher, students, projectorToken, drawOf } = await classOfFour();
    const [ana, ben, cy, dee] = students.map((s) => s.identity.studentId) as [string, string, string, string];
    const projector = socketFor(server, { token: projectorToken });
    const heard: GroupsPublished[] = [];
    projector.on('groupsPublished', (p) => heard.push(p));
    await waitFor(() => projector.connected, 'projector socket');

    expect(await drawOf(projectorToken)).toBeNull(); // nothing published yet
    await publish(teacher, {
      groups: [
        [dee, ana],
        [ben, cy],
      ],
      mode: 'random',
      asDrawn: true,
    });
    await waitFor(() => heard.length === 1, 'the projector to hear of the publication');
    const draw = await drawOf(projectorToken);
    expect(heard[0]).toEqual({ classId: teacher.classId, drawnAt: draw?.drawnAt });
    expect(names(draw)).toEqual([
      ['Group 1', ['Ana Realname', 'Dee Realname']], // members in roster order, groups in the class's order
      ['Group 2', ['Ben Realname', 'Cy Realname']],
    ]);
    expect(await drawOf(students[1]!.token)).toEqual(draw);
    expect(await teacher.api.groupDraw({ params: { classId: teacher.classId } })).toEqual(draw);
  });

  it('names students as the viewer’s class view does: pseudonyms on an anonymized projector, a student’s own name always', async () => {
    const { teacher, students, projectorToken, drawOf } = await classOfFour();
    const ids = students.map((s) => s.identity.studentId);
    await teacher.api.setProjection({
      params: { classId: teacher.classId },
      body: { boardIds: [], anonymize: true },
    });
    await teacher.api.updateClass({
      params: { classId: teacher.classId },
      body: { anonymizeStudents: true },
    });
    await publish(teacher, { groups: [ids.slice(0, 2), ids.slice(2)], mode: 'random', asDrawn: true });

    const onProjector = await drawOf(projectorToken);
    expect(onProjector?.groups.flatMap((g) => g.members)).toHaveLength(4);
    expect(JSON.stringify(onProjector)).not.toMatch(/Realname/);
    const toAna = await drawOf(students[0]!.token);
    expect(toAna?.groups[0]?.members.map((m) => m.name)).toContainEqual('Ana Realname');
    expect(JSON.stringify(toAna).match(/Realname/g)).toHaveLength(1);
  });

  it('answers no draw for groups chosen by mode or moved by hand, and a publication in another mode ends one', async () => {
    const { server, teacher, students, drawOf } = await classOfFour();
    const ids = students.map((s) => s.identity.studentId);
    const groups = [ids.slice(0, 2), ids.slice(2)];
    const student = socketFor(server, { token: students[0]!.token });
    const heard: GroupsPublished[] = [];
    student.on('groupsPublished', (p) => heard.push(p));
    await waitFor(() => student.connected, 'student socket');
    const token = students[0]!.token;

    await publish(teacher, { groups, mode: 'mix' });
    expect(await drawOf(token)).toBeNull();
    await publish(teacher, { groups, mode: 'random', asDrawn: false }); // a student moved by hand
    expect(await drawOf(token)).toBeNull();
    await publish(teacher, { groups, mode: 'mix', asDrawn: true }); // asDrawn means nothing outside random
    expect(await drawOf(token)).toBeNull();
    await publish(teacher, { groups, mode: 'random', asDrawn: true });
    expect(await drawOf(token)).not.toBeNull();
    await publish(teacher, { groups, mode: 'similar' });
    expect(await drawOf(token)).toBeNull();

    await waitFor(() => heard.length === 5, 'every publication heard by the class');
    expect(heard.map((p) => p.drawnAt !== null)).toEqual([false, false, false, true, false]);
  });

  it('stops showing a draw once the teacher moves a student by hand, and not when a late arrival is placed', async () => {
    const { server, teacher, students, drawOf } = await classOfFour();
    const ids = students.map((s) => s.identity.studentId);
    const token = students[0]!.token;
    const student = socketFor(server, { token });
    const heard: GroupsPublished[] = [];
    student.on('groupsPublished', (p) => heard.push(p));
    await waitFor(() => student.connected, 'student socket');
    await publish(teacher, { groups: [ids.slice(0, 2), ids.slice(2)], mode: 'random', asDrawn: true });
    const groupIds = (await drawOf(token))!.groups.map((g) => g.groupId);

    // The draw places a late arrival itself: still chance.
    await joinAs(server, teacher.joinCode, 'Eve Realname');
    expect((await drawOf(token))?.groups.flatMap((g) => g.members.map((m) => m.name))).toContain(
      'Eve Realname',
    );

    await teacher.api.assignStudent({
      params: { classId: teacher.classId, studentId: ids[0]! },
      body: { groupId: groupIds[1]! },
    });
    expect(await drawOf(token)).toBeNull();
    await waitFor(() => heard.at(-1)?.drawnAt === null, 'the class to hear the draw is over');
  });

  it('stops showing a draw once the teacher deletes one of its groups: its students leave it by hand', async () => {
    const { teacher, students, drawOf } = await classOfFour();
    const ids = students.map((s) => s.identity.studentId);
    const token = students[0]!.token;
    await publish(teacher, { groups: [ids.slice(0, 2), ids.slice(2)], mode: 'random', asDrawn: true });
    const groupId = (await drawOf(token))!.groups[1]!.groupId;

    const deleted = await teacher.request('DELETE', `/api/classes/${teacher.classId}/groups/${groupId}`);
    expect(deleted.status).toBe(200);
    expect(await drawOf(token)).toBeNull();
  });

  it('tells the projector, not the students, when a late arrival is placed into the draw on show', async () => {
    const { server, teacher, students, projectorToken, drawOf } = await classOfFour();
    const ids = students.map((s) => s.identity.studentId);
    const groups = [ids.slice(0, 2), ids.slice(2)];
    const projector = socketFor(server, { token: projectorToken });
    const student = socketFor(server, { token: students[0]!.token });
    const toProjector: GroupsPublished[] = [];
    const toStudent: GroupsPublished[] = [];
    projector.on('groupsPublished', (p) => toProjector.push(p));
    student.on('groupsPublished', (p) => toStudent.push(p));
    await waitFor(() => projector.connected && student.connected, 'projector and student sockets');
    await publish(teacher, { groups, mode: 'random', asDrawn: true });
    await waitFor(() => toProjector.length === 1, 'the projector to hear of the draw');

    await joinAs(server, teacher.joinCode, 'Eve Realname');
    await waitFor(() => toProjector.length === 2, 'the projector to hear the draw grew');
    expect(toProjector[1]).toEqual(toProjector[0]); // the same draw: the projector fetches it again
    const onProjector = await drawOf(projectorToken);
    expect(onProjector?.drawnAt).toBe(toProjector[0]?.drawnAt);
    expect(onProjector?.groups.flatMap((g) => g.members.map((m) => m.name))).toContain('Eve Realname');

    // Heard after anything sent to the student before it: a repeat would pop "your group was drawn" again.
    await publish(teacher, { groups, mode: 'mix' });
    await waitFor(() => toStudent.at(-1)?.drawnAt === null, 'the student to hear the next publication');
    expect(toStudent.map((p) => p.drawnAt !== null)).toEqual([true, false]);
  });

  it('tells a late arrival the draw placed them, on finishing the diagnostic, and nobody else in the class', async () => {
    const { server, teacher, students, drawOf } = await classOfFour();
    await teacher.api.setDiagnostic({ params: { classId: teacher.classId }, body: { bank: 'default' } });
    const ids = students.map((s) => s.identity.studentId);
    await publish(teacher, { groups: [ids.slice(0, 2), ids.slice(2)], mode: 'random', asDrawn: true });
    const lou = (await joinAs(server, teacher.joinCode, 'Lou Realname')).body;
    const louSocket = socketFor(server, { token: lou.token });
    const ana = socketFor(server, { token: students[0]!.token });
    const toLou: GroupsPublished[] = [];
    const toAna: GroupsPublished[] = [];
    louSocket.on('groupsPublished', (p) => toLou.push(p));
    ana.on('groupsPublished', (p) => toAna.push(p));
    await waitFor(() => louSocket.connected && ana.connected, 'Lou’s and Ana’s sockets');

    for (const item of DEFAULT_ITEM_BANK.items)
      await apiOf(server, lou.token).answerDiagnostic({
        params: { classId: teacher.classId },
        body: { itemId: item.id, optionId: item.options[0]!.id, confidence: 2 },
      });
    await waitFor(() => toLou.length === 1, 'Lou to hear the draw placed them');
    const draw = await drawOf(lou.token);
    expect(toLou[0]?.drawnAt).toBe(draw?.drawnAt);
    expect(draw?.groups.flatMap((g) => g.members.map((m) => m.studentId))).toContain(lou.identity.studentId);

    // Heard after anything sent to Ana before it: she was not told the draw again.
    await publish(teacher, { groups: [ids.slice(0, 2), ids.slice(2)], mode: 'mix' });
    await waitFor(() => toAna.at(-1)?.drawnAt === null, 'Ana to hear the next publication');
    expect(toAna.map((p) => p.drawnAt !== null)).toEqual([false]);
  });
});
