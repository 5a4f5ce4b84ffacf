import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiscussionPlan, PlanInput, SnapshotSummary } from '@conjecture/shared';
import { useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';
import { getPlan, listSnapshots, onSnapshotTaken, presentStep, putPlan } from './discussionApi.js';

const TEACHER = { teacher: true } as const;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The teacher's gallery and plan. The plan is edited locally and saved whole, one save at a time in the
 * order made (two saves in flight could land out of order and undo the later edit); the presented step
 * follows the server.
 */
export function useTeacherDiscussion(classId: string, socket: ClassSocket | null, signedIn: boolean) {
  const [snapshots, setSnapshots] = useState<SnapshotSummary[]>([]);
  const [draft, setDraft] = useState<PlanInput | null>(null);
  const [presenting, setPresenting] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const reloadSnapshots = useCallback(() => {
    listSnapshots(classId, TEACHER).then(setSnapshots, (e: unknown) => setError(messageOf(e)));
  }, [classId]);
  useEffect(() => {
    if (!signedIn) return;
    reloadSnapshots();
    getPlan(classId, TEACHER).then(
      (plan: DiscussionPlan) => {
        setDraft({ steps: plan.steps, links: plan.links });
        setPresenting(plan.presenting);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [classId, signedIn, reloadSnapshots]);
  useEffect(() => onSnapshotTaken((id) => id === classId && reloadSnapshots()), [classId, reloadSnapshots]);
  useSocketEvent(socket, 'discussionChanged', (plan) => {
    if (plan.classId === classId) setPresenting(plan.presenting);
  });

  const save = useCallback(
    (next: PlanInput) => {
      setDraft(next);
      setSaving((n) => n + 1);
      queue.current = queue.current
        .then(() => putPlan(classId, next))
        .then(
          (plan) => {
            setError(null);
            setPresenting(plan.presenting);
          },
          (e: unknown) => setError(messageOf(e)),
        )
        .finally(() => setSaving((n) => n - 1));
    },
    [classId],
  );
  const present = useCallback(
    (step: number | null) => {
      queue.current = queue.current
        .then(() => presentStep(classId, step, TEACHER))
        .then(
          (plan) => setPresenting(plan.presenting),
          (e: unknown) => setError(messageOf(e)),
        );
    },
    [classId],
  );
  return { snapshots, draft, setDraft, save, presenting, present, error, saving: saving > 0 };
}
