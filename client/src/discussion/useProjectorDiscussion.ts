import { useCallback, useEffect, useState } from 'react';
import type { DiscussionPlan } from '@conjecture/shared';
import { useReloadOnConnect, useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';
import { getPlan, presentStep } from './discussionApi.js';

/**
 * The plan as the projector sees it, following `discussionChanged`; while a plan is presented the arrow keys
 * step through it (the server decides: the projector may step, never start or stop).
 */
export function useProjectorDiscussion(classId: string, token: string | null, socket: ClassSocket | null) {
  const [plan, setPlan] = useState<DiscussionPlan | null>(null);
  const reload = useCallback(async () => {
    if (token) setPlan(await getPlan(classId, { token }));
  }, [classId, token]);
  useReloadOnConnect(socket, reload);
  useSocketEvent(socket, 'discussionChanged', (next) => {
    if (next.classId === classId) setPlan(next);
  });
  const presenting = plan?.presenting ?? null;
  const steps = plan?.steps.length ?? 0;
  useEffect(() => {
    if (!token || presenting === null) return;
    const onKey = (event: KeyboardEvent) => {
      const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      const next = presenting + delta;
      if (delta === 0 || next < 0 || next >= steps) return;
      event.preventDefault();
      presentStep(classId, next, { token }).then(setPlan, () => {});
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [classId, token, presenting, steps]);
  return plan;
}
