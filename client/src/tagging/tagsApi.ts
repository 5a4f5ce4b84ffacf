import { z } from 'zod';
import {
  API_PREFIX,
  ContributionTagSchema,
  TagSummarySchema,
  type ContributionTag,
  type TagSummary,
} from '@conjecture/shared';
import { fetchJson } from '../api/http.js';
import type { ClassAuth } from '../classroom/classApi.js';

const headersFor = (auth: ClassAuth): Record<string, string> =>
  'token' in auth && auth.token ? { Authorization: `Bearer ${auth.token}` } : {};
const classUrl = (classId: string, rest: string) =>
  `${API_PREFIX}/classes/${encodeURIComponent(classId)}/tags${rest}`;

/** The tags of one board (the chips): a student's token, the projector's, or the teacher's cookie. */
export const getBoardTags = (boardId: string, auth: ClassAuth): Promise<ContributionTag[]> =>
  fetchJson(`${API_PREFIX}/boards/${encodeURIComponent(boardId)}/tags`, z.array(ContributionTagSchema), {
    headers: headersFor(auth),
  });

// The teacher's routes: the cookie is the credential.
export const getClassTags = (classId: string): Promise<ContributionTag[]> =>
  fetchJson(classUrl(classId, ''), z.array(ContributionTagSchema));

export const getTagSummary = (classId: string): Promise<TagSummary> =>
  fetchJson(classUrl(classId, '/summary'), TagSummarySchema);

export const correctTag = (
  classId: string,
  contributionId: string,
  correction: { move: string; questionType: string | null },
): Promise<ContributionTag> =>
  fetchJson(classUrl(classId, `/${encodeURIComponent(contributionId)}`), ContributionTagSchema, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(correction),
  });

export const correctionsExportUrl = (classId: string): string => classUrl(classId, '/corrections.jsonl');
