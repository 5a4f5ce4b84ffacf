import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiscussionPlan, PlanInput, QuestionType, SnapshotSummary } from '@conjecture/shared';
import { useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';
import { getPlan, listSnapshots, onSnapshotTaken, presentStep, putPlan } from './discussionApi.js';

const TEACHER = { teacher: true } as const;

/** A step's question as last saved, with the tagger's type for that text. */
export interface TypedQuestion {
  question: string;
  type: QuestionType | null;
}
const typedQuestions = (plan: DiscussionPlan): Record<string, TypedQuestion> =>
  Object.fromEntries(
    plan.steps.map((s) => [s.stepId, { question: s.question, type: plan.questionTypes[s.stepId] ?? null }]),
  );
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
  const [typed, setTyped] = useState<Record<string, TypedQuestion>>({});
  // Every plan the server answers carries the presented step and the questions' types.
  const received = useCallback((plan: DiscussionPlan) => {
    setPresenting(plan.presenting);
    setTyped(typedQuestions(plan));
  }, []);
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
        received(plan);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [classId, signedIn, reloadSnapshots, received]);
  useEffect(() => onSnapshotTaken((id) => id === classId && reloadSnapshots()), [classId, reloadSnapshots]);
  useSocketEvent(socket, 'discussionChanged', (plan) => {
    if (plan.classId === classId) received(plan);
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
            received(plan);
          },
          (e: unknown) => setError(messageOf(e)),
        )
        .finally(() => setSaving((n) => n - 1));
    },
    [classId, received],
  );
  const present = useCallback(
    (step: number | null) => {
      queue.current = queue.current
        .then(() => presentStep(classId, step, TEACHER))
        .then(
          (plan) => received(plan),
          (e: unknown) => setError(messageOf(e)),
        );
    },
    [classId],
  );
  return { snapshots, draft, setDraft, save, presenting, present, typed, error, saving: saving > 0 };
}
