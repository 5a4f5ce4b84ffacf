// @vitest-environment happy-dom
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_EXPIRED, type Identity } from '@conjecture/shared';
import { aClass, aClassView } from '../test/classState.js';
import { fakeIo, openedSockets, type FakeClassSocket } from '../test/fakeClassSocket.js';
import { fakeClassServer } from '../test/fakeClassServer.js';
import { cleanUp, render } from '../test/render.js';
import { credentials } from './credentials.js';
import { ClassSocketOpener, SOCKET_CAP_RETRY_MS } from './useClassSocket.js';
import { useProjectorView } from './useProjectorView.js';
import { useStudentClass } from './useStudentClass.js';
import { useTeacherClass } from './useTeacherClass.js';

// The class socket is the test's (handed in where pages open theirs): it plays the server's side (accept,
// cut, refuse a handshake). The REST calls go to a fake server.

const classId = 'class-0001';
const PROJECTOR_EXPIRED =
  "This projector link has expired: open the class's projector link again from the teacher's screen.";
const view = aClassView({ classId });
const ana: Identity = { role: 'student', classId, studentId: 'student-001', displayName: 'Ana', group: null };
const answers = {
  [`GET /classes/${classId}`]: aClass({ classId }),
  [`GET /classes/${classId}/questions`]: [],
  [`GET /classes/${classId}/activity`]: [],
  [`GET /classes/${classId}/hands`]: { classId, raised: [] },
  [`GET /classes/${classId}/view`]: view,
  'GET /me': ana,
};
let server = fakeClassServer(answers);

beforeEach(() => {
  server = fakeClassServer(answers);
  vi.stubGlobal('fetch', server.fetch);
  openedSockets.length = 0;
});
afterEach(() => {
  cleanUp();
  localStorage.clear();
  vi.unstubAllGlobals();
});

function TeacherPage() {
  const { state } = useTeacherClass(classId);
  return <p>{state.phase === 'failed' ? state.message : state.phase}</p>;
}
function StudentPage() {
  const { state } = useStudentClass(classId);
  return <p>{state.phase === 'gone' ? state.message : state.phase}</p>;
}
function ProjectorPage() {
  const { state } = useProjectorView(classId);
  return <p>{state.phase === 'failed' ? state.message : state.phase}</p>;
}

/** Opens the page and waits until it is in the class with its socket connected. */
async function openConnected(page: ReactElement, inClass: string): Promise<[HTMLElement, FakeClassSocket]> {
  const host = await render(<ClassSocketOpener.Provider value={fakeIo}>{page}</ClassSocketOpener.Provider>);
  await vi.waitFor(() => expect(host.textContent).toBe(inClass));
  await vi.waitFor(() => expect(openedSockets).toHaveLength(1));
  const socket = openedSockets[0]!;
  socket.accept();
  return [host, socket];
}

describe('the teacher’s class page whose socket the server disconnects', () => {
  it('shows the sign-in failure when the class state is refused as unauthorized', async () => {
    const [host, socket] = await openConnected(<TeacherPage />, 'ready');
    server.refuseAll({ code: 'unauthorized', message: SESSION_EXPIRED });
    socket.cutByServer();
    await vi.waitFor(() =>
      expect(host.textContent).toBe(
        'This browser is not signed in as the teacher of this class: open your teacher link again.',
      ),
    );
    expect(socket.connects).toBe(0);
  });

  it('connects again when the class state still loads (a cut that ended nothing)', async () => {
    const [host, socket] = await openConnected(<TeacherPage />, 'ready');
    socket.cutByServer();
    await vi.waitFor(() => expect(socket.connects).toBe(1));
    expect(host.textContent).toBe('ready');
  });
});

describe('the teacher’s class page whose reconnecting handshake the server refuses', () => {
  it('shows the sign-in failure when the session expired while the network was down', async () => {
    const [host, socket] = await openConnected(<TeacherPage />, 'ready');
    socket.loseNetwork();
    server.refuseAll({ code: 'unauthorized', message: SESSION_EXPIRED });
    socket.refuse('unauthorized');
    await vi.waitFor(() =>
      expect(host.textContent).toBe(
        'This browser is not signed in as the teacher of this class: open your teacher link again.',
      ),
    );
    expect(socket.connects).toBe(0);
  });

  it('connects again later, not at once, when the class state still loads', async () => {
    const [host, socket] = await openConnected(<TeacherPage />, 'ready');
    const asked = server.asked(`GET /classes/${classId}`);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      socket.refuse('protocol_mismatch');
      await vi.waitFor(() => expect(server.asked(`GET /classes/${classId}`)).toBe(asked + 1));
      await vi.waitFor(async () => {
        await vi.advanceTimersByTimeAsync(SOCKET_CAP_RETRY_MS);
        expect(socket.connects).toBe(1);
      });
    } finally {
      vi.useRealTimers();
    }
    expect(host.textContent).toBe('ready');
  });

  it('leaves a handshake refused for too many sockets to the socket’s own retry', async () => {
    const [host, socket] = await openConnected(<TeacherPage />, 'ready');
    const asked = server.asked(`GET /classes/${classId}`);
    server.refuseAll({ code: 'unauthorized', message: SESSION_EXPIRED });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      socket.refuse('rate_limited');
      await vi.waitFor(async () => {
        await vi.advanceTimersByTimeAsync(SOCKET_CAP_RETRY_MS);
        expect(socket.connects).toBe(1);
      });
    } finally {
      vi.useRealTimers();
    }
    expect(server.asked(`GET /classes/${classId}`)).toBe(asked);
    expect(host.textContent).toBe('ready');
  });
});

describe('a student’s page without a board whose socket the server disconnects', () => {
  beforeEach(() => credentials.saveStudent(classId, 'ABCDEF', 'student-token'));

  it('asks the server and shows why the session ended', async () => {
    const [host, socket] = await openConnected(<StudentPage />, 'in');
    server.refuseAll({ code: 'unauthorized', message: SESSION_EXPIRED });
    socket.cutByServer();
    await vi.waitFor(() => expect(host.textContent).toBe('This session has expired: join the class again.'));
    expect(credentials.studentToken(classId)).toBeNull();
    expect(socket.connects).toBe(0);
  });

  it('connects again when the session still holds', async () => {
    const [host, socket] = await openConnected(<StudentPage />, 'in');
    socket.cutByServer();
    await vi.waitFor(() => expect(socket.connects).toBe(1));
    expect(host.textContent).toBe('in');
  });

  it('asks the server once and shows why when its reconnecting handshake is refused', async () => {
    const [host, socket] = await openConnected(<StudentPage />, 'in');
    const asked = server.asked('GET /me');
    socket.loseNetwork();
    server.refuseAll({ code: 'unauthorized', message: SESSION_EXPIRED });
    socket.refuse('unauthorized');
    await vi.waitFor(() => expect(host.textContent).toBe('This session has expired: join the class again.'));
    expect(server.asked('GET /me')).toBe(asked + 1);
    expect(socket.connects).toBe(0);
  });
});

describe('the projector whose socket the server disconnects', () => {
  beforeEach(() => credentials.saveProjector(classId, 'projector-token'));

  it('says its link expired when the server refuses it as expired', async () => {
    const [host, socket] = await openConnected(<ProjectorPage />, 'ready');
    server.refuseAll({ code: 'unauthorized', message: SESSION_EXPIRED });
    socket.cutByServer();
    await vi.waitFor(() => expect(host.textContent).toBe(PROJECTOR_EXPIRED));
    expect(credentials.projectorToken(classId)).toBeNull();
  });

  it('says its link expired when its reconnecting handshake is refused after it expired', async () => {
    const [host, socket] = await openConnected(<ProjectorPage />, 'ready');
    const asked = server.asked(`GET /classes/${classId}/view`);
    socket.loseNetwork();
    server.refuseAll({ code: 'unauthorized', message: SESSION_EXPIRED });
    socket.refuse('unauthorized');
    await vi.waitFor(() => expect(host.textContent).toBe(PROJECTOR_EXPIRED));
    expect(server.asked(`GET /classes/${classId}/view`)).toBe(asked + 1);
    expect(socket.connects).toBe(0);
  });

  it('says its link expired when opened with a stored token that has expired', async () => {
    server.refuseAll({ code: 'unauthorized', message: SESSION_EXPIRED });
    const host = await render(
      <ClassSocketOpener.Provider value={fakeIo}>
        <ProjectorPage />
      </ClassSocketOpener.Provider>,
    );
    await vi.waitFor(() => expect(host.textContent).toBe(PROJECTOR_EXPIRED));
    expect(credentials.projectorToken(classId)).toBeNull();
  });

  it('says its link was replaced when the server refuses it as revoked', async () => {
    const [host, socket] = await openConnected(<ProjectorPage />, 'ready');
    server.refuseAll({ code: 'unauthorized', message: 'this session was revoked by the teacher' });
    socket.cutByServer();
    await vi.waitFor(() =>
      expect(host.textContent).toBe('This projector link was replaced: open the new one.'),
    );
  });

  it('connects again when its link still holds', async () => {
    const [host, socket] = await openConnected(<ProjectorPage />, 'ready');
    socket.cutByServer();
    await vi.waitFor(() => expect(socket.connects).toBe(1));
    expect(host.textContent).toBe('ready');
  });
});
