import { useCallback, useEffect, useRef, useState } from 'react';
import type { FollowView } from '@conjecture/shared';
import type { ClassAuth } from '../api/http.js';
import { LoadOrder } from '../classroom/loadOrder.js';
import { unlessSame } from '../classroom/sameAnswer.js';
import { useReloadOnConnect, useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';
import { getFollow } from './discussionApi.js';

/**
 * What "bring everyone to me" shows, kept current: `followChanged` as it comes, and a fresh read on every
 * (re)connect (an event sent while the socket was away is never replayed). A read that an event overtook is
 * stale and asked again (LoadOrder). Null until known, or without credentials.
 */
export function useFollow(
  classId: string,
  auth: ClassAuth | null,
  socket: ClassSocket | null,
): FollowView | null {
  const [view, setView] = useState<FollowView | null>(null);
  const order = useRef(new LoadOrder());
  const key = auth ? JSON.stringify(auth) : null;
  const load = useCallback(async (): Promise<void> => {
    if (!key) return;
    const ticket = order.current.begin();
    const read = await getFollow(classId, JSON.parse(key) as ClassAuth);
    const verdict = order.current.verdict(ticket);
    if (verdict === 'askAgain') return load();
    if (verdict === 'apply') setView((held) => unlessSame(held, read));
  }, [classId, key]);
  useEffect(() => {
    load().catch(() => {});
  }, [load]);
  useReloadOnConnect(socket, load);
  useSocketEvent(socket, 'followChanged', (next) => {
    if (next.classId !== classId) return;
    order.current.event();
    setView(next);
  });
  return view;
}
