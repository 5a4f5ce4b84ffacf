import { createApiClient, SHARD_PARAM, shardOf, type ApiClient } from '@conjecture/shared';
import type { RunningServer } from '../createServer.js';

/** A teacher, as a browser would be after opening the teacher link: holding the httpOnly cookie. */
export interface TeacherHandle {
  classId: string;
  joinCode: string;
  cookie: string;
  /** The teacher link's secret, to open the link again (another device). */
  teacherKey: string;
  projectorKey: string;
  /** The typed client of the REST contract, sending the teacher's cookie. */
  api: ApiClient;
  /** A raw request, for what the typed client cannot send (bodies that break the contract). */
  request(method: string, path: string, body?: unknown): Promise<Response>;
}

/** A path with the load balancer's routing parameter, as the browser's requests carry it. */
const routed = (path: string, key: string) =>
  `${path}${path.includes('?') ? '&' : '?'}${SHARD_PARAM}=${shardOf(key)}`;

/** The typed client for a server, with a student's or projector's token when given. */
export const apiOf = (server: RunningServer, token?: string): ApiClient =>
  createApiClient({ origin: server.url, headers: token ? { Authorization: `Bearer ${token}` } : {} });

/** The sample task's prompt: a class on it starts with the sample anticipations. */
export const SAMPLE_TASK_PROMPT = 'Which is the better deal: 3 pens for $2 or 5 pens for $3?';

export async function createClassAsTeacher(
  server: RunningServer,
  title = 'Ratios',
  taskPrompt = 'Which is the better deal?',
): Promise<TeacherHandle> {
  const created = await apiOf(server).createClass({ body: { title, taskPrompt } });
  const key = new URL(created.teacherLink, server.url).hash.replace('#key=', '');
  // The cookie is read from the answer's headers, which the typed client does not expose.
  const session = await fetch(
    `${server.url}${routed(`/api/classes/${created.classId}/teacher-session`, created.classId)}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key }),
    },
  );
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    classId: created.classId,
    joinCode: created.joinCode,
    cookie,
    teacherKey: key,
    projectorKey: new URL(created.projectorLink, server.url).hash.replace('#key=', ''),
    api: createApiClient({ origin: server.url, headers: { cookie } }),
    request: (method, path, body) =>
      fetch(`${server.url}${routed(path, created.classId)}`, {
        method,
        headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? null : JSON.stringify(body),
      }),
  };
}

export async function joinAs(server: RunningServer, joinCode: string, displayName: string, token?: string) {
  const res = await fetch(`${server.url}${routed('/api/join', joinCode)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(token ? { joinCode, displayName, token } : { joinCode, displayName }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { token: string; identity: { studentId: string } },
  };
}

export const createGroup = (teacher: TeacherHandle, name: string) =>
  teacher.api.createGroup({ params: { classId: teacher.classId }, body: { name } });

export async function assign(teacher: TeacherHandle, studentId: string, groupId: string | null) {
  return teacher.request('PUT', `/api/classes/${teacher.classId}/students/${studentId}/group`, { groupId });
}

/** A class with one group of two students, Ana and Ben: the setup many classroom tests start from. */
export async function classWithGroupOfTwo(server: RunningServer, taskPrompt?: string) {
  const teacher = await createClassAsTeacher(server, undefined, taskPrompt);
  const ana = (await joinAs(server, teacher.joinCode, 'Ana')).body;
  const ben = (await joinAs(server, teacher.joinCode, 'Ben')).body;
  const g1 = await createGroup(teacher, 'Group 1');
  await assign(teacher, ana.identity.studentId, g1.groupId);
  await assign(teacher, ben.identity.studentId, g1.groupId);
  return { teacher, ana, ben, g1 };
}
