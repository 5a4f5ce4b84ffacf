// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiscussionPlan } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { fakeClassServer } from '../test/fakeClassServer.js';
import { PresentedStep } from './PresentedStep.js';

afterEach(() => {
  cleanUp();
  vi.unstubAllGlobals();
});

const CLASS_ID = 'class-0001';

/** A snapshot as the projector reads it: an anonymized class's group is "A group" (the server's word). */
const snapshot = (n: number, title: string, groupName: string) => ({
  snapshotId: `snap-000${n}`,
  groupId: `group-000${n}`,
  groupName,
  boardId: `board-000${n}`,
  title,
  region: null,
  shapeCount: 0,
  takenAt: 1,
  records: [],
});

const step = (n: number, question: string) => ({
  stepId: `step-000${n}`,
  snapshotId: `snap-000${n}`,
  rationale: { choice: null, text: '' },
  question,
});

/** The projector presenting step `presenting` (0-based) of a plan of `steps`, its snapshots served as given. */
async function presented(steps: ReturnType<typeof step>[], presenting: number, snapshots: object[]) {
  const server = fakeClassServer(
    Object.fromEntries(
      snapshots.map((s) => [
        `GET /classes/${CLASS_ID}/snapshots/${(s as { snapshotId: string }).snapshotId}`,
        s,
      ]),
    ),
  );
  vi.stubGlobal('fetch', server.fetch);
  const plan = { steps, links: [], presenting, questionTypes: {} } as unknown as DiscussionPlan;
  // a token of its own per test: the snapshots a projector fetched are kept by token
  const host = await render(
    <PresentedStep classId={CLASS_ID} plan={plan} auth={{ token: `projector-${Math.random()}` }} />,
  );
  const header = host.querySelector('.presented-step__header')!;
  await vi.waitFor(async () => {
    await act(async () => {});
    expect(host.querySelector('.snapshot-view')).not.toBeNull();
  });
  return header;
}

describe('a presented step says what the class is looking at', () => {
  it('names the work of a step that asks no question: its group, as the projector may name it', async () => {
    const header = await presented([step(1, 'How?'), step(2, '')], 1, [snapshot(2, 'A group', 'A group')]);
    expect(header.textContent).toContain('Step 2 of 2');
    expect(header.querySelector('[data-testid="step-subject"]')?.textContent).toBe('A group');
  });

  it("names the teacher's caption and the group when the caption is not the group's name", async () => {
    const header = await presented([step(1, '')], 0, [snapshot(1, 'A table of unit prices', 'Group 3')]);
    expect(header.querySelector('[data-testid="step-subject"]')?.textContent).toBe(
      'A table of unit prices · Group 3',
    );
  });

  it('leads with the question when the step asks one (its cells name the groups)', async () => {
    const header = await presented([step(1, 'What does 0.6 tell us?')], 0, [
      snapshot(1, 'Group 1', 'Group 1'),
    ]);
    expect(header.querySelector('[data-testid="step-question"]')?.textContent).toContain('What does 0.6');
    expect(header.querySelector('[data-testid="step-subject"]')).toBeNull();
  });
});
