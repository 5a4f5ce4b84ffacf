// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JOIN_ATTEMPT_CONFLICT } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { JoinPage } from './JoinPage.js';

afterEach(() => {
  cleanUp();
  vi.unstubAllGlobals();
  window.history.pushState(null, '', '/');
  localStorage.clear();
});

interface JoinBody {
  joinCode: string;
  displayName: string;
  attemptId: string;
  renameAttempt?: true;
}

/**
 * POST /api/join as the server keeps attempts: one attempt, one student under one name. `loseNextAnswer`
 * stores the next join and fails its request as a dropped connection does; `removeAll` removes every stored
 * student as the teacher would; `useAll` marks every stored student's session used (a rename is refused).
 */
function fakeJoinServer() {
  const stored = new Map<string, { name: string; removed: boolean; used?: true }>();
  const sent: JoinBody[] = [];
  let loseNext = false;
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as JoinBody;
    sent.push(body);
    const attempt = stored.get(body.attemptId);
    if (attempt?.removed)
      return json(409, { code: 'conflict', message: `${JOIN_ATTEMPT_CONFLICT.removed}: reload the page` });
    if (attempt?.used && attempt.name !== body.displayName && body.renameAttempt)
      return json(409, {
        code: 'conflict',
        message: `${JOIN_ATTEMPT_CONFLICT.joinedAs(attempt.name)}: ${JOIN_ATTEMPT_CONFLICT.inUse}`,
      });
    if (attempt && attempt.name !== body.displayName && !body.renameAttempt)
      return json(409, {
        code: 'conflict',
        message: `${JOIN_ATTEMPT_CONFLICT.joinedAs(attempt.name)}: go on under that name`,
      });
    stored.set(body.attemptId, { name: body.displayName, removed: false });
    if (loseNext) {
      loseNext = false;
      throw new TypeError('Failed to fetch');
    }
    return json(200, {
      token: `token-of-${body.attemptId}`,
      identity: {
        role: 'student',
        classId: 'class-0001',
        studentId: `student-${stored.size}`,
        displayName: body.displayName,
        group: null,
      },
    });
  };
  return {
    fetch,
    sent,
    loseNextAnswer: () => (loseNext = true),
    removeAll: () => stored.forEach((s) => (s.removed = true)),
    useAll: () => stored.forEach((s) => (s.used = true)),
    names: () => [...stored.values()].filter((s) => !s.removed).map((s) => s.name),
  };
}

async function joinForm() {
  const host = await render(<JoinPage />);
  const input = (id: string) => host.querySelector<HTMLInputElement>(`#${id}`)!;
  const type = (id: string, text: string) =>
    act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input(id), text);
      input(id).dispatchEvent(new Event('input', { bubbles: true }));
    });
  const button = (text: string) =>
    [...host.querySelectorAll('button')].find((b) => b.textContent === text) ?? null;
  const press = (text: string) =>
    act(async () => {
      button(text)!.click();
    });
  return { host, type, button, press };
}

/** Ana's join is stored, but its answer is lost on the way: the form shows she could not reach the server. */
async function anaJoinedButHeardNoAnswer() {
  const server = fakeJoinServer();
  vi.stubGlobal('fetch', server.fetch);
  const form = await joinForm();
  await form.type('join-class-code', 'ABC123');
  await form.type('join-your-name', 'Ana');
  server.loseNextAnswer();
  await form.press('Join');
  return { server, form };
}

describe('the join form after a join whose answer was lost', () => {
  it('offers to go on under the name that joined, or to join under the edited name, without a reload', async () => {
    const { server, form } = await anaJoinedButHeardNoAnswer();
    expect(form.host.textContent).toContain("Can't reach Conjecture");

    // She edits her name and joins again: the same attempt is stored as Ana.
    await form.type('join-your-name', 'Ana P.');
    await form.press('Join');
    expect(form.host.textContent).toContain('You already joined as “Ana”');
    expect(form.button('Join')).toBeNull();

    await form.press('Continue as “Ana”');
    expect(window.location.pathname).toBe('/class/class-0001');
    expect(server.sent.map((b) => [b.displayName, b.attemptId === server.sent[0]!.attemptId])).toEqual([
      ['Ana', true],
      ['Ana P.', true],
      ['Ana', true],
    ]);
  });

  it('joins under the edited name in place of the first, so the class holds one student', async () => {
    const { server, form } = await anaJoinedButHeardNoAnswer();
    await form.type('join-your-name', 'Ana P.');
    await form.press('Join');

    await form.press('Join as “Ana P.” instead');
    expect(window.location.pathname).toBe('/class/class-0001');
    expect(server.sent.at(-1)).toMatchObject({
      displayName: 'Ana P.',
      attemptId: server.sent[0]!.attemptId,
      renameAttempt: true,
    });
    expect(server.names()).toEqual(['Ana P.']);
  });

  it('offers only to go on as the first name once that student is in the class', async () => {
    const { server, form } = await anaJoinedButHeardNoAnswer();
    await form.type('join-your-name', 'Ana P.');
    await form.press('Join');
    server.useAll();

    await form.press('Join as “Ana P.” instead');
    expect(form.host.textContent).toContain('“Ana” is already in the class');
    expect(form.button('Join as “Ana P.” instead')).toBeNull();
    await form.press('Continue as “Ana”');
    expect(window.location.pathname).toBe('/class/class-0001');
    expect(server.names()).toEqual(['Ana']);
  });

  it('after the teacher removed the attempt’s student, joins again with a new attempt', async () => {
    const { server, form } = await anaJoinedButHeardNoAnswer();
    server.removeAll();
    await form.press('Join');
    expect(form.host.textContent).toContain(
      'Your teacher removed you from this class. Press Join to join again.',
    );

    await form.press('Join');
    expect(window.location.pathname).toBe('/class/class-0001');
    expect(new Set(server.sent.map((b) => b.attemptId)).size).toBe(2);
  });
});
