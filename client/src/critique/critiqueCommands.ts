import { createContext } from 'react';
import type { ClientEventPayload } from '@conjecture/shared';
import { emitWithAck, type ClassSocket } from '../classroom/useClassSocket.js';

export type CritiqueEvent = 'postCritique' | 'editCritique' | 'deleteCritique' | 'resolveCritique';
export type CritiquePayload<E extends CritiqueEvent> = ClientEventPayload<E>;

/**
 * Sends one critique command; resolves to the server's refusal message, or null when it was done. The records
 * it writes come back through the board like any other change, so the caller waits for nothing else.
 */
export type SendCritique = <E extends CritiqueEvent>(
  event: E,
  payload: CritiquePayload<E>,
) => Promise<string | null>;

/**
 * Provided by the pages that may critique (a student in an unpaused class, the teacher) over their class
 * socket; absent in read-only views (projector, thumbnails, a paused class), which show threads without a
 * composer or any control that changes them.
 */
export const CritiqueSendContext = createContext<SendCritique | null>(null);

/** Critique commands over a class socket; null until the socket exists. */
export function critiqueSender(socket: ClassSocket | null): SendCritique | null {
  if (!socket) return null;
  return async (event, payload) => {
    const result = await emitWithAck(socket, event, payload);
    return result.ok ? null : result.error.message;
  };
}
