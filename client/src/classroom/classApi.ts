import { z } from 'zod';
import {
  API_PREFIX,
  ClassStateSchema,
  ClassViewSchema,
  CreatedClassSchema,
  GroupActivitySchema,
  GroupSchema,
  HandsSchema,
  IdentitySchema,
  JoinedClassSchema,
  ProjectionSchema,
  QuestionSchema,
  type ClassState,
  type ClassView,
  type CreateClassBody,
  type CreatedClass,
  type Group,
  type GroupActivity,
  type Hands,
  type Identity,
  type JoinClassBody,
  type JoinedClass,
  type PoseQuestionBody,
  type Projection,
  type Question,
} from '@conjecture/shared';
import { fetchJson } from '../api/http.js';

/**
 * Who is calling: a student or projector token (sent as a bearer token), or the teacher, whose httpOnly
 * cookie the browser adds to same-origin requests by itself.
 */
export type ClassAuth = { token: string } | { teacher: true };

const headersFor = (auth: ClassAuth): Record<string, string> =>
  'token' in auth && auth.token ? { Authorization: `Bearer ${auth.token}` } : {};

function request(auth: ClassAuth, method: string, body?: unknown): RequestInit {
  return {
    method,
    headers: {
      ...headersFor(auth),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

const anyone: ClassAuth = { token: '' };
const teacher: ClassAuth = { teacher: true };
const classUrl = (classId: string, rest = '') =>
  `${API_PREFIX}/classes/${encodeURIComponent(classId)}${rest}`;

export const createClass = (body: CreateClassBody): Promise<CreatedClass> =>
  fetchJson(`${API_PREFIX}/classes`, CreatedClassSchema, request(anyone, 'POST', body));

/** Trades the teacher link's key for the httpOnly cookie. */
export const startTeacherSession = (classId: string, key: string) =>
  fetchJson(classUrl(classId, '/teacher-session'), z.object({ classId: z.string() }), {
    ...request(anyone, 'POST', { key }),
    credentials: 'same-origin',
  });

export const startProjectorSession = (classId: string, key: string) =>
  fetchJson(
    classUrl(classId, '/projector-session'),
    z.object({ token: z.string() }),
    request(anyone, 'POST', { key }),
  );

export const joinClass = (body: JoinClassBody): Promise<JoinedClass> =>
  fetchJson(`${API_PREFIX}/join`, JoinedClassSchema, request(anyone, 'POST', body));

export const getMe = (token: string): Promise<Identity> =>
  fetchJson(`${API_PREFIX}/me`, IdentitySchema, request({ token }, 'GET'));

export const getClassView = (classId: string, auth: ClassAuth): Promise<ClassView> =>
  fetchJson(classUrl(classId, '/view'), ClassViewSchema, request(auth, 'GET'));

// The teacher's routes: the cookie is the credential.
export const getClassState = (classId: string): Promise<ClassState> =>
  fetchJson(classUrl(classId), ClassStateSchema, request(teacher, 'GET'));

export const updateClass = (
  classId: string,
  patch: {
    joiningOpen?: boolean;
    paused?: boolean;
    ended?: boolean;
    taskPrompt?: string;
    anonymizeDashboard?: boolean;
    anonymizeStudents?: boolean;
  },
): Promise<ClassState> => fetchJson(classUrl(classId), ClassStateSchema, request(teacher, 'PATCH', patch));

export const createGroup = (classId: string, name?: string): Promise<Group> =>
  fetchJson(classUrl(classId, '/groups'), GroupSchema, request(teacher, 'POST', name ? { name } : {}));

export const renameGroup = (classId: string, groupId: string, name: string): Promise<ClassState> =>
  fetchJson(
    classUrl(classId, `/groups/${encodeURIComponent(groupId)}`),
    ClassStateSchema,
    request(teacher, 'PATCH', { name }),
  );

/** Without `force` the server refuses (409 conflict) a group whose board or answers hold work. */
export const deleteGroup = (classId: string, groupId: string, force: boolean): Promise<ClassState> =>
  fetchJson(
    classUrl(classId, `/groups/${encodeURIComponent(groupId)}${force ? '?force=true' : ''}`),
    ClassStateSchema,
    request(teacher, 'DELETE'),
  );

export const assignStudent = (classId: string, studentId: string, groupId: string | null) =>
  fetchJson(
    classUrl(classId, `/students/${encodeURIComponent(studentId)}/group`),
    ClassStateSchema,
    request(teacher, 'PUT', { groupId }),
  );

export const removeStudent = (classId: string, studentId: string, removeMarks: boolean) =>
  fetchJson(
    classUrl(classId, `/students/${encodeURIComponent(studentId)}`),
    z.object({ removedRecords: z.number() }),
    request(teacher, 'DELETE', { removeMarks }),
  );

/** 204 with no body: `fetchJson` reads that as null. */
export const deleteClass = (classId: string): Promise<null> =>
  fetchJson(classUrl(classId), z.null(), request(teacher, 'DELETE'));

export const poseQuestion = (
  classId: string,
  body: { text: string; groupId: string | null; anchorShapeId: string | null },
): Promise<Question> =>
  fetchJson(
    classUrl(classId, '/questions'),
    QuestionSchema,
    request(teacher, 'POST', body satisfies PoseQuestionBody),
  );

export const listQuestions = (classId: string): Promise<Question[]> =>
  fetchJson(classUrl(classId, '/questions'), z.array(QuestionSchema), request(teacher, 'GET'));

export const setProjection = (classId: string, projection: Projection): Promise<Projection> =>
  fetchJson(classUrl(classId, '/projection'), ProjectionSchema, request(teacher, 'PUT', projection));

export const getActivity = (classId: string): Promise<GroupActivity[]> =>
  fetchJson(classUrl(classId, '/activity'), z.array(GroupActivitySchema), request(teacher, 'GET'));

export const getHands = (classId: string): Promise<Hands> =>
  fetchJson(classUrl(classId, '/hands'), HandsSchema, request(teacher, 'GET'));

export const rotateProjectorKey = (classId: string) =>
  fetchJson(
    classUrl(classId, '/projector-key'),
    z.object({ projectorLink: z.string() }),
    request(teacher, 'POST'),
  );
