import { describe, expect, it } from 'vitest';
import { ADDRESS_BUDGET_FACTOR, CSV_TABLE_NAMES, ROUTE_BUDGETS, routes } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';
import { classWithGroupOfTwo, type TeacherHandle } from '../test/classroomClient.js';
import { startTestServer } from '../test/testServer.js';
import { RouteBudgets } from './routeBudgets.js';

/** A server whose clock stands still until the test moves it: budgets refill only when told. */
async function serverWithStillClock() {
  let at = Date.now();
  const server = await startTestServer({}, { now: () => at });
  return { server, advance: (ms: number) => void (at += ms) };
}

async function coachTokenOf(server: RunningServer, teacher: TeacherHandle): Promise<string> {
  const made = await teacher.request('POST', `/api/classes/${teacher.classId}/coach-key`);
  const { coachLink } = (await made.json()) as { coachLink: string };
  const key = new URL(coachLink, server.url).hash.replace('#key=', '');
  const session = await fetch(`${server.url}/api/classes/${teacher.classId}/coach-session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  });
  return ((await session.json()) as { token: string }).token;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function get(server: RunningServer, path: string, headers: Record<string, string>) {
  const res = await fetch(`${server.url}/api${path}`, { headers });
  const body = res.ok ? null : ((await res.json()) as { code: string; message: string });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
}

// Socket events each had a budget; REST routes had none: a coach link (or any credential) could ask for the
// evidence pack's PDF — seconds of CPU — in a loop, and a student for their work or the diagnostic.
describe('every route has a budget per caller, declared in the contract', () => {
  it('a loop of evidence PDFs from a coach link is refused after the budget with 429, Retry-After and a sentence; the teacher’s own are not', async () => {
    const { server, advance } = await serverWithStillClock();
    const { teacher } = await classWithGroupOfTwo(server);
    const coach = bearer(await coachTokenOf(server, teacher));
    const pdf = `/classes/${teacher.classId}/evidence.pdf`;
    const { burst, perSecond } = routes.evidencePdf.budget;

    for (let i = 0; i < burst; i++) expect((await get(server, pdf, coach)).status).toBe(200);
    const refused = await get(server, pdf, coach);
    expect(refused.status).toBe(429);
    expect(refused.body?.code).toBe('rate_limited');
    expect(refused.body?.message).toMatch(
      /^This was asked for too often \(10 in a row, then one every 15 seconds\)/,
    );
    expect(Number(refused.retryAfter)).toBe(Math.ceil(1 / perSecond));

    // The coach's budget is the coach session's: the teacher's download goes through.
    expect((await get(server, pdf, { cookie: teacher.cookie })).status).toBe(200);
    // Once Retry-After has passed, one more.
    advance(Number(refused.retryAfter) * 1000);
    expect((await get(server, pdf, coach)).status).toBe(200);
    expect((await get(server, pdf, coach)).status).toBe(429);
  });

  it('an honest teacher downloads every export of the menu, twice, and the group’s PDF and picture, and is never refused', async () => {
    const { server } = await serverWithStillClock();
    const { teacher, g1 } = await classWithGroupOfTwo(server);
    const cookie = { cookie: teacher.cookie };
    const c = `/classes/${teacher.classId}`;
    const menu = [
      `${c}/evidence.pdf`,
      `${c}/evidence.zip`,
      `${c}/discussion.pdf`,
      `${c}/boards.pdf`,
      `${c}/export`,
      ...CSV_TABLE_NAMES.map((table) => `${c}/exports/${table}`),
    ];
    // The e2e evidence-pack flow's requests, then the whole menu again after a change of mind.
    for (const path of [
      ...menu,
      `${c}/boards.pdf?groupId=${g1.groupId}`,
      `/boards/${g1.boardId}/board.svg`,
      `/boards/${g1.boardId}/board.svg`,
      `/boards/${g1.boardId}/board.tldr`,
      ...menu,
    ])
      expect({ path, status: (await get(server, path, cookie)).status }).toEqual({ path, status: 200 });
  });

  it('an over-budget call is refused before its body is read, and a student’s budget is theirs over every session', async () => {
    const { server } = await serverWithStillClock();
    const { teacher, ana, ben } = await classWithGroupOfTwo(server);
    const reflection = `${server.url}/api/classes/${teacher.classId}/reflections/mine`;
    const put = (token: string, body: string) =>
      fetch(reflection, {
        method: 'PUT',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body,
      });
    const { burst } = routes.putMyReflection.budget;
    for (let i = 0; i < burst; i++) expect((await put(ana.token, '{')).status).toBe(400);
    // Not JSON, yet 429: the budget was charged first, nothing parsed.
    expect((await put(ana.token, '{')).status).toBe(429);
    // A rejoin with her token is the same student: no fresh budget.
    const rejoined = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ joinCode: teacher.joinCode, displayName: 'Ana', token: ana.token }),
    });
    const again = ((await rejoined.json()) as { token: string }).token;
    expect((await put(again, '{')).status).toBe(429);
    expect((await put(ben.token, '{')).status).toBe(400);
  });

  it('without a credential the address pays, with room for a school behind one address', () => {
    const budgets = new RouteBudgets(() => 0);
    const { burst } = routes.join.budget;
    const address = { kind: 'address', key: '203.0.113.7' } as const;
    for (let i = 0; i < burst * ADDRESS_BUDGET_FACTOR; i++)
      expect(budgets.take('join', routes.join.budget, address)).toBeNull();
    expect(budgets.take('join', routes.join.budget, address)?.message).toMatch(/2500 in a row/);
    // A principal of the same name is another payer, with the route's own budget.
    const principal = { kind: 'principal', key: '203.0.113.7' } as const;
    for (let i = 0; i < burst; i++) expect(budgets.take('join', routes.join.budget, principal)).toBeNull();
    expect(budgets.take('join', routes.join.budget, principal)).not.toBeNull();
  });

  it('heavy routes get the tight budget, cheap reads the generous one', () => {
    for (const name of ['evidencePdf', 'evidenceZip', 'exportBoardsPdf', 'exportDiscussionPdf'] as const)
      expect(routes[name].budget).toBe(ROUTE_BUDGETS.heavy);
    expect(routes.classState.budget).toBe(ROUTE_BUDGETS.read);
  });
});
