import { expect, it } from 'vitest';
import { JOIN_ATTEMPT_CONFLICT, nameAttemptJoinedAs } from '@conjecture/shared';
import { createClassAsTeacher } from '../test/classroomClient.js';
import { postJoinForm } from '../test/joinForm.js';
import { startTestServer } from '../test/testServer.js';

const DAY_MS = 24 * 3600_000;

it('answers a retried join attempt with the student it stored, and still refuses another with the name', async () => {
  const server = await startTestServer();
  const { joinCode, classId } = await createClassAsTeacher(server);
  const attempt = { joinCode, displayName: 'Ana', attemptId: 'a'.repeat(16) + 'retry-1' };
  // The first answer is lost (e.g. a 503 while the class moved): the form sends the same attempt again.
  const first = await postJoinForm(server.url, attempt);
  const retry = await postJoinForm(server.url, attempt);
  expect(first.status).toBe(200);
  expect(retry.status).toBe(200);
  expect(retry.body.identity).toEqual(first.body.identity);
  // Answered with the session the attempt made, not a new one: retries add no rows, however many.
  expect(retry.body.token).toBe(first.body.token);
  expect((await postJoinForm(server.url, attempt)).body.token).toBe(first.body.token);
  const me = await fetch(`${server.url}/api/me`, {
    headers: { authorization: `Bearer ${retry.body.token}` },
  });
  expect(await me.json()).toMatchObject({ role: 'student', classId, displayName: 'Ana' });

  // The same attempt under an edited name: refused, naming the name it joined under for the form to offer.
  const edited = await postJoinForm(server.url, { ...attempt, displayName: 'Ana P.' });
  expect(edited.status).toBe(409);
  expect(nameAttemptJoinedAs(String(edited.body.message))).toBe('Ana');

  // Another browser (another attempt, or none) with the name is still told it is taken.
  const other = await postJoinForm(server.url, { ...attempt, attemptId: 'b'.repeat(16) });
  expect(other.status).toBe(409);
  expect((await postJoinForm(server.url, { joinCode, displayName: 'Ana' })).status).toBe(409);
  // An attempt id that is not one is refused before anything is stored.
  expect(
    (await postJoinForm(server.url, { ...attempt, displayName: 'Ben', attemptId: 'short' })).status,
  ).toBe(400);
  expect((await postJoinForm(server.url, { joinCode, displayName: 'Ben' })).status).toBe(200);
});

it('answers a removed student’s attempt sent again with a clear refusal, and a new attempt with a new student', async () => {
  const server = await startTestServer();
  const teacher = await createClassAsTeacher(server);
  const attempt = { joinCode: teacher.joinCode, displayName: 'Ana', attemptId: 'r'.repeat(16) + 'removed' };
  const ana = await postJoinForm(server.url, attempt);
  const studentIdOf = (body: unknown) => (body as { identity: { studentId: string } }).identity.studentId;
  const studentId = studentIdOf(ana.body);
  const removed = await teacher.request(
    'DELETE',
    `/api/classes/${teacher.classId}/students/${studentId}`,
    {},
  );
  expect(removed.status).toBe(200);

  const again = await postJoinForm(server.url, attempt);
  expect(again).toMatchObject({ status: 409, body: { code: 'conflict' } });
  expect(again.body.message).toMatch(new RegExp(`^${JOIN_ATTEMPT_CONFLICT.removed}`));
  const fresh = await postJoinForm(server.url, { ...attempt, attemptId: 's'.repeat(16) });
  expect(fresh.status).toBe(200);
  expect(studentIdOf(fresh.body)).not.toBe(studentId);
});

it('answers an attempt sent again after its session expired with a new session for the same student', async () => {
  let now = Date.now();
  const server = await startTestServer({ SESSION_MAX_AGE_DAYS: '1' }, { now: () => now });
  const { joinCode } = await createClassAsTeacher(server);
  const attempt = { joinCode, displayName: 'Ana', attemptId: 'e'.repeat(16) + 'expired' };
  const first = await postJoinForm(server.url, attempt);
  now += DAY_MS + 60_000;
  const again = await postJoinForm(server.url, attempt);
  expect(again.status).toBe(200);
  expect(again.body.identity).toEqual(first.body.identity);
  expect(again.body.token).not.toBe(first.body.token);
  const me = await fetch(`${server.url}/api/me`, {
    headers: { authorization: `Bearer ${again.body.token}` },
  });
  expect(me.status).toBe(200);
  // And sent again once more: that new session, not a third.
  expect((await postJoinForm(server.url, attempt)).body.token).toBe(again.body.token);
});

it('refuses an attempt sent again under another name (409), so a shared attempt id never hands over a student', async () => {
  const server = await startTestServer();
  const { joinCode } = await createClassAsTeacher(server);
  // A careless client that sends one fixed attempt id for everyone, or a classmate who copied Ana's.
  const attemptId = 'f'.repeat(16) + 'fixed';
  const ana = await postJoinForm(server.url, { joinCode, displayName: 'Ana', attemptId });
  expect(ana.status).toBe(200);
  const ben = await postJoinForm(server.url, { joinCode, displayName: 'Ben', attemptId });
  expect(ben).toMatchObject({ status: 409, body: { code: 'conflict', message: /Ana/ } });
  expect(JSON.stringify(ben.body)).not.toContain(ana.body.token);
});
