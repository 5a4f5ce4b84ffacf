import type { GroupRepresentations } from '@conjecture/shared/board/index';
import { apiFor, TEACHER_AUTH, type ClassAuth } from '../api/http.js';
import type { ClassSocket } from './useClassSocket.js';
import { useRefetchedOnEvents } from './useRefetchedOnEvents.js';

/**
 * Per group, how many visual, symbolic, verbal, contextual and manipulative items its board holds (the
 * server counts with the shared `representationType`), counted again a moment after board activity.
 * A coach passes its token and no socket: the counts as they were when loaded.
 */
export function useGroupRepresentations(
  classId: string,
  socket: ClassSocket | null,
  signedIn: boolean,
  auth: ClassAuth = TEACHER_AUTH,
): GroupRepresentations | null {
  return useRefetchedOnEvents(
    () => apiFor(auth).representations({ params: { classId } }),
    classId,
    socket,
    signedIn,
    ['activityChanged', 'rosterChanged'],
  );
}
