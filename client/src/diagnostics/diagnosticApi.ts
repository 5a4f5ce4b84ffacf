import { z } from 'zod';
import type { DiagnosticRow } from '@conjecture/shared';
import {
  API_PREFIX,
  ClassStateSchema,
  DiagnosticRowSchema,
  GroupingPreviewSchema,
  GroupingScoreSchema,
  StudentDiagnosticSchema,
  type ClassState,
  type GroupingPreview,
  type GroupingPreviewBody,
  type GroupingScore,
  type StudentDiagnostic,
} from '@conjecture/shared';
import { fetchJson } from '../api/http.js';

const classUrl = (classId: string, rest: string) =>
  `${API_PREFIX}/classes/${encodeURIComponent(classId)}${rest}`;

function request(method: string, token: string | null, body?: unknown): RequestInit {
  return {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

// The teacher's routes: the httpOnly cookie is the credential (no token).
export const setDiagnostic = (classId: string, bank: 'default' | null | Record<string, unknown>) =>
  fetchJson(
    classUrl(classId, '/diagnostic'),
    z.object({ items: z.number() }).nullable(),
    request('PUT', null, { bank }),
  );

export const getDiagnosticRows = (classId: string): Promise<DiagnosticRow[]> =>
  fetchJson(classUrl(classId, '/diagnostic/profiles'), z.array(DiagnosticRowSchema), request('GET', null));

export const previewGroups = (
  classId: string,
  body: Partial<GroupingPreviewBody>,
): Promise<GroupingPreview> =>
  fetchJson(classUrl(classId, '/grouping/preview'), GroupingPreviewSchema, request('POST', null, body));

export const scoreGroups = (
  classId: string,
  groups: string[][],
  mode: GroupingPreviewBody['mode'],
): Promise<GroupingScore> =>
  fetchJson(
    classUrl(classId, '/grouping/score'),
    GroupingScoreSchema,
    request('POST', null, { groups, mode }),
  );

export const publishGroups = (classId: string, groups: string[][]): Promise<ClassState> =>
  fetchJson(classUrl(classId, '/grouping/publish'), ClassStateSchema, request('POST', null, { groups }));

// The student's routes: the stored join token.
export const getStudentDiagnostic = (classId: string, token: string): Promise<StudentDiagnostic> =>
  fetchJson(classUrl(classId, '/diagnostic'), StudentDiagnosticSchema, request('GET', token));

export const answerItem = (
  classId: string,
  token: string,
  answer: { itemId: string; optionId: string; confidence: number },
): Promise<StudentDiagnostic> =>
  fetchJson(
    classUrl(classId, '/diagnostic/responses'),
    StudentDiagnosticSchema,
    request('PUT', token, answer),
  );
