import { z } from 'zod';
import {
  API_PREFIX,
  AnticipationSchema,
  MonitoringStateSchema,
  type Anticipation,
  type AnticipationInput,
  type MonitoringState,
  type Verdict,
} from '@conjecture/shared';
import { ApiRequestError, fetchJson } from '../api/http.js';

// The teacher's routes: the httpOnly cookie is the credential.
const classUrl = (classId: string, rest: string) =>
  `${API_PREFIX}/classes/${encodeURIComponent(classId)}${rest}`;
const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

export const listAnticipations = (classId: string): Promise<Anticipation[]> =>
  fetchJson(classUrl(classId, '/anticipations'), z.array(AnticipationSchema));

export const addAnticipation = (classId: string, input: AnticipationInput): Promise<Anticipation> =>
  fetchJson(classUrl(classId, '/anticipations'), AnticipationSchema, json('POST', input));

export const replaceAnticipation = (
  classId: string,
  id: string,
  input: AnticipationInput,
): Promise<Anticipation> =>
  fetchJson(
    classUrl(classId, `/anticipations/${encodeURIComponent(id)}`),
    AnticipationSchema,
    json('PUT', input),
  );

export async function deleteAnticipation(classId: string, id: string): Promise<void> {
  const res = await fetch(classUrl(classId, `/anticipations/${encodeURIComponent(id)}`), {
    method: 'DELETE',
  });
  if (res.status !== 204)
    throw new ApiRequestError('bad_response', `could not delete (${res.status})`, res.status);
}

export const getMonitoring = (classId: string): Promise<MonitoringState> =>
  fetchJson(classUrl(classId, '/monitoring'), MonitoringStateSchema);

export const setVerdict = (
  classId: string,
  groupId: string,
  anticipationId: string,
  verdict: Verdict | null,
): Promise<MonitoringState> =>
  fetchJson(
    classUrl(classId, `/monitoring/${encodeURIComponent(groupId)}/${encodeURIComponent(anticipationId)}`),
    MonitoringStateSchema,
    json('PUT', { verdict }),
  );

export const labelsUrl = (classId: string) => classUrl(classId, '/monitoring/labels.jsonl');
