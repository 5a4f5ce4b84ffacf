import { expect, it } from 'vitest';
import { apiOf, createClassAsTeacher } from '../test/classroomClient.js';
import { startTestServer } from '../test/testServer.js';
import { MAX_SESSIONS_PER_CLASS } from './classSessions.js';

/** The route budget refills by the server's clock: a second between batches of trades keeps within it. */
const BATCH = 20;

it('keeps a class’s newest projector sessions and deletes the oldest beyond its bound', async () => {
  let now = Date.now();
  const server = await startTestServer({}, { now: () => now });
  const teacher = await createClassAsTeacher(server);
  const api = apiOf(server);
  const tokens: string[] = [];
  for (let i = 0; i < MAX_SESSIONS_PER_CLASS.projector + 2; i++) {
    if (i % BATCH === 0) now += 10_000;
    const traded = await api.startProjectorSession({
      params: { classId: teacher.classId },
      body: { key: teacher.projectorKey },
    });
    tokens.push(traded.token);
  }
  const works = async (token: string) =>
    (await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } })).status === 200;
  // The two oldest are gone; every one of the newest still opens the class's view.
  expect(await works(tokens[0] as string)).toBe(false);
  expect(await works(tokens[1] as string)).toBe(false);
  for (const token of tokens.slice(2)) expect(await works(token)).toBe(true);
});

it('keeps every device a teacher opened her link on, up to a bound no class reaches, then the newest', async () => {
  let now = Date.now();
  const server = await startTestServer({}, { now: () => now });
  const teacher = await createClassAsTeacher(server);
  const trade = async () => {
    const res = await fetch(`${server.url}/api/classes/${teacher.classId}/teacher-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: teacher.teacherKey }),
    });
    expect(res.status).toBe(200);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  const works = async (cookie: string) =>
    (await fetch(`${server.url}/api/classes/${teacher.classId}`, { headers: { cookie } })).status === 200;

  // A laptop, a tablet and the classroom PC: all keep working, with the first sign-in (createClassAsTeacher).
  const devices = [await trade(), await trade(), await trade()];
  for (const cookie of [teacher.cookie, ...devices]) expect(await works(cookie)).toBe(true);

  // A script trading the link over and over: the oldest go, the newest stay.
  const cookies: string[] = [];
  for (let i = 0; i < MAX_SESSIONS_PER_CLASS.teacher; i++) {
    if (i % BATCH === 0) now += 10_000;
    cookies.push(await trade());
  }
  for (const cookie of [teacher.cookie, ...devices]) expect(await works(cookie)).toBe(false);
  expect(await works(cookies[0] as string)).toBe(true);
  expect(await works(cookies.at(-1) as string)).toBe(true);
});
