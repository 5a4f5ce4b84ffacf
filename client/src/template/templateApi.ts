import { api } from '../api/http.js';
import type { TemplateRecord } from './templateRecords.js';

// The teacher's routes: the httpOnly cookie is the credential.
export const getTemplate = (classId: string) => api.getTemplate({ params: { classId } });

export const placeTemplate = (classId: string, records: TemplateRecord[]) =>
  api.setTemplate({ params: { classId }, body: { records } });
