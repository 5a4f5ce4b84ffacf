import { expect, it } from 'vitest';
import { JOIN_ATTEMPT_CONFLICT, nameAttemptJoinedAs } from '@conjecture/shared';
import { assign, createClassAsTeacher, createGroup, type TeacherHandle } from '../test/classroomClient.js';
import { socketFor } from '../test/sockets.js';
import { postJoinForm } from '../test/joinForm.js';
import { startTestServer, waitFor } from '../test/testServer.js';

const me = (url: string, token: string) =>
  fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } });

const rosterNames = async (teacher: TeacherHandle) =>
  (await teacher.api.classState({ params: { classId: teacher.classId } })).students.map((s) => s.displayName);

const studentIdOf = (body: unknown) => (body as { identity: { studentId: string } }).identity.studentId;

/** Ana's join is stored but its answer never reaches her browser; she edits her name and is told it joined. */
async function anaJoinedThenEditedHerName() {
  const server = await startTestServer();
  const teacher = await createClassAsTeacher(server);
  const teacherSocket = socketFor(server, { classId: teacher.classId }, teacher.cookie);
  let rosterChanges = 0;
  teacherSocket.on('rosterChanged', () => rosterChanges++);
  await waitFor(() => teacherSocket.connected, 'teacher socket');
  const attempt = { joinCode: teacher.joinCode, displayName: 'Ana', attemptId: 'n'.repeat(16) + 'renamed' };
  const lost = await postJoinForm(server.url, attempt);
  expect(lost.status).toBe(200);
  const edited = await postJoinForm(server.url, { ...attempt, displayName: 'Ana P.' });
  expect(edited.status).toBe(409);
  expect(nameAttemptJoinedAs(String(edited.body.message))).toBe('Ana');
  return { server, teacher, attempt, lost, rosterChanges: () => rosterChanges };
}

it('leaves one student on the roster, under the name she chose, when she joins under her edited name', async () => {
  const { server, teacher, attempt, lost, rosterChanges } = await anaJoinedThenEditedHerName();
  const renamed = await postJoinForm(server.url, { ...attempt, displayName: 'Ana P.', renameAttempt: true });
  expect(renamed.status).toBe(200);
  expect(renamed.body.identity).toMatchObject({ studentId: studentIdOf(lost.body), displayName: 'Ana P.' });
  expect(await rosterNames(teacher)).toEqual(['Ana P.']);
  // The dashboard hears of it as of any roster change: the join, then the rename.
  await waitFor(() => rosterChanges() === 2, 'the rename to reach the dashboard');

  // The lost answer's session is gone (nobody held it); the new one is hers, and a retry gets it again.
  expect((await me(server.url, String(lost.body.token))).status).toBe(401);
  expect(await (await me(server.url, String(renamed.body.token))).json()).toMatchObject({
    displayName: 'Ana P.',
  });
  const again = await postJoinForm(server.url, { ...attempt, displayName: 'Ana P.', renameAttempt: true });
  expect(again.body.token).toBe(renamed.body.token);
  // "Ana" is free for the classmate of that name.
  expect((await postJoinForm(server.url, { joinCode: teacher.joinCode, displayName: 'Ana' })).status).toBe(
    200,
  );
  expect(await rosterNames(teacher)).toEqual(['Ana P.', 'Ana']);
});

it('renames a student the grouping placed while her answer was lost: nothing in the group is hers yet', async () => {
  const { server, teacher, attempt, lost } = await anaJoinedThenEditedHerName();
  const group = await createGroup(teacher, 'Group 1');
  expect((await assign(teacher, studentIdOf(lost.body), group.groupId)).status).toBe(200);
  const renamed = await postJoinForm(server.url, { ...attempt, displayName: 'Ana P.', renameAttempt: true });
  expect(renamed.body.identity).toMatchObject({ displayName: 'Ana P.', group: { groupId: group.groupId } });
  expect(await rosterNames(teacher)).toEqual(['Ana P.']);
});

it('keeps the name of a student whose session was used, whether by a request or a connection', async () => {
  const { server, teacher, attempt, lost } = await anaJoinedThenEditedHerName();
  // Someone holds the first answer after all (a copied attempt id, or a client that sends one for everyone).
  expect((await me(server.url, String(lost.body.token))).status).toBe(200);
  const refused = await postJoinForm(server.url, { ...attempt, displayName: 'Ben', renameAttempt: true });
  expect(refused).toMatchObject({ status: 409, body: { code: 'conflict' } });
  expect(nameAttemptJoinedAs(String(refused.body.message))).toBe('Ana');
  expect(String(refused.body.message)).toContain(JOIN_ATTEMPT_CONFLICT.inUse);
  expect(JSON.stringify(refused.body)).not.toContain(String(lost.body.token));
  expect(await rosterNames(teacher)).toEqual(['Ana']);
  expect((await me(server.url, String(lost.body.token))).status).toBe(200);

  const bo = { joinCode: teacher.joinCode, displayName: 'Bo', attemptId: 'c'.repeat(16) + 'connected' };
  const boJoined = await postJoinForm(server.url, bo);
  const socket = socketFor(server, { token: String(boJoined.body.token) });
  await waitFor(() => socket.connected, 'Bo’s socket');
  const boRefused = await postJoinForm(server.url, { ...bo, displayName: 'Bob', renameAttempt: true });
  expect(boRefused.status).toBe(409);
  expect(await rosterNames(teacher)).toEqual(['Ana', 'Bo']);
});

it('refuses a rename to a classmate’s name, or for a student the teacher removed, and changes nothing', async () => {
  const { server, teacher, attempt, lost } = await anaJoinedThenEditedHerName();
  expect((await postJoinForm(server.url, { joinCode: teacher.joinCode, displayName: 'Ana P.' })).status).toBe(
    200,
  );
  const taken = await postJoinForm(server.url, { ...attempt, displayName: 'ana p.', renameAttempt: true });
  expect(taken).toMatchObject({ status: 409, body: { message: /already called/ } });
  expect(await rosterNames(teacher)).toEqual(['Ana', 'Ana P.']);

  const removed = await teacher.request(
    'DELETE',
    `/api/classes/${teacher.classId}/students/${studentIdOf(lost.body)}`,
    {},
  );
  expect(removed.status).toBe(200);
  const afterRemoval = await postJoinForm(server.url, {
    ...attempt,
    displayName: 'Ana Q.',
    renameAttempt: true,
  });
  expect(afterRemoval.status).toBe(409);
  expect(String(afterRemoval.body.message)).toMatch(new RegExp(`^${JOIN_ATTEMPT_CONFLICT.removed}`));
  expect(await rosterNames(teacher)).toEqual(['Ana P.']);
});

it('refuses renameAttempt when it is not `true`, before anything is stored', async () => {
  const server = await startTestServer();
  const { joinCode } = await createClassAsTeacher(server);
  const sent = { joinCode, displayName: 'Ana', attemptId: 'x'.repeat(16), renameAttempt: 'yes' };
  expect((await postJoinForm(server.url, sent)).status).toBe(400);
});
