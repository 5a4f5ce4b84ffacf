import { z } from 'zod';
import { API_PREFIX, TemplateSchema } from '@conjecture/shared';
import { fetchJson } from '../api/http.js';
import type { TemplateRecord } from './templateRecords.js';

const templateUrl = (classId: string) => `${API_PREFIX}/classes/${encodeURIComponent(classId)}/template`;

// The teacher's routes: the httpOnly cookie is the credential.
export const getTemplate = (classId: string) => fetchJson(templateUrl(classId), TemplateSchema);

export const placeTemplate = (classId: string, records: TemplateRecord[]) =>
  fetchJson(templateUrl(classId), z.object({ records: z.number() }), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ records }),
  });
