import type { ClassState } from '@conjecture/shared';
import { ApiRequestError, type ClassAuth } from '../api/http.js';
import type { ClassCredentials } from './credentials.js';

export const COACH_LINK_INVALID =
  'This coach link is not valid or was turned off. Ask the teacher for a new one.';

export type CoachSession = { ok: true; token: string; cls: ClassState } | { ok: false; message: string };

export interface CoachSessionDeps {
  credentials: Pick<ClassCredentials, 'coachToken' | 'saveCoach' | 'forgetCoach'>;
  startSession: (classId: string, key: string) => Promise<{ token: string }>;
  loadClass: (classId: string, auth: ClassAuth) => Promise<ClassState>;
}

/** What the coach is told when the evidence does not open. */
export function coachFailureMessage(error: unknown): string {
  if (error instanceof ApiRequestError && error.code === 'unauthorized') return COACH_LINK_INVALID;
  if (error instanceof ApiRequestError && error.code === 'not_found')
    return 'This class does not exist (it may have been deleted).';
  return `Cannot open the evidence: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * A coach's session: the link's key (when the address had one) traded for a token kept per class, else the
 * token this browser kept; then the class with its roster. A refused token is forgotten, so a link the
 * teacher turned off says so on every visit rather than failing some other way.
 */
export async function openCoachSession(
  classId: string,
  key: string | null,
  deps: CoachSessionDeps,
): Promise<CoachSession> {
  try {
    let token = deps.credentials.coachToken(classId);
    if (key) {
      token = (await deps.startSession(classId, key)).token;
      deps.credentials.saveCoach(classId, token);
    }
    if (!token) return { ok: false, message: COACH_LINK_INVALID };
    return { ok: true, token, cls: await deps.loadClass(classId, { token }) };
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === 'unauthorized')
      deps.credentials.forgetCoach(classId);
    return { ok: false, message: coachFailureMessage(error) };
  }
}

/** How old the evidence a coach comes back to may be before it is read again by itself. */
export const COACH_STALE_MS = 60_000;

/**
 * Whether the coach's page, shown again (its tab brought back), reads the evidence again: when what it shows
 * was read more than `COACH_STALE_MS` ago and no read is under way. A coach watching a lesson from another
 * tab comes back to the lesson as it is, without looking for Refresh.
 */
export const readAgainOnReturn = (readAt: number, now: number, reading: boolean): boolean =>
  !reading && now - readAt > COACH_STALE_MS;
