import type { ParticipationReport } from '@conjecture/shared';
import { apiFor, TEACHER_AUTH, type ClassAuth } from '../api/http.js';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { useRefetchedOnEvents } from '../classroom/useRefetchedOnEvents.js';

/**
 * Every group's participation balance, computed by the server from its logs, fetched again a moment after
 * the events that change it (board activity, answers, tags, the roster) — no polling.
 * A coach passes its token and no socket: the report as it was when loaded.
 */
export function useParticipation(
  classId: string,
  socket: ClassSocket | null,
  signedIn: boolean,
  auth: ClassAuth = TEACHER_AUTH,
): ParticipationReport | null {
  return useRefetchedOnEvents(
    () => apiFor(auth).participation({ params: { classId } }),
    classId,
    socket,
    signedIn,
    ['activityChanged', 'answerPosted', 'contributionTagged', 'rosterChanged'],
  );
}
