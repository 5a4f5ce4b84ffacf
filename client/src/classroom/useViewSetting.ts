import { useState } from 'react';
import type { ServerToClientEvents } from '@conjecture/shared';
import { useSocketEvent, type ClassSocket } from './useClassSocket.js';

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/**
 * A class setting a member's page shows: what the class view said when it was fetched, then every change
 * event the teacher's action sends while the page is open. An event counts only against the view it arrived
 * after: a view fetched later (a refresh, a reconnect that missed events) is newer and wins.
 */
export function useViewSetting<E extends keyof ServerToClientEvents, T>(
  socket: ClassSocket | null,
  event: E,
  pick: (payload: Payload<E>) => T,
  fromView: T | undefined,
  fallback: T,
): T {
  const [live, setLive] = useState<{ value: T; after: T | undefined } | null>(null);
  useSocketEvent(socket, event, ((payload: Payload<E>) =>
    setLive({ value: pick(payload), after: fromView })) as ServerToClientEvents[E]);
  return live && live.after === fromView ? live.value : (fromView ?? fallback);
}
