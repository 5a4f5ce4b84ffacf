// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GroupDraw } from '@conjecture/shared';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { fakeClassServer } from '../test/fakeClassServer.js';
import { FakeClassSocket } from '../test/fakeClassSocket.js';
import { cleanUp, render } from '../test/render.js';
import { DrawnGroupNotice } from './DrawnGroupNotice.js';
import { useDrawnGroupNotice } from './useGroupDraw.js';

// A student who opens the class page after the draw (a late join, a reload): no `groupsPublished` reaches
// them, so what the server holds of the draw (GET …/grouping/draw) is what tells them.

const classId = 'class-0001';
const draw: GroupDraw = {
  drawnAt: 1_700_000_000_000,
  groups: [
    {
      groupId: 'group-001',
      name: 'Group 1',
      members: [
        { studentId: 'student-001', name: 'Ada' },
        { studentId: 'student-002', name: 'Bruno' },
      ],
    },
  ],
};

const socket = new FakeClassSocket() as unknown as ClassSocket;

function StudentNotice({ groupId }: { groupId: string | null }) {
  const { notice, dismiss } = useDrawnGroupNotice(classId, 'token-ada', 'student-001', groupId, socket);
  return notice ? <DrawnGroupNotice groupmates={notice.groupmates} onDismiss={dismiss} /> : <p>no notice</p>;
}

const noticeOf = (host: HTMLElement) => host.querySelector('[data-testid="drawn-group-notice"]');

const DRAW_ROUTE = `GET /classes/${classId}/grouping/draw`;
let server = fakeClassServer({});
beforeEach(() => {
  server = fakeClassServer({ [DRAW_ROUTE]: draw });
  vi.stubGlobal('fetch', server.fetch);
});
afterEach(() => {
  cleanUp();
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('a student arriving after their group was drawn at random', () => {
  it('is told on arrival, with who is in the group', async () => {
    const host = await render(<StudentNotice groupId="group-001" />);
    await vi.waitFor(() =>
      expect(noticeOf(host)?.textContent).toBe('Your group was drawn at random: you are with Bruno.'),
    );
  });

  it('is told once: dismissed, a page opened again does not repeat it', async () => {
    const host = await render(<StudentNotice groupId="group-001" />);
    await vi.waitFor(() => expect(noticeOf(host)).not.toBeNull());
    await act(async () => noticeOf(host)!.querySelector('button')!.click());
    expect(noticeOf(host)).toBeNull();
    cleanUp();
    const again = await render(<StudentNotice groupId="group-001" />);
    // the draw's answer is on its way as the page opens: wait for it to have arrived, then look
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await vi.waitFor(() => expect(again.textContent).toBe('no notice'));
    expect(noticeOf(again)).toBeNull();
  });

  it('is not told while waiting for a group', async () => {
    const host = await render(<StudentNotice groupId={null} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(noticeOf(host)).toBeNull();
  });

  it('is not told when moved by hand since the draw: the draw no longer says where she is', async () => {
    const host = await render(<StudentNotice groupId="group-002" />);
    await vi.waitFor(() => expect(server.asked(DRAW_ROUTE)).toBe(1));
    await act(async () => {}); // the draw's answer handled
    expect(noticeOf(host)).toBeNull();
  });
});
