import { API_PREFIX, DraftBoardSchema } from '@conjecture/shared';
import { fetchJson } from '../api/http.js';

/** The student's private draft board, made by the server on first use (the same board ever after). */
export const openDraftBoard = (classId: string, token: string) =>
  fetchJson(`${API_PREFIX}/classes/${encodeURIComponent(classId)}/draft`, DraftBoardSchema, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
