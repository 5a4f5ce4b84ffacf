import { describe, expect, it } from 'vitest';
import { linkLabel, moveStep, planIssues, stepView, withoutDanglingLinks } from './plan.js';
import type { PlanInput, PlanLink, PlanStep } from './schema.js';

const step = (n: number): PlanStep => ({
  stepId: `step${n}`,
  snapshotId: `snapshot${n}`,
  rationale: { choice: null, text: '' },
  question: '',
});
const link = (from: number, to: number, over: Partial<PlanLink> = {}): PlanLink => ({
  linkId: `link${from}${to}`,
  from: { snapshotId: `snapshot${from}`, shapeId: `shape:a${from}` },
  to: { snapshotId: `snapshot${to}`, shapeId: `shape:a${to}` },
  kind: 'same-quantity',
  text: '',
  ...over,
});
const shapes: Record<string, Set<string>> = {
  snapshot1: new Set(['shape:a1']),
  snapshot2: new Set(['shape:a2']),
  snapshot3: new Set(['shape:a3']),
  snapshot4: new Set(['shape:a4']),
};
const shapesOf = (id: string) => shapes[id];

describe('moveStep', () => {
  it('moves one step up, down, to either end, and clamps without losing or copying any', () => {
    const steps = [1, 2, 3, 4];
    expect(moveStep(steps, 2, 1)).toEqual([1, 3, 2, 4]);
    expect(moveStep(steps, 0, 1)).toEqual([2, 1, 3, 4]);
    expect(moveStep(steps, 3, 0)).toEqual([4, 1, 2, 3]);
    expect(moveStep(steps, 0, 99)).toEqual([2, 3, 4, 1]);
    expect(moveStep(steps, 0, -1)).toEqual([1, 2, 3, 4]);
    expect(moveStep(steps, 7, 0)).toEqual([1, 2, 3, 4]);
    expect(steps).toEqual([1, 2, 3, 4]);
  });
});

describe('planIssues', () => {
  it('accepts links between items that exist in two snapshots of the plan', () => {
    const plan: PlanInput = { steps: [step(1), step(2)], links: [link(1, 2)] };
    expect(planIssues(plan, shapesOf)).toEqual([]);
  });

  it('refuses unknown or repeated snapshots, and links to items or snapshots that are not there', () => {
    const plan: PlanInput = {
      steps: [step(1), step(2), { ...step(9) }, { ...step(2), stepId: 'again' }],
      links: [
        link(1, 2, { to: { snapshotId: 'snapshot2', shapeId: 'shape:gone' } }),
        link(1, 3),
        link(1, 1, { linkId: 'self' }),
        link(2, 1, { kind: 'different-representation' }),
      ],
    };
    expect(planIssues(plan, shapesOf)).toEqual([
      { path: ['steps', 2, 'snapshotId'], message: 'no such snapshot in this class' },
      { path: ['steps', 3, 'snapshotId'], message: 'this snapshot is already a step' },
      { path: ['links', 0, 'to', 'shapeId'], message: 'no such item in that snapshot' },
      { path: ['links', 1, 'to', 'snapshotId'], message: 'the snapshot is not a step of the plan' },
      { path: ['links', 2, 'to', 'snapshotId'], message: 'a link joins two different snapshots' },
      { path: ['links', 3, 'text'], message: 'say what the link is' },
    ]);
  });
});

describe('stepView', () => {
  const plan = {
    steps: [step(1), step(2), step(3), step(4)],
    links: [link(1, 2), link(3, 1, { linkId: 'l31' }), link(2, 4), link(1, 4), link(3, 4)],
  };
  it('shows the first step alone, and a later one beside the earlier snapshots it links to', () => {
    expect(stepView(plan, 0)?.snapshotIds).toEqual(['snapshot1']);
    expect(stepView(plan, 1)).toMatchObject({ snapshotIds: ['snapshot1', 'snapshot2'], links: [link(1, 2)] });
    expect(stepView(plan, 2)?.snapshotIds).toEqual(['snapshot1', 'snapshot3']);
    expect(stepView(plan, 5)).toBeUndefined();
  });
  it('keeps three snapshots at most: the most recent earlier ones, in plan order', () => {
    const view = stepView(plan, 3);
    expect(view?.snapshotIds).toEqual(['snapshot2', 'snapshot3', 'snapshot4']);
    expect(view?.links.map((l) => l.linkId)).toEqual(['link24', 'link34']);
  });
});

describe('links', () => {
  it('read as the teacher chose them', () => {
    expect(linkLabel({ kind: 'same-quantity', text: '' })).toBe('same quantity');
    expect(linkLabel({ kind: 'different-representation', text: 'the unit price' })).toBe(
      'different representation of the unit price',
    );
    expect(linkLabel({ kind: 'other', text: 'both use 15 pens' })).toBe('both use 15 pens');
  });
  it('whose snapshot left the plan are dropped', () => {
    const plan = { steps: [step(1), step(3)], links: [link(1, 2), link(1, 3)] };
    expect(withoutDanglingLinks(plan).links).toEqual([link(1, 3)]);
  });
});
