import { API_PREFIX, DraftBoardSchema, StudentDraftSchema } from '@conjecture/shared';
import { fetchJson } from '../api/http.js';

/** The student's private draft board, made by the server on first use (the same board ever after). */
export const openDraftBoard = (classId: string, token: string) =>
  fetchJson(`${API_PREFIX}/classes/${encodeURIComponent(classId)}/draft`, DraftBoardSchema, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });

/** The teacher's look-up of a student's draft board (null: they have not opened one). */
export const findStudentDraft = (classId: string, studentId: string) =>
  fetchJson(
    `${API_PREFIX}/classes/${encodeURIComponent(classId)}/students/${encodeURIComponent(studentId)}/draft`,
    StudentDraftSchema,
  );
