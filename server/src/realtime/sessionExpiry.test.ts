import { describe, expect, it } from 'vitest';
import { SESSION_EXPIRED, YjsCloseCode } from '@conjecture/shared';
import { assign, createClassAsTeacher, createGroup, joinAs } from '../test/classroomClient.js';
import { RecordingClock, type RecordedTimer } from '../test/recordingClock.js';
import { rawRoundTrip } from '../test/roundTrip.js';
import { emitRaw, socketFor, type ClientSocket } from '../test/sockets.js';
import { rawSocket, startTestServer } from '../test/testServer.js';
import { silentLogger } from '../util/logger.js';
import { Scheduler } from '../util/scheduler.js';
import type { SocketServer } from '../socket/socketServer.js';
import type { YjsEndpoint } from '../yjs/yjsEndpoint.js';
import { SESSION_EXPIRY_SWEEP_MS, sweepExpiredSessions } from './sessionExpiry.js';

const HOUR_MS = 3600_000;
const isSweep = (t: RecordedTimer) => t.startedBy === 'realtime/sessionExpiry.ts';

const connected = (socket: ClientSocket) =>
  new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
const disconnected = (socket: ClientSocket) =>
  new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

/**
 * Ana in Group 1 of a class whose sessions last a day, on a server whose clock the test moves (`time.now`)
 * and whose session timers — the sweep, the alarm — are held: each runs when the test says (`clock.runHeld`).
 */
async function anaInAGroupOnAHeldClock() {
  const time = { now: Date.now() };
  const clock = new RecordingClock(isSweep);
  const server = await startTestServer({ SESSION_MAX_AGE_DAYS: '1' }, { now: () => time.now, clock });
  const teacher = await createClassAsTeacher(server);
  const ana = (await joinAs(server, teacher.joinCode, 'Ana')).body;
  const group = await createGroup(teacher, 'Group 1');
  await assign(teacher, ana.identity.studentId, group.groupId);
  return { time, clock, server, teacher, ana, group };
}

describe('a session that expires while its connections are open', () => {
  it('has its board connections closed with 4401 and its sockets disconnected, as a revoked one; newer sessions stay', async () => {
    const { time, clock, server, teacher, ana, group } = await anaInAGroupOnAHeldClock();
    time.now += 12 * HOUR_MS;
    const ben = (await joinAs(server, teacher.joinCode, 'Ben')).body; // half a day younger than Ana's
    await assign(teacher, ben.identity.studentId, group.groupId);

    const anaBoard = await rawSocket(server, group.boardId, `token=${ana.token}`);
    const benBoard = await rawSocket(server, group.boardId, `token=${ben.token}`);
    const anaSocket = socketFor(server, { token: ana.token });
    const benSocket = socketFor(server, { token: ben.token });
    const teacherSocket = socketFor(server, { classId: teacher.classId }, teacher.cookie);
    await Promise.all([anaSocket, benSocket, teacherSocket].map(connected));
    await Promise.all([rawRoundTrip(anaBoard.ws), rawRoundTrip(benBoard.ws)]);

    // One sweep for the whole server, whatever the connections: no timer per session, none past 2^31-1 ms.
    expect(clock.liveTimers().filter(isSweep)).toEqual([
      { kind: 'interval', ms: SESSION_EXPIRY_SWEEP_MS, startedBy: 'realtime/sessionExpiry.ts' },
    ]);

    // Not expired yet (a day less a minute): the sweep leaves everyone connected.
    time.now += 12 * HOUR_MS - 60_000;
    expect(clock.runHeld(isSweep)).toBe(1);
    await rawRoundTrip(anaBoard.ws);
    expect(await emitRaw(anaSocket, 'raiseHand', { raised: true })).toMatchObject({ ok: true });

    // A day and a minute after Ana and the teacher signed in: both their sessions have expired.
    time.now += 2 * 60_000;
    const anaGone = disconnected(anaSocket);
    const teacherGone = disconnected(teacherSocket);
    clock.runHeld(isSweep);
    // Closed by the sweep, before the server could answer anything sent after it.
    await expect(rawRoundTrip(anaBoard.ws)).rejects.toThrow(`closed (${YjsCloseCode.unauthorized})`);
    expect(await anaBoard.closed).toEqual({ code: YjsCloseCode.unauthorized, reason: SESSION_EXPIRED });
    // The server's own disconnect, which socket.io does not retry: the page asks /me why (below).
    expect(await anaGone).toBe('io server disconnect');
    expect(await teacherGone).toBe('io server disconnect');
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${ana.token}` } });
    expect(me.status).toBe(401);
    expect(((await me.json()) as { message: string }).message).toBe(SESSION_EXPIRED);

    // Ben's session is half a day younger: his board and socket carry on.
    await rawRoundTrip(benBoard.ws);
    expect(await emitRaw(benSocket, 'raiseHand', { raised: true })).toMatchObject({ ok: true });
    expect(benSocket.connected).toBe(true);
  });
});

describe('a session that expires between two sweeps', () => {
  it('has its connections cut at its expiry by one alarm, not up to a sweep later', async () => {
    const { time, clock, server, ana, group } = await anaInAGroupOnAHeldClock();
    const expiresAt = server.classroom.sessionExpiresAt(ana.token.slice(0, ana.token.indexOf('.'))) as number;

    // Half a minute before her session expires, Ana opens her board and her class socket.
    time.now = expiresAt - 30_000;
    const anaBoard = await rawSocket(server, group.boardId, `token=${ana.token}`);
    const anaSocket = socketFor(server, { token: ana.token });
    await connected(anaSocket);
    await rawRoundTrip(anaBoard.ws);
    const isAlarm = (t: RecordedTimer) => isSweep(t) && t.kind === 'timeout';
    // One alarm for both connections, due at her expiry: the sweep would come up to a minute after it.
    expect(clock.liveTimers().filter(isAlarm)).toEqual([
      { kind: 'timeout', ms: 30_001, startedBy: 'realtime/sessionExpiry.ts' },
    ]);

    time.now = expiresAt + 1;
    const anaGone = disconnected(anaSocket);
    expect(clock.runHeld(isAlarm)).toBe(1);
    expect(await anaBoard.closed).toEqual({ code: YjsCloseCode.unauthorized, reason: SESSION_EXPIRED });
    expect(await anaGone).toBe('io server disconnect');
    expect(clock.liveTimers().filter(isAlarm)).toEqual([]); // nothing left to cut
  });

  it('leaves no alarm behind when the server closes before it rings', async () => {
    const { time, clock, server, ana } = await anaInAGroupOnAHeldClock();
    time.now += 24 * HOUR_MS - 30_000;
    await connected(socketFor(server, { token: ana.token }));
    expect(clock.liveTimers().filter((t) => isSweep(t) && t.kind === 'timeout')).toHaveLength(1);
    // The cleanup closes the server and fails the test if any timer of it is left.
  });
});

describe('a socket whose session expired before the sweep came', () => {
  it('is refused as expired at its next event, as REST refuses it, whatever the sweep’s timing', async () => {
    // Its session timers held: the sweep never runs here.
    const { time, server, teacher, ana, group } = await anaInAGroupOnAHeldClock();
    const anaSocket = socketFor(server, { token: ana.token });
    await connected(anaSocket);
    expect(await emitRaw(anaSocket, 'watchBoard', { boardId: group.boardId })).toMatchObject({ ok: true });

    time.now += 24 * HOUR_MS + 60_000;
    const expired = { ok: false, error: { code: 'unauthorized', message: SESSION_EXPIRED } };
    expect(await emitRaw(anaSocket, 'raiseHand', { raised: true })).toEqual(expired);
    expect(await emitRaw(anaSocket, 'watchBoard', { boardId: group.boardId })).toEqual(expired);
    expect(server.classroom.raisedHands(teacher.classId)).toEqual([]);
  });
});

describe('an expired session', () => {
  it('is still refused as expired for a week after its expiry, then deleted by the sweep', async () => {
    const { time, clock, server, teacher, ana } = await anaInAGroupOnAHeldClock();
    const sessionOf = (token: string) => token.slice(0, token.indexOf('.'));
    const meOf = async (token: string) => {
      const res = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
      return { status: res.status, message: ((await res.json()) as { message?: string }).message };
    };

    // Expired a minute ago: refused with the reason a page shows, and kept so it can say so.
    time.now += 24 * HOUR_MS + 60_000;
    const ben = (await joinAs(server, teacher.joinCode, 'Ben')).body;
    clock.runHeld(isSweep);
    expect(await meOf(ana.token)).toEqual({ status: 401, message: SESSION_EXPIRED });
    expect(server.classroom.sessionExpiresAt(sessionOf(ana.token))).not.toBeNull();

    // A week and two minutes after its expiry: the sweep deletes the row; Ben's younger session stays.
    time.now += 7 * 24 * HOUR_MS + 60_000;
    clock.runHeld(isSweep);
    expect(server.classroom.sessionExpiresAt(sessionOf(ana.token))).toBeNull();
    expect((await meOf(ana.token)).status).toBe(401);
    expect(server.classroom.sessionExpiresAt(sessionOf(ben.token))).not.toBeNull();
  });
});

describe('the expiry sweep when storage fails', () => {
  it('logs the failed deletion and still closes what expired, rather than throwing out of a timer', () => {
    const clock = new RecordingClock(isSweep); // the sweep is held: it runs when the test says
    const scheduler = new Scheduler(clock);
    const errors: string[] = [];
    const log = { ...silentLogger, error: (message: string) => void errors.push(message) };
    const closed: number[] = [];
    const yjs = {
      connections: () => [{ expiresAt: 0, peer: { close: (code: number) => void closed.push(code) } }],
      onOpen: () => {},
    } as unknown as YjsEndpoint;
    const io = { sockets: { sockets: new Map() }, on: () => {} } as unknown as SocketServer;
    const classroom = {
      deleteExpiredSessions: () => {
        throw new Error('SQLITE_FULL: database or disk is full');
      },
    };
    sweepExpiredSessions(yjs, io, classroom, () => 1, scheduler, log);
    expect(() => clock.runHeld(isSweep)).not.toThrow();
    expect(errors).toEqual(['deleting expired sessions failed']);
    expect(closed).toEqual([YjsCloseCode.unauthorized]);
    scheduler.close();
  });
});
