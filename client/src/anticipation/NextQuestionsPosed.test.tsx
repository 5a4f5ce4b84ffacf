// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MonitoringState } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { NextQuestions, type PoseToGroup } from './NextQuestions.js';

afterEach(cleanUp);

const [FSI, PDI] = ['\u2068', '\u2069'];
const TITLE = 'מחיר ליחידה';

/** One group whose table matched a strategy the teacher titled in Hebrew. */
const state: MonitoringState = {
  classId: 'class1',
  anticipations: [
    { id: 'unit-price', title: TITLE, description: '', kind: 'strategy', lookFors: [], threshold: 1 },
  ],
  groups: [
    {
      groupId: 'g1',
      name: 'Group 1',
      boardId: 'b1',
      matches: [
        {
          anticipationId: 'unit-price',
          kind: 'strategy',
          score: 1,
          threshold: 1,
          matched: true,
          verdict: null,
          evidence: [{ shapeId: 'shape:table', text: 'table with 0.67' }],
        },
      ],
      notAnticipated: [],
      flagged: [],
      updatedAt: 0,
    },
  ],
};

describe('a suggested question posed to a group', () => {
  it('is posed as clean text, and isolated only in the sentences the panel composes around it', async () => {
    const onPose = vi.fn<PoseToGroup>().mockResolvedValue(null);
    const host = await render(<NextQuestions state={state} tags={[]} onPose={onPose} />);
    const asked = `Where do you see the ${TITLE} in this table? What does it mean here?`;
    const button = host.querySelector(`button[aria-label="Ask Group 1: ${FSI}${asked}${PDI}"]`);
    expect(button).not.toBeNull();

    await act(async () => (button as HTMLButtonElement).click());
    expect(onPose).toHaveBeenCalledWith(asked, 'g1', 'shape:table');
    expect(host.querySelector('[role="status"]')?.textContent).toBe(`Asked Group 1: ${FSI}${asked}${PDI}`);
  });
});
