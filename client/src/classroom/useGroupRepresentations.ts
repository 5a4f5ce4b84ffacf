import type { GroupRepresentations } from '@conjecture/shared/board/index';
import { api } from '../api/http.js';
import type { ClassSocket } from './useClassSocket.js';
import { useRefetchedOnEvents } from './useRefetchedOnEvents.js';

/**
 * Per group, how many visual, symbolic, verbal, contextual and manipulative items its board holds (the
 * server counts with the shared `representationType`), counted again a moment after board activity.
 */
export function useGroupRepresentations(
  classId: string,
  socket: ClassSocket | null,
  signedIn: boolean,
): GroupRepresentations | null {
  return useRefetchedOnEvents(() => api.representations({ params: { classId } }), classId, socket, signedIn, [
    'activityChanged',
    'rosterChanged',
  ]);
}
