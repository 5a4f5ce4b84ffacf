import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '@conjecture/shared';
import { assign, createClassAsTeacher, createGroup, joinAs } from '../test/classroomClient.js';
import { emitRaw, socketFor } from '../test/sockets.js';
import { onCleanup, startTestServer } from '../test/testServer.js';
import { expectHourlyCapPerAddress } from '../test/hourlyCap.js';
import type { RunningServer } from '../createServer.js';

describe('classes without accounts', () => {
  it('creates a class with a look-alike-free join code and links that carry secrets only after #', async () => {
    const server = await startTestServer();
    const res = await fetch(`${server.url}/api/classes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Ratios', taskPrompt: 'Better deal?' }),
    });
    const created = (await res.json()) as { joinCode: string; teacherLink: string; projectorLink: string };
    expect([...created.joinCode].every((c) => JOIN_CODE_ALPHABET.includes(c))).toBe(true);
    expect(created.teacherLink).toMatch(/^\/teach\/[\w-]+#key=[\w-]{20,}$/);
    expect(created.projectorLink).toMatch(/^\/project\/[\w-]+#key=[\w-]{20,}$/);
  });

  it('limits class creation per client address, with Retry-After (MAX_CLASSES_PER_HOUR)', async () => {
    await expectHourlyCapPerAddress('MAX_CLASSES_PER_HOUR', '/api/classes', { title: 'Ratios' });
  });

  it('trades the teacher secret for an httpOnly cookie, and refuses a wrong one', async () => {
    const server = await startTestServer();
    const teacher = await createClassAsTeacher(server);
    expect(teacher.cookie).toMatch(/^conjecture_teacher_/);
    const state = await teacher.request('GET', `/api/classes/${teacher.classId}`);
    expect(state.status).toBe(200);
    const wrong = await fetch(`${server.url}/api/classes/${teacher.classId}/teacher-session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'x'.repeat(32) }),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('joins students with unique trimmed names and returns the same identity on rejoin', async () => {
    const server = await startTestServer();
    const teacher = await createClassAsTeacher(server);
    const ana = await joinAs(server, teacher.joinCode.toLowerCase(), '  Ana   Lopez ');
    expect(ana.status).toBe(200);
    expect(ana.body.identity).toMatchObject({ role: 'student', displayName: 'Ana Lopez', group: null });
    const clash = await joinAs(server, teacher.joinCode, 'ana lopez');
    expect(clash.status).toBe(409);
    expect(String(clash.body.message)).toMatch(/already called/);
    const tooLong = await joinAs(server, teacher.joinCode, 'x'.repeat(41));
    expect(tooLong.status).toBe(400);
    const rejoin = await joinAs(server, teacher.joinCode, 'Ana Lopez', ana.body.token);
    expect(rejoin.body.identity.studentId).toBe(ana.body.identity.studentId);
    const me = await fetch(`${server.url}/api/me`, {
      headers: { authorization: `Bearer ${ana.body.token}` },
    });
    expect(await me.json()).toMatchObject({ role: 'student', studentId: ana.body.identity.studentId });
  });

  it('refuses names that read as a classmate’s or as the teacher’s, and names that turn text around', async () => {
    const server = await startTestServer();
    const teacher = await createClassAsTeacher(server);
    expect((await joinAs(server, teacher.joinCode, 'Maria')).status).toBe(200);
    // Shown as "Maria" on every roster, cursor and critique reply: a second Maria in all but bytes.
    for (const lookalike of [
      'Maria\u200b',
      'M\u200daria',
      'M\u0430ria',
      '\uff2d\uff41\uff52\uff49\uff41',
      'MΑRIA',
      'Maria\u2800', // braille blank: drawn as nothing, yet no space and not invisible to Unicode
    ]) {
      const clash = await joinAs(server, teacher.joinCode, lookalike);
      expect(clash.status, JSON.stringify(lookalike)).toBe(409);
      expect(String(clash.body.message)).toMatch(/already called/);
    }
    // The app labels the teacher's replies and cursor "Teacher": no student goes by it, however spelt.
    for (const staff of ['Teacher', 'teacher', 'T\u0435acher', 'Teacher!', 'CONJECTURE']) {
      const refused = await joinAs(server, teacher.joinCode, staff);
      expect(refused.status, JSON.stringify(staff)).toBe(400);
      expect(String(refused.body.message)).toMatch(/names someone else/);
    }
    // A name that shows nothing: whoever wrote under it could not be told on any roster or reply.
    for (const blank of ['\u2800', '\u2800 \u2800', '\u3164', '\u200b\u200d', '\u00ad']) {
      const refused = await joinAs(server, teacher.joinCode, blank);
      expect(refused.status, JSON.stringify(blank)).toBe(400);
      expect(refused.body).toMatchObject({ code: 'bad_request' });
    }
    for (const turned of ['Ana\u202eatiraM', 'Ana\u2067x', 'Ana\u0085']) {
      expect((await joinAs(server, teacher.joinCode, turned)).status, JSON.stringify(turned)).toBe(400);
    }
    // Honest names still join: accents, other scripts, a teacher's namesake.
    for (const honest of ['Mar\u00eda', 'Мария', 'Teacher’s Pet', 'Zoë']) {
      expect((await joinAs(server, teacher.joinCode, honest)).status, honest).toBe(200);
    }
  });

  it('refuses unknown codes, closed joining, forged tokens', async () => {
    const server = await startTestServer();
    const teacher = await createClassAsTeacher(server);
    expect((await joinAs(server, 'AAAAAA', 'Bo')).status).toBe(404);
    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { joiningOpen: false });
    const closed = await joinAs(server, teacher.joinCode, 'Bo');
    expect(closed.status).toBe(403);
    expect(String(closed.body.message)).toMatch(/closed joining/);
    const forged = await fetch(`${server.url}/api/me`, { headers: { authorization: 'Bearer abc.def' } });
    expect(forged.status).toBe(401);
  });

  it('refuses an expired session with a clear error', async () => {
    let now = Date.now();
    const server = await startTestServer({ SESSION_MAX_AGE_DAYS: '1' }, { now: () => now });
    const teacher = await createClassAsTeacher(server);
    const ana = await joinAs(server, teacher.joinCode, 'Ana');
    const me = () =>
      fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${ana.body.token}` } });
    expect((await me()).status).toBe(200);
    now += 25 * 3600_000;
    const expired = await me();
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { message: string }).message).toMatch(/expired/);
  });

  it('rate-limits failed join attempts per address, not successful ones', async () => {
    const server = await startTestServer();
    const teacher = await createClassAsTeacher(server);
    // A whole class joining from one address at once is never slowed down.
    const joins = await Promise.all(
      Array.from({ length: 35 }, (_, i) => joinAs(server, teacher.joinCode, `Student ${i}`)),
    );
    expect(joins.every((j) => j.status === 200)).toBe(true);
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i++)
      status = (await joinAs(server, 'CCCCCC', 'Guesser')).status;
    expect(status).toBe(429);
  });

  it('lets right codes and rejoins through from an address a neighbour’s wrong codes limited (a school NAT)', async () => {
    const server = await startTestServer({}, { now: () => 1_000_000 }); // the clock stands still: no refill
    const teacher = await createClassAsTeacher(server);
    const ana = await joinAs(server, teacher.joinCode, 'Ana');
    expect(ana.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await joinAs(server, 'CCCCCC', 'Guesser')).status);
    expect(statuses.slice(0, 30)).toEqual(Array.from({ length: 30 }, () => 404));
    expect(statuses[30]).toBe(429);

    // The same address: a classmate with the right code, and Ana's rejoin with her token, get in.
    expect((await joinAs(server, teacher.joinCode, 'Ben')).status).toBe(200);
    const rejoin = await joinAs(server, teacher.joinCode, 'Ana', ana.body.token);
    expect(rejoin.status).toBe(200);
    expect(rejoin.body.identity.studentId).toBe(ana.body.identity.studentId);
    // A class nobody from here has joined yet also gets in (a second lesson behind the same NAT).
    const second = await createClassAsTeacher(server, 'Second lesson');
    expect((await joinAs(server, second.joinCode, 'Cy')).status).toBe(200);

    // A guesser gets no oracle: once the limited address's checks are spent, a right code for a class it
    // is not in is refused exactly like a wrong one, without being checked.
    let refusedUnchecked = false;
    for (let i = 0; i < 100 && !refusedUnchecked; i++) {
      expect((await joinAs(server, 'DDDDDD', 'Guesser')).status).toBe(429);
      const probe = await joinAs(server, (await createClassAsTeacher(server, `Probe ${i}`)).joinCode, 'P');
      refusedUnchecked = probe.status === 429;
      if (refusedUnchecked) expect(probe.body).toMatchObject({ code: 'rate_limited' });
    }
    expect(refusedUnchecked).toBe(true);
    // …while the classes it is already in still let their students in.
    expect((await joinAs(server, teacher.joinCode, 'Dee')).status).toBe(200);
  });

  it('behind a proxy (TRUST_PROXY=1) limits failed joins by the forwarded address; without it, ignores the header', async () => {
    const guess = (server: RunningServer, forwardedFor: string) =>
      fetch(`${server.url}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
        body: JSON.stringify({ joinCode: 'CCCCCC', displayName: 'Guesser' }),
      }).then((r) => r.status);
    const limitedAfter = async (server: RunningServer, forwardedFor: (i: number) => string) => {
      for (let i = 0; i < 40; i++) if ((await guess(server, forwardedFor(i))) === 429) return i;
      return null;
    };

    const proxied = await startTestServer({ TRUST_PROXY: '1' });
    expect(await limitedAfter(proxied, () => '203.0.113.7')).not.toBeNull();
    // Another client behind the same proxy is not slowed down by the first one's guesses.
    expect(await guess(proxied, '198.51.100.9')).not.toBe(429);

    // Without TRUST_PROXY a forged header changes nothing: every guess counts against the real address.
    const direct = await startTestServer();
    expect(await limitedAfter(direct, (i) => `192.0.2.${i}`)).not.toBeNull();
  });

  it('refuses teacher actions from a student token, and from no credential', async () => {
    const server = await startTestServer();
    const teacher = await createClassAsTeacher(server);
    const ana = await joinAs(server, teacher.joinCode, 'Ana');
    const asStudent = (method: string, p: string, body?: unknown) =>
      fetch(`${server.url}${p}`, {
        method,
        headers: { authorization: `Bearer ${ana.body.token}`, 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
    expect((await asStudent('PATCH', `/api/classes/${teacher.classId}`, { paused: true })).status).toBe(403);
    expect((await asStudent('POST', `/api/classes/${teacher.classId}/groups`, {})).status).toBe(403);
    expect((await asStudent('GET', `/api/classes/${teacher.classId}`)).status).toBe(403);
    expect((await fetch(`${server.url}/api/classes/${teacher.classId}`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/classes/nosuchclass1`)).status).toBe(404);
    // Another class's teacher cookie does not open this class.
    const other = await createClassAsTeacher(server, 'Other');
    const cross = await fetch(`${server.url}/api/classes/${teacher.classId}`, {
      headers: { cookie: other.cookie },
    });
    expect(cross.status).toBe(401);
  });

  it('keeps classes, students, groups, questions, answers, pause and tokens across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-class-'));
    onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
    const env = { STORAGE: 'sqlite', DATA_DIR: dir };
    const first = await startTestServer(env);
    const teacher = await createClassAsTeacher(first);
    const ana = await joinAs(first, teacher.joinCode, 'Ana');
    const g1 = await createGroup(teacher, 'Group 1');
    expect((await assign(teacher, ana.body.identity.studentId, g1.groupId)).status).toBe(200);
    const posed = await teacher.request('POST', `/api/classes/${teacher.classId}/questions`, {
      text: 'Why?',
    });
    const { questionId } = (await posed.json()) as { questionId: string };
    const anaSocket = socketFor(first, { token: ana.body.token });
    expect(await emitRaw(anaSocket, 'answerQuestion', { questionId, text: 'Because.' })).toMatchObject({
      ok: true,
    });
    await teacher.request('PATCH', `/api/classes/${teacher.classId}`, { paused: true });
    await first.close();

    const second = await startTestServer(env);
    const me = await fetch(`${second.url}/api/me`, {
      headers: { authorization: `Bearer ${ana.body.token}` },
    });
    expect(await me.json()).toMatchObject({ group: { groupId: g1.groupId, boardId: g1.boardId } });
    const state = await fetch(`${second.url}/api/classes/${teacher.classId}`, {
      headers: { cookie: teacher.cookie },
    });
    expect(await state.json()).toMatchObject({
      paused: true,
      students: [{ displayName: 'Ana', groupId: g1.groupId }],
    });
    // A class's board answers those who may open it (its group's name is its title).
    const board = await fetch(`${second.url}/api/boards/${g1.boardId}`, {
      headers: { cookie: teacher.cookie },
    });
    expect(board.status).toBe(200);
    const questions = await fetch(`${second.url}/api/classes/${teacher.classId}/questions`, {
      headers: { cookie: teacher.cookie },
    });
    expect(await questions.json()).toMatchObject([{ text: 'Why?', answers: [{ text: 'Because.' }] }]);
  });
});
