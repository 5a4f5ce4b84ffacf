import { useCallback } from 'react';
import { stepView, type DiscussionPlan } from '@conjecture/shared';
import type { ClassAuth } from '../api/http.js';
import { getSnapshot } from './discussionApi.js';
import { StepScreen } from './StepScreen.js';

/** The presented step of the discussion plan on the projector, its snapshots fetched as the projector. */
export function PresentedStep({
  classId,
  plan,
  auth,
}: {
  classId: string;
  plan: DiscussionPlan;
  auth: ClassAuth;
}) {
  const loadSnapshot = useCallback((id: string) => getSnapshot(classId, id, auth), [classId, auth]);
  const view = plan.presenting === null ? undefined : stepView(plan, plan.presenting);
  if (!view) return null;
  return (
    <StepScreen
      caption={`Step ${view.index + 1} of ${plan.steps.length}`}
      question={view.step.question}
      snapshotIds={view.snapshotIds}
      links={view.links}
      loadSnapshot={loadSnapshot}
      testId="presented-step"
      step={view.index + 1}
      subjectId={view.step.snapshotId}
    />
  );
}
