import type { Issue } from '../../protocol/result.js';
import {
  MAX_SNAPSHOTS_SIDE_BY_SIDE,
  type DiscussionPlan,
  type LinkKind,
  type PlanInput,
  type PlanLink,
  type PlanStep,
} from './schema.js';

/** The plan's steps with the one at `from` moved to `to` (both clamped); a new array, the input untouched. */
export function moveStep<T>(steps: readonly T[], from: number, to: number): T[] {
  const next = [...steps];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** What a link says on the projector: "same quantity", "different representation of the unit price"… */
export function linkLabel(link: Pick<PlanLink, 'kind' | 'text'>): string {
  const words: Record<LinkKind, string> = {
    'same-quantity': 'same quantity',
    'same-relationship': 'same relationship',
    'different-representation': 'different representation of',
    other: '',
  };
  return [words[link.kind], link.text].filter(Boolean).join(' ');
}

/** The shape ids each snapshot holds, as far as a link needs to know. */
export type ShapesOf = (snapshotId: string) => ReadonlySet<string> | undefined;

/**
 * Issues with a plan against the snapshots it names (none: valid). Every step's snapshot exists; a snapshot
 * is used by one step only; ids are unique; each link joins two items of two different snapshots of the plan
 * that exist in those snapshots' records; a "different representation of …" or free-text link says what.
 */
export function planIssues(plan: PlanInput, shapesOf: ShapesOf): Issue[] {
  const issues: Issue[] = [];
  const inPlan = new Set<string>();
  const stepIds = new Set<string>();
  plan.steps.forEach((step, i) => {
    if (stepIds.has(step.stepId))
      issues.push({ path: ['steps', i, 'stepId'], message: 'a step id is used twice' });
    stepIds.add(step.stepId);
    if (!shapesOf(step.snapshotId))
      issues.push({ path: ['steps', i, 'snapshotId'], message: 'no such snapshot in this class' });
    else if (inPlan.has(step.snapshotId))
      issues.push({ path: ['steps', i, 'snapshotId'], message: 'this snapshot is already a step' });
    inPlan.add(step.snapshotId);
  });
  const linkIds = new Set<string>();
  plan.links.forEach((link, i) => {
    const at = (...rest: (string | number)[]) => ['links', i, ...rest];
    if (linkIds.has(link.linkId)) issues.push({ path: at('linkId'), message: 'a link id is used twice' });
    linkIds.add(link.linkId);
    if (link.from.snapshotId === link.to.snapshotId)
      issues.push({ path: at('to', 'snapshotId'), message: 'a link joins two different snapshots' });
    for (const end of ['from', 'to'] as const) {
      const { snapshotId, shapeId } = link[end];
      if (!inPlan.has(snapshotId)) {
        issues.push({ path: at(end, 'snapshotId'), message: 'the snapshot is not a step of the plan' });
        continue;
      }
      if (!shapesOf(snapshotId)?.has(shapeId))
        issues.push({ path: at(end, 'shapeId'), message: 'no such item in that snapshot' });
    }
    if ((link.kind === 'different-representation' || link.kind === 'other') && !link.text)
      issues.push({ path: at('text'), message: 'say what the link is' });
  });
  return issues;
}

/** What the projector shows at a step: the snapshots side by side (earlier linked ones first) and the links. */
export interface StepView {
  step: PlanStep;
  index: number;
  snapshotIds: string[];
  links: PlanLink[];
}

/**
 * The step at `index` with the snapshots of earlier steps it is linked to (the most recent first, up to
 * MAX_SNAPSHOTS_SIDE_BY_SIDE in all, in plan order), and the links among the snapshots shown. Undefined when
 * there is no such step.
 */
export function stepView(plan: Pick<DiscussionPlan, 'steps' | 'links'>, index: number): StepView | undefined {
  const step = plan.steps[index];
  if (!step) return undefined;
  const order = new Map(plan.steps.map((s, i) => [s.snapshotId, i]));
  const linked = new Set<string>();
  for (const link of plan.links) {
    const ends = [link.from.snapshotId, link.to.snapshotId];
    if (!ends.includes(step.snapshotId)) continue;
    for (const id of ends) if ((order.get(id) ?? Infinity) < index) linked.add(id);
  }
  const earlier = [...linked]
    .sort((a, b) => (order.get(b) ?? 0) - (order.get(a) ?? 0))
    .slice(0, MAX_SNAPSHOTS_SIDE_BY_SIDE - 1)
    .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const snapshotIds = [...earlier, step.snapshotId];
  const shown = new Set(snapshotIds);
  const links = plan.links.filter((l) => shown.has(l.from.snapshotId) && shown.has(l.to.snapshotId));
  return { step, index, snapshotIds, links };
}

/** The plan without the links whose snapshots are no longer steps: what the editor keeps after a removal. */
export function withoutDanglingLinks<P extends PlanInput>(plan: P): P {
  const inPlan = new Set(plan.steps.map((s) => s.snapshotId));
  return {
    ...plan,
    links: plan.links.filter((l) => inPlan.has(l.from.snapshotId) && inPlan.has(l.to.snapshotId)),
  };
}
