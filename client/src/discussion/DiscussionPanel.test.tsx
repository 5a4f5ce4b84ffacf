// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import type { PlanInput } from '@conjecture/shared';
import { DiscussionPanel } from './DiscussionPanel.js';

const step = (n: number) => ({
  stepId: `step${n}`,
  snapshotId: `snap${n}`,
  rationale: { choice: null, text: '' },
  question: '',
});
// a link's words in a right-to-left language, with an override saved before the server stripped them
const plan = {
  steps: [step(1), step(2)],
  links: [
    {
      linkId: 'link1',
      from: { snapshotId: 'snap1', shapeId: 'shape:a' },
      to: { snapshotId: 'snap2', shapeId: 'shape:b' },
      kind: 'other',
      text: 'אותו \u202eמחיר',
    },
  ],
} as PlanInput;

vi.mock('./useTeacherDiscussion.js', () => ({
  useTeacherDiscussion: () => ({
    draft: plan,
    error: null,
    present: vi.fn(),
    presenting: null,
    save: vi.fn(),
    saving: false,
    setDraft: vi.fn(),
    snapshots: [],
    typed: {},
  }),
}));
vi.mock('./discussionApi.js', () => ({ getSnapshot: () => new Promise(() => {}) }));
vi.mock('./FollowControl.js', () => ({ FollowControl: () => null }));

afterEach(cleanUp);

describe('the discussion plan’s links', () => {
  it('quote a link’s words in an isolate in the name of its remove button', async () => {
    const host = await render(<DiscussionPanel classId="c1" socket={null} signedIn licenseKey={null} />);
    const remove = host.querySelector('[data-testid="plan-link"] button');
    expect(remove?.getAttribute('aria-label')).toBe('Remove the link “\u2068אותו מחיר\u2069”');
  });
});

describe('the discussion plan’s steps', () => {
  // 28 px squares 4 px apart: small and crowded beside the step's 36 px fields
  it('offer move up, move down and remove as the product’s standard-size buttons, each named for its step', async () => {
    const host = await render(<DiscussionPanel classId="c1" socket={null} signedIn licenseKey={null} />);
    const tools = [...host.querySelectorAll('[data-testid="plan-step-2"] .plan-step__tools button')];
    expect(tools.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Move step 2 up',
      'Move step 2 down',
      'Remove step 2',
    ]);
    expect(tools.map((b) => b.getAttribute('data-size'))).toEqual(['md', 'md', 'md']);
  });
});

describe('the snapshots gallery', () => {
  // it sits under the monitoring chart, whose rows have a camera button too, and named only the cards
  it('empty, names every place a snapshot is taken from, the chart’s rows above it first', async () => {
    const host = await render(<DiscussionPanel classId="c1" socket={null} signedIn licenseKey={null} />);
    const empty = [...host.querySelectorAll('p.muted')].find((p) =>
      p.textContent?.startsWith('No snapshots'),
    );
    expect(empty?.textContent).toBe(
      "No snapshots yet: take one with the camera on a group's row in the chart above, from its card in the live lesson, or from an opened board.",
    );
  });
});
