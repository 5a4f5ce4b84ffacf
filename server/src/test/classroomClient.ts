import type { RunningServer } from '../createServer.js';

/** A teacher, as a browser would be after opening the teacher link: holding the httpOnly cookie. */
export interface TeacherHandle {
  classId: string;
  joinCode: string;
  cookie: string;
  projectorKey: string;
  request(method: string, path: string, body?: unknown): Promise<Response>;
}

export async function createClassAsTeacher(server: RunningServer, title = 'Ratios'): Promise<TeacherHandle> {
  const res = await fetch(`${server.url}/api/classes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, taskPrompt: 'Which is the better deal?' }),
  });
  if (res.status !== 201) throw new Error(`create class: ${res.status}`);
  const created = (await res.json()) as {
    classId: string;
    joinCode: string;
    teacherLink: string;
    projectorLink: string;
  };
  const key = new URL(created.teacherLink, server.url).hash.replace('#key=', '');
  const session = await fetch(`${server.url}/api/classes/${created.classId}/teacher-session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  });
  const setCookie = session.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  return {
    classId: created.classId,
    joinCode: created.joinCode,
    cookie,
    projectorKey: new URL(created.projectorLink, server.url).hash.replace('#key=', ''),
    request: (method, path, body) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? null : JSON.stringify(body),
      }),
  };
}

export async function joinAs(server: RunningServer, joinCode: string, displayName: string, token?: string) {
  const res = await fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(token ? { joinCode, displayName, token } : { joinCode, displayName }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { token: string; identity: { studentId: string } },
  };
}

export async function createGroup(teacher: TeacherHandle, name: string) {
  const res = await teacher.request('POST', `/api/classes/${teacher.classId}/groups`, { name });
  return (await res.json()) as { groupId: string; boardId: string; name: string };
}

export async function assign(teacher: TeacherHandle, studentId: string, groupId: string | null) {
  return teacher.request('PUT', `/api/classes/${teacher.classId}/students/${studentId}/group`, { groupId });
}

/** A class with one group of two students, Ana and Ben: the setup many classroom tests start from. */
export async function classWithGroupOfTwo(server: RunningServer) {
  const teacher = await createClassAsTeacher(server);
  const ana = (await joinAs(server, teacher.joinCode, 'Ana')).body;
  const ben = (await joinAs(server, teacher.joinCode, 'Ben')).body;
  const g1 = await createGroup(teacher, 'Group 1');
  await assign(teacher, ana.identity.studentId, g1.groupId);
  await assign(teacher, ben.identity.studentId, g1.groupId);
  return { teacher, ana, ben, g1 };
}
