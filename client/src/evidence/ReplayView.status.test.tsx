// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardReplay, ReplayStep } from '@conjecture/shared';
import { cleanUp, render } from '../test/render.js';
import { ReplayView } from './ReplayView.js';

// The canvas is a tldraw editor of its own, out of reach of happy-dom: its label is what this test reads.
vi.mock('./ReplayCanvas.js', () => ({
  ReplayCanvas: ({ label }: { label: string }) => <div data-testid="replay-canvas">{label}</div>,
}));

afterEach(() => {
  cleanUp();
  vi.unstubAllGlobals();
});

/** Local times, so the clock the teacher reads does not depend on the machine's time zone. */
const at = (h: number, m: number, s: number, ms = 0) => new Date(2026, 11, 7, h, m, s, ms).getTime();
const shape = (id: string, isLocked: boolean) => ({ id, typeName: 'shape', isLocked });
const step = (seq: number, when: number, author: string, put: object[]): ReplayStep =>
  ({ seq, at: when, author, put, removed: [] }) as ReplayStep;

/** The server places the locked task card first; then three students write a note each. */
const replay: BoardReplay = {
  groupId: 'g1',
  boardId: 'b1',
  steps: [
    step(1, at(13, 30, 0), 'server', [shape('shape:task', true)]),
    step(2, at(13, 33, 0), 'ana', [shape('shape:a', false)]),
    step(3, at(13, 34, 0), 'ben', [shape('shape:b', false)]),
    // The update that carried the note tagged at 13:35:19, stored a moment before the tag.
    step(4, at(13, 35, 18, 900), 'cy', [shape('shape:c', false)]),
  ],
  timeline: [
    {
      kind: 'tag',
      at: at(13, 35, 19, 200),
      author: 'cy',
      text: 'Because 3/4 is more',
      move: 'reasoning',
      questionType: null,
      question: false,
      corrected: false,
      shapeId: 'shape:c',
    },
  ],
};

async function openReplay() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json(replay)),
  );
  await render(
    <ReplayView
      classId="c1"
      groupId="g1"
      groupName="Group 1"
      resolveName={(id) => id}
      licenseKey={null}
      onClose={() => {}}
    />,
  );
  await vi.waitFor(() => expect(document.querySelector('[data-testid="replay-status"]')).not.toBeNull());
  return () => document.querySelector('[data-testid="replay-status"]')!.textContent;
}

const entryButton = () => document.querySelector<HTMLButtonElement>('.discourse-timeline button')!;
const slider = () => document.querySelector<HTMLElement>('[role="slider"]')!;

describe("the replay's status", () => {
  // "Step 4 of 4, 01:35:18 PM, 4 shapes": the update's time, not the chosen talk's, jargon, and the task card
  // counted as the group's work.
  it("says the chosen talk's time, in a teacher's words, counting only the group's shapes", async () => {
    const status = await openReplay();
    await act(async () => entryButton().click());
    expect(status()).toBe('Change 4 of 4 · 1:35:19 PM · 3 shapes by the group');
    expect(entryButton().textContent).toContain('1:35:19 PM');
  });

  // Position 0 showed the first update's clock time over an empty board.
  it('says the start is before anyone wrote', async () => {
    const status = await openReplay();
    await act(async () =>
      slider().dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })),
    );
    expect(status()).toBe('Before anyone wrote · 4 changes to come');
    expect(document.querySelector('[data-testid="replay-canvas"]')!.textContent).toBe(
      "Group 1's board before anyone wrote",
    );
  });
});
