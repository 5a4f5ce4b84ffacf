import { api, apiFor } from '../api/http.js';

/** The student's private draft board, made by the server on first use (the same board ever after). */
export const openDraftBoard = (classId: string, token: string) =>
  apiFor(token).openDraft({ params: { classId } });

/** The teacher's look-up of a student's draft board (null: they have not opened one). */
export const findStudentDraft = (classId: string, studentId: string) =>
  api.studentDraft({ params: { classId, studentId } });
