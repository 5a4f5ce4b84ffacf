// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SERVER_DID_NOT_ANSWER, type Identity } from '@conjecture/shared';
import { fakeIo, openedSockets } from '../test/fakeClassSocket.js';
import { fakeClassServer } from '../test/fakeClassServer.js';
import { cleanUp, render } from '../test/render.js';
import { credentials } from './credentials.js';
import { ClassSocketOpener } from './useClassSocket.js';
import { useStudentClass } from './useStudentClass.js';
import { useTeacherClass } from './useTeacherClass.js';
import { useProjectorView } from './useProjectorView.js';
import { aClass, aClassView } from '../test/classState.js';

// A student opens her class on a network where something else answers in the server's place (a school
// Wi-Fi's captive portal) and this browser holds no copy of the class: the REST calls get HTML.

const classId = 'class-0001';
const view = aClassView({ classId });
const ana: Identity = { role: 'student', classId, studentId: 'student-001', displayName: 'Ana', group: null };
let server = fakeClassServer({});

beforeEach(() => {
  server = fakeClassServer({ [`GET /classes/${classId}/view`]: view, 'GET /me': ana });
  vi.stubGlobal('fetch', server.fetch);
  openedSockets.length = 0;
  credentials.saveStudent(classId, 'ABCDEF', 'student-token');
});
afterEach(() => {
  cleanUp();
  localStorage.clear();
  vi.unstubAllGlobals();
});

function StudentPage() {
  const { state } = useStudentClass(classId);
  return <p>{state.phase === 'gone' || state.phase === 'unreachable' ? state.message : state.phase}</p>;
}

describe('a student’s class page when the server cannot be reached', () => {
  it('says the server did not answer, keeps her in the class, and opens it once the server answers', async () => {
    server.behindPortal(true);
    const host = await render(
      <ClassSocketOpener.Provider value={fakeIo}>
        <StudentPage />
      </ClassSocketOpener.Provider>,
    );
    await vi.waitFor(() => expect(host.textContent).toMatch(new RegExp(`^${SERVER_DID_NOT_ANSWER}`)));
    expect(credentials.studentToken(classId)).toBe('student-token');

    // The class socket is still trying: when it gets through, the class loads.
    await vi.waitFor(() => expect(openedSockets).toHaveLength(1));
    server.behindPortal(false);
    openedSockets[0]!.accept();
    await vi.waitFor(() => expect(host.textContent).toBe('in'));
  });

  it('a server that cannot open the class just now (a 503 while it moves) keeps her in it, not told she left', async () => {
    server.refuseAll({ code: 'unavailable', message: 'this class is moving to another server: retry' }, 503);
    const host = await render(
      <ClassSocketOpener.Provider value={fakeIo}>
        <StudentPage />
      </ClassSocketOpener.Provider>,
    );
    await vi.waitFor(() =>
      expect(host.textContent).toMatch(/^The server could not open your class just now/),
    );
    expect(credentials.studentToken(classId)).toBe('student-token');

    await vi.waitFor(() => expect(openedSockets).toHaveLength(1));
    server.refuseAll(null);
    openedSockets[0]!.accept();
    await vi.waitFor(() => expect(host.textContent).toBe('in'));
  });
});

/** A page's state line, and its Try again where a failure was temporary. */
function StateWithRetry({ page }: { page: { state: PageState; retry: () => void } }) {
  const { state, retry } = page;
  return (
    <>
      <p>{state.phase === 'failed' ? state.message : state.phase}</p>
      {state.phase === 'failed' && state.temporary ? <button onClick={retry}>Try again</button> : null}
    </>
  );
}
type PageState = { phase: string; message?: string; temporary?: boolean };
const TeacherPage = () => <StateWithRetry page={useTeacherClass(classId)} />;
const ProjectorPage = () => <StateWithRetry page={useProjectorView(classId)} />;

describe('the teacher’s class page when the server cannot be reached on opening', () => {
  it('says so and opens the class on Try again once the server answers, rather than sending her to another computer', async () => {
    server = fakeClassServer({
      [`GET /classes/${classId}`]: aClass({ classId }),
      [`GET /classes/${classId}/questions`]: [],
      [`GET /classes/${classId}/activity`]: [],
      [`GET /classes/${classId}/hands`]: { classId, raised: [] },
    });
    vi.stubGlobal('fetch', server.fetch);
    server.behindPortal(true);
    const host = await render(
      <ClassSocketOpener.Provider value={fakeIo}>
        <TeacherPage />
      </ClassSocketOpener.Provider>,
    );
    await vi.waitFor(() =>
      expect(host.querySelector('p')?.textContent).toMatch(new RegExp(`^${SERVER_DID_NOT_ANSWER}`)),
    );

    server.behindPortal(false);
    host.querySelector('button')!.click();
    await vi.waitFor(() => expect(host.querySelector('p')?.textContent).toBe('ready'));
  });
});

describe('the projector page when the server cannot be reached on opening', () => {
  it('says so and shows the class on Try again once the server answers', async () => {
    credentials.saveProjector(classId, 'projector-token');
    server.behindPortal(true);
    const host = await render(
      <ClassSocketOpener.Provider value={fakeIo}>
        <ProjectorPage />
      </ClassSocketOpener.Provider>,
    );
    await vi.waitFor(() =>
      expect(host.querySelector('p')?.textContent).toMatch(new RegExp(`^${SERVER_DID_NOT_ANSWER}`)),
    );
    expect(credentials.projectorToken(classId)).toBe('projector-token');

    server.behindPortal(false);
    host.querySelector('button')!.click();
    await vi.waitFor(() => expect(host.querySelector('p')?.textContent).toBe('ready'));
  });
});
